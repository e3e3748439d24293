import { sellerStatuses } from '@shared/sellers/seller';
import { model, Schema, type InferSchemaType, type Types } from 'mongoose';

/** A marketplace seller's standing with the shop. `_id` is the seller's user id, as products' `sellerId`. */
const sellerSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    shopName: { type: String, required: true, trim: true, maxlength: 80 },
    contactEmail: { type: String, required: true, lowercase: true, trim: true },
    description: { type: String, default: '', maxlength: 1000 },
    status: { type: String, enum: sellerStatuses, required: true },
    commissionBasisPoints: { type: Number, required: true, min: 0, max: 10_000 },
    appliedAt: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

sellerSchema.index({ status: 1, appliedAt: -1 });

export type SellerDocument = InferSchemaType<typeof sellerSchema> & { _id: Types.ObjectId };
export const SellerModel = model('Seller', sellerSchema);
