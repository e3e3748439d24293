import { productStatuses } from '@shared/catalog/product';
import { Schema, model, trusted, type InferSchemaType, type Types } from 'mongoose';

const moneySchema = new Schema(
  {
    amount: { type: Number, required: true, min: 0, validate: Number.isInteger },
    currency: { type: String, required: true, match: /^[A-Z]{3}$/ },
  },
  { _id: false },
);

const attributeSchema = new Schema(
  { name: { type: String, required: true, maxlength: 60 }, value: { type: String, required: true, maxlength: 200 } },
  { _id: false },
);


const productSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: 200 },
    slug: { type: String, required: true, unique: true, lowercase: true, maxlength: 220 },
    description: { type: String, default: '', maxlength: 10_000 },
    categoryId: { type: Schema.Types.ObjectId, ref: 'Category', required: true },
    /** The category and its ancestors, so a filter on a parent category finds its children's products. */
    categoryPath: { type: [Schema.Types.ObjectId], default: [] },
    attributes: { type: [attributeSchema], default: [] },
    images: { type: [Schema.Types.ObjectId], default: [] },
    price: { type: moneySchema, required: true },
    compareAtPrice: { type: moneySchema, default: undefined },
    sellerId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    status: { type: String, enum: productStatuses, default: 'draft' },
    /** The seller is suspended: the product is off the storefront whatever its status. Older documents lack it. */
    sellerSuspended: { type: Boolean, default: false },
    /**
     * Stock on hand, units reserved by unpaid orders, and what can still be sold. `available` is
     * kept equal to `stock - reserved` by every update, so a reservation is one guarded update
     * `{ _id, available: { $gte: q } } → $inc` (SPEC section 5). No save hook recomputes it: a
     * document saved from a stale read would overwrite a concurrent reservation.
     */
    stock: { type: Number, required: true, min: 0, default: 0 },
    reserved: { type: Number, required: true, min: 0, default: 0 },
    available: { type: Number, required: true, min: 0, default: 0 },
    soldCount: { type: Number, default: 0, min: 0 },
    /** Admins are told when `available` falls to this or below. */
    lowStockThreshold: { type: Number, default: 5, min: 0 },
    /** The unpaid orders holding units, as `<order id>:<quantity>`: see inventory.ts. */
    holds: { type: [String], default: [] },
    /** Lower-case words of title, description, category and attributes, for search without $text. */
    searchTerms: { type: [String], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

/**
 * What shoppers may see and buy: active, and not of a suspended seller. FerretDB pushes down both
 * the equality and the `$ne`, which also matches documents written before the field existed.
 */
export const onSale = { status: 'active' as const, sellerSuspended: trusted({ $ne: true }) };

// Shopper listings always filter on status; each index serves one sort order.
productSchema.index({ status: 1, categoryPath: 1, createdAt: -1 });
productSchema.index({ status: 1, 'price.amount': 1 });
productSchema.index({ status: 1, soldCount: -1 });
productSchema.index({ status: 1, createdAt: -1 });
productSchema.index({ status: 1, categoryId: 1 });
productSchema.index({ sellerId: 1, status: 1 });
// The Seller API's sync list: one seller's products in `(updatedAt, _id)` order from a cursor. On
// MongoDB this serves the range and the sort; FerretDB uses the `sellerId` equality alone.
productSchema.index({ sellerId: 1, updatedAt: 1, _id: 1 });
productSchema.index({ searchTerms: 1 });

export type ProductDocument = InferSchemaType<typeof productSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const ProductModel = model('Product', productSchema);
