import { z } from 'zod';
import { checkingDayRange, dayRangeShape } from '../admin/day-range';
import { objectIdSchema } from '../catalog/product';
import { moneySchema } from '../money.schema';
import { orderStatuses } from '../orders/order-status';
import { orderLineSchema, shippingAddressSchema, shippingMethods, statusChangeSchema } from '../orders/order';
export { lineShipmentSchema, type LineShipment } from '../orders/order';

/**
 * A seller's side of the shoppers' orders (issue 11, items 2 and 6): one order may hold lines of
 * several sellers, and each seller sees and ships only their own. The shopper sees one order.
 */

export const sellerOrderLineSchema = orderLineSchema
  .omit({ sellerId: true, sellerName: true })
  .extend({
    commission: z.object({ basisPoints: z.number().int(), amount: moneySchema }).meta({ description: 'The shop\'s cut, at the seller\'s rate when the order was placed' }),
    payout: moneySchema.meta({ description: 'The line total less the commission: what the seller is paid for the line' }),
  })
  .meta({ id: 'SellerOrderLine' });
export type SellerOrderLine = z.infer<typeof sellerOrderLineSchema>;

export const sellerOrderTotalsSchema = z
  .object({
    gross: moneySchema.meta({ description: 'The seller\'s line totals, before the order\'s discount (which the shop bears)' }),
    commission: moneySchema,
    payout: moneySchema.meta({ description: 'gross − commission' }),
  })
  .meta({ id: 'SellerOrderTotals' });
export type SellerOrderTotals = z.infer<typeof sellerOrderTotalsSchema>;

/** `may_ship`: paid, and this seller still has a line to ship. */
export const sellerOrderSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ example: 'MS-7K3Q-9XWD' }),
    status: z.enum(orderStatuses),
    lines: z.array(sellerOrderLineSchema).meta({ description: 'This seller\'s lines only' }),
    totals: sellerOrderTotalsSchema,
    otherSellersLineCount: z.number().int().meta({ description: 'Lines of the same order that others ship; the order is shipped once all lines are' }),
    shippingAddress: shippingAddressSchema.meta({ description: 'Where to send the lines' }),
    shippingMethod: z.enum(shippingMethods),
    statusHistory: z.array(statusChangeSchema),
    mayShip: z.boolean().meta({ description: 'The order is paid and not yet shipped, and this seller has lines left to ship' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SellerOrder' });
export type SellerOrder = z.infer<typeof sellerOrderSchema>;

export const sellerOrderSummarySchema = sellerOrderSchema
  .pick({ id: true, number: true, status: true, totals: true, mayShip: true, createdAt: true })
  .extend({
    updatedAt: z.iso.datetime().meta({ description: 'When the order last changed: a move, or a line shipped' }),
    itemCount: z.number().int().meta({ description: 'This seller\'s units in the order' }),
    lineCount: z.number().int(),
    shippedLineCount: z.number().int(),
  })
  .meta({ id: 'SellerOrderSummary' });
export type SellerOrderSummary = z.infer<typeof sellerOrderSummarySchema>;

export const sellerOrderListQuerySchema = z.strictObject({
  status: z.enum(orderStatuses).optional(),
  toShip: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .meta({ description: '`true`: only paid orders with lines of this seller still to ship' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  updatedSince: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'For syncing: only orders changed at or after this instant (inclusive), oldest change first, as `GET /api/seller/products`' }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a cursor from this list')
    .optional()
    .meta({ description: 'The `nextCursor` of the page before, with the same filters' }),
});
export type SellerOrderListQuery = z.input<typeof sellerOrderListQuerySchema>;

export const sellerOrderListSchema = z
  .object({
    items: z.array(sellerOrderSummarySchema).meta({ description: 'Newest first; with `updatedSince`, in `(updatedAt, id)` order' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SellerOrderList' });
export type SellerOrderList = z.infer<typeof sellerOrderListSchema>;

export const sellerOrderParamsSchema = z.strictObject({ orderId: objectIdSchema });

/** The sales report: local days `from`..`to` in `tz`, both required, at most a year and a day. */
export const maxSalesReportDays = 366;

export const sellerSalesQuerySchema = checkingDayRange(
  z.strictObject({ ...dayRangeShape, from: z.iso.date(), to: z.iso.date() }),
).refine((query) => Date.parse(query.to) - Date.parse(query.from) < maxSalesReportDays * 86_400_000, {
  path: ['to'],
  message: `must be within ${maxSalesReportDays} days of from`,
});
export type SellerSalesQuery = z.input<typeof sellerSalesQuerySchema>;

export const sellerSalesDaySchema = z.object({
  day: z.iso.date(),
  orderCount: z.number().int(),
  unitCount: z.number().int(),
  gross: moneySchema,
  commission: moneySchema,
  payout: moneySchema,
});
export type SellerSalesDay = z.infer<typeof sellerSalesDaySchema>;

export const sellerSalesReportSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    tz: z.string(),
    totals: sellerSalesDaySchema.omit({ day: true }),
    refunded: z.object({ orderCount: z.number().int(), gross: moneySchema }).meta({ description: 'Orders of the period cancelled or returned after payment: not in the totals' }),
    days: z.array(sellerSalesDaySchema).meta({ description: 'Every day of the period, oldest first, zeros included' }),
  })
  .meta({
    id: 'SellerSalesReport',
    description: 'Sales of the seller\'s lines in orders placed in the period that are paid and not cancelled or returned; by the local day the order was placed.',
  });
export type SellerSalesReport = z.infer<typeof sellerSalesReportSchema>;
