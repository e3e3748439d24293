import { Schema, model } from 'mongoose';

/**
 * The sales of one UTC hour, counted as orders are paid and refunded (sales-stats.ts), so the
 * overview never reads the orders themselves: FerretDB v1 has no `$lookup` or `$avg`, and reads
 * every row for a date range. Hours, not days, so that any admin's time zone gets its own days.
 */
const salesHourSchema = new Schema(
  {
    /** `YYYY-MM-DDTHH`, the hour the orders were placed in (UTC). */
    _id: { type: String, required: true },
    orders: { type: Number, default: 0 },
    /** Minor units of the shop's currency. */
    revenue: { type: Number, default: 0 },
    units: { type: Number, default: 0 },
    newCustomers: { type: Number, default: 0 },
    /** `{ <productId>: { title, units, revenue } }` */
    products: { type: Schema.Types.Mixed, default: {} },
    /** `{ <categoryId or "none">: { units, revenue } }` */
    categories: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export interface SalesHourDocument {
  _id: string;
  orders: number;
  revenue: number;
  units: number;
  newCustomers: number;
  products: Record<string, { title?: string; units: number; revenue: number }>;
  categories: Record<string, { units: number; revenue: number }>;
}

export const SalesHourModel = model<SalesHourDocument>('SalesHour', salesHourSchema);

/** Each shopper (by email) once, with their first paid order: the "new customers" figure. */
const firstOrderSchema = new Schema(
  {
    _id: { type: String, required: true },
    orderId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const FirstOrderModel = model('FirstOrder', firstOrderSchema);

export const hourKeyOf = (instant: Date): string => instant.toISOString().slice(0, 13);
