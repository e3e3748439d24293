import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const moneySchema = new Schema({ amount: { type: Number, required: true }, currency: { type: String, required: true } }, { _id: false });

/**
 * A line remembers what the product looked like when it was added: the price, to tell the shopper
 * what changed since, and the title and picture, to show a line whose product is gone.
 */
const cartLineSchema = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, required: true },
    quantity: { type: Number, required: true, min: 1 },
    priceWhenAdded: { type: moneySchema, required: true },
    title: { type: String, required: true },
    slug: { type: String, required: true },
    image: { type: Schema.Types.ObjectId, default: null },
    sellerId: { type: Schema.Types.ObjectId, default: null },
    addedAt: { type: Date, required: true },
  },
  { _id: false },
);

const cartSchema = new Schema(
  {
    /** `user:<id>` for a signed-in shopper, `guest:<sha-256 of the cookie>` for a guest (the cookie itself is never stored). */
    owner: { type: String, required: true, unique: true },
    lines: { type: [cartLineSchema], default: [] },
    /** Every write is guarded on the version it read, so two tabs adding at once both count. */
    version: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

/** A line as read with `.lean()`: plain data, not a mongoose subdocument. */
export interface StoredCartLine {
  productId: Types.ObjectId;
  quantity: number;
  priceWhenAdded: { amount: number; currency: string };
  title: string;
  slug: string;
  image?: Types.ObjectId | null;
  sellerId?: Types.ObjectId | null;
  addedAt: Date;
}

export type CartDocument = Omit<InferSchemaType<typeof cartSchema>, 'lines'> & { _id: Types.ObjectId; updatedAt: Date; lines: StoredCartLine[] };
export const CartModel = model<CartDocument>('Cart', cartSchema);
