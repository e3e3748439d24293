import { sellerApiScopes } from '@shared/sellers/seller-api';
import { model, Schema, type InferSchemaType, type Types } from 'mongoose';

/**
 * A seller's API key. Only the SHA-256 of the secret is kept (`keyHash`), with its first characters
 * for display; a key is found by the hash, an indexed equality FerretDB pushes down.
 */
const sellerApiKeySchema = new Schema(
  {
    sellerId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    name: { type: String, required: true, trim: true, maxlength: 60 },
    scopes: { type: [{ type: String, enum: sellerApiScopes }], required: true },
    keyHash: { type: String, required: true, unique: true },
    prefix: { type: String, required: true },
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

export type SellerApiKeyDocument = InferSchemaType<typeof sellerApiKeySchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const SellerApiKeyModel = model('SellerApiKey', sellerApiKeySchema);

/**
 * How many live keys each seller holds, so that the limit is one guarded update
 * `{ _id, live: { $lt: max } } → $inc` rather than a count followed by an insert (two creations at
 * once could both count nine). `_id` is the seller's user id.
 */
const sellerApiKeyQuotaSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  live: { type: Number, required: true, min: 0, default: 0 },
});

export const SellerApiKeyQuotaModel = model('SellerApiKeyQuota', sellerApiKeyQuotaSchema);
