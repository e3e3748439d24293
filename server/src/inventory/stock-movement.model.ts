import { Schema, model } from 'mongoose';

/** Every manual stock change, for the audit trail behind the stock page. */
const stockMovementSchema = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    change: { type: Number, required: true },
    stockAfter: { type: Number, required: true },
    reason: { type: String, required: true, maxlength: 200 },
    byUserId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw' },
);
stockMovementSchema.index({ productId: 1, createdAt: -1 });

export const StockMovementModel = model('StockMovement', stockMovementSchema);
