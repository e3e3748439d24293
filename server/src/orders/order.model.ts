import { orderActors, orderStatuses, type OrderActor, type OrderStatus } from '@shared/orders/order-status';
import { paymentProviders, paymentStatuses, shippingMethods, type PaymentProviderName, type PaymentStatus, type ShippingMethod } from '@shared/orders/order';
import { Schema, model, type Types } from 'mongoose';

const moneySchema = new Schema({ amount: { type: Number, required: true, validate: Number.isSafeInteger }, currency: { type: String, required: true } }, { _id: false });

/** Copied at purchase time (SPEC section 3): a later price change or rename does not touch an order. */
const orderLineSchema = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, required: true },
    slug: { type: String, required: true },
    title: { type: String, required: true },
    image: { type: Schema.Types.ObjectId, default: null },
    unitPrice: { type: moneySchema, required: true },
    quantity: { type: Number, required: true, min: 1 },
    lineTotal: { type: moneySchema, required: true },
    sellerId: { type: Schema.Types.ObjectId, default: null },
    /** The seller's shop name when bought, for "Sold by" on the order; null for the shop's own lines. */
    sellerName: { type: String, default: null },
    /** The product's category when bought, for sales by category. */
    categoryId: { type: Schema.Types.ObjectId, default: null },
    /** The shop's cut of a seller's line, at the seller's rate when bought; null for the shop's own lines. */
    commission: {
      type: new Schema({ basisPoints: { type: Number, required: true }, amount: { type: moneySchema, required: true } }, { _id: false }),
      default: null,
    },
    /** Set once, when the line's seller ships it (seller-orders.service.ts), or with the whole order by an admin. */
    shipment: {
      type: new Schema({ carrier: { type: String, required: true }, trackingNumber: { type: String, required: true }, shippedAt: { type: Date, required: true } }, { _id: false }),
      default: null,
    },
  },
  { _id: false },
);

const statusChangeSchema = new Schema(
  {
    status: { type: String, enum: orderStatuses, required: true },
    at: { type: Date, required: true },
    by: { type: String, enum: orderActors, required: true },
    byUserId: { type: Schema.Types.ObjectId, default: null },
    note: { type: String, maxlength: 500 },
  },
  { _id: false },
);

const addressSchema = new Schema(
  { name: String, line1: String, line2: String, city: String, postalCode: String, region: String, country: String, phone: String },
  { _id: false },
);

/**
 * Where the order's stock stands, kept apart from `status` so that a crash between a move and its
 * stock change is found and finished by the sweeper (reservation-sweeper.ts):
 * `reserving` while checkout reserves, `held` until paid or cancelled, then `sold` or `released`,
 * and `returned` after a refund put the units back.
 */
export const stockStates = ['reserving', 'held', 'sold', 'released', 'returned'] as const;
export type StockState = (typeof stockStates)[number];

const orderSchema = new Schema(
  {
    number: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** Lower case, as the admins' customer filter looks it up by equality. */
    email: { type: String, required: true, lowercase: true, trim: true },
    lines: { type: [orderLineSchema], required: true },
    totals: {
      subtotal: { type: moneySchema, required: true },
      discount: { type: moneySchema, required: true },
      shipping: { type: moneySchema, required: true },
      tax: { type: moneySchema, required: true },
      total: { type: moneySchema, required: true },
    },
    discountCode: { type: String, default: null },
    shippingAddress: { type: addressSchema, required: true },
    shippingMethod: { type: String, enum: shippingMethods, required: true },
    payment: {
      provider: { type: String, enum: paymentProviders, required: true },
      reference: { type: String, default: null },
      status: { type: String, enum: paymentStatuses, required: true, default: 'pending' },
      cardLast4: { type: String, default: null },
      failureMessage: { type: String, default: null },
    },
    status: { type: String, enum: orderStatuses, required: true, default: 'pending_payment' },
    statusHistory: { type: [statusChangeSchema], default: [] },
    stockState: { type: String, enum: stockStates, required: true, default: 'reserving' },
    /** Unpaid stock is held until then; the sweeper cancels the order after it. */
    reservedUntil: { type: Date, default: null },
    /** The seller of each line, for their rooms and their own order lists. */
    sellerIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

// Equalities only, each served by its GIN index on FerretDB (SPEC section 8).
orderSchema.index({ userId: 1, createdAt: -1 });
orderSchema.index({ status: 1, createdAt: -1 });
orderSchema.index({ stockState: 1 });
orderSchema.index({ 'payment.reference': 1 });
orderSchema.index({ sellerIds: 1, createdAt: -1 });
orderSchema.index({ email: 1, createdAt: -1 });

interface StoredMoney {
  amount: number;
  currency: string;
}

/** An order as read with `.lean()`. Declared, not inferred: mongoose's inference makes nested paths optional. */
export interface OrderDocument {
  _id: Types.ObjectId;
  number: string;
  userId: Types.ObjectId | null;
  email: string;
  lines: Array<{
    productId: Types.ObjectId;
    slug: string;
    title: string;
    image: Types.ObjectId | null;
    unitPrice: StoredMoney;
    quantity: number;
    lineTotal: StoredMoney;
    sellerId: Types.ObjectId | null;
    sellerName?: string | null;
    categoryId?: Types.ObjectId | null;
    commission?: { basisPoints: number; amount: StoredMoney } | null;
    shipment?: { carrier: string; trackingNumber: string; shippedAt: Date } | null;
  }>;
  totals: Record<'subtotal' | 'discount' | 'shipping' | 'tax' | 'total', StoredMoney>;
  discountCode: string | null;
  shippingAddress: { name: string; line1: string; line2?: string; city: string; postalCode: string; region?: string; country: string; phone?: string };
  shippingMethod: ShippingMethod;
  payment: { provider: PaymentProviderName; reference: string | null; status: PaymentStatus; cardLast4: string | null; failureMessage: string | null };
  status: OrderStatus;
  statusHistory: Array<{ status: OrderStatus; at: Date; by: OrderActor; byUserId: Types.ObjectId | null; note?: string }>;
  stockState: StockState;
  reservedUntil: Date | null;
  sellerIds: Types.ObjectId[];
  createdAt: Date;
  updatedAt: Date;
}

export const OrderModel = model<OrderDocument>('Order', orderSchema);
