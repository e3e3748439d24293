import { Schema, model, type Types } from 'mongoose';

const discountCodeSchema = new Schema(
  {
    code: { type: String, required: true, unique: true, uppercase: true, match: /^[A-Z0-9_-]{1,40}$/ },
    kind: { type: String, enum: ['percent', 'fixed'], required: true },
    /** Basis points for `percent` (10 % = 1000), minor units for `fixed`. */
    value: { type: Number, required: true, min: 1, validate: Number.isSafeInteger },
    /** The subtotal, in minor units, an order needs for the code to apply. */
    minimumSpend: { type: Number, default: 0, min: 0 },
    expiresAt: { type: Date, default: null },
    /** Null for no limit. `usedCount` only rises through a guarded update, so the limit holds under any concurrency. */
    maxUses: { type: Number, default: null, min: 1 },
    usedCount: { type: Number, default: 0, min: 0 },
    perCustomerLimit: { type: Number, default: null, min: 1 },
    active: { type: Boolean, default: true },
  },
  { timestamps: true, strict: 'throw' },
);

export interface DiscountCodeDocument {
  _id: Types.ObjectId;
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  minimumSpend: number;
  expiresAt: Date | null;
  maxUses: number | null;
  usedCount: number;
  perCustomerLimit: number | null;
  active: boolean;
}

export const DiscountCodeModel = model<DiscountCodeDocument>('DiscountCode', discountCodeSchema);

/** How often one customer (a user id, or a guest's email) has used one code. */
const discountRedemptionSchema = new Schema(
  {
    codeId: { type: Schema.Types.ObjectId, required: true },
    customer: { type: String, required: true },
    count: { type: Number, required: true, min: 0 },
  },
  { timestamps: true, strict: 'throw' },
);
discountRedemptionSchema.index({ codeId: 1, customer: 1 }, { unique: true });

export const DiscountRedemptionModel = model('DiscountRedemption', discountRedemptionSchema);
