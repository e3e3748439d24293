import { z } from 'zod';
import { moneySchema } from '../money.schema';
import { orderStatuses } from '../orders/order-status';
import { daysBetween, isTimeZone } from './stats-days';

export { addDays, daysBetween, isTimeZone, localDay } from './stats-days';

/** The longest period the overview asks for at once (a year and a day, so a leap year fits). */
export const maxStatsDays = 366;

/**
 * `GET /api/admin/stats?from&to&tz`: `from` and `to` are local calendar days (inclusive) in the
 * IANA time zone `tz`, so "today" means the admin's today, not the server's.
 */
export const statsQuerySchema = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    tz: z
      .string()
      .max(64)
      .refine(isTimeZone, 'must be an IANA time zone, such as Europe/Dublin')
      .default('UTC'),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' })
  .refine((query) => daysBetween(query.from, query.to) < maxStatsDays, { path: ['to'], message: `must be within ${maxStatsDays} days of from` })
  .meta({ id: 'StatsQuery' });
export type StatsQuery = z.input<typeof statsQuerySchema>;

/** The period's sales and, for comparison, those of the period of the same length just before it. */
export const salesFiguresSchema = z.strictObject({
  revenue: moneySchema,
  orders: z.number().int(),
  averageOrderValue: moneySchema,
  unitsSold: z.number().int(),
  newCustomers: z.number().int(),
});
export type SalesFigures = z.infer<typeof salesFiguresSchema>;

export const statsResponseSchema = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    tz: z.string(),
    current: salesFiguresSchema,
    previous: salesFiguresSchema.extend({ from: z.iso.date(), to: z.iso.date() }),
    /** One entry per local day of the period, in order, days without sales included. */
    revenueByDay: z.array(z.strictObject({ day: z.iso.date(), revenue: moneySchema, orders: z.number().int() })),
    /** Every order in the shop by its status now. */
    ordersByStatus: z.array(z.strictObject({ status: z.enum(orderStatuses), count: z.number().int() })),
    topProducts: z.array(z.strictObject({ productId: z.string(), title: z.string(), unitsSold: z.number().int(), revenue: moneySchema })),
    salesByCategory: z.array(z.strictObject({ categoryId: z.string().nullable(), name: z.string(), revenue: moneySchema, unitsSold: z.number().int() })),
    lowStock: z.array(z.strictObject({ productId: z.string(), title: z.string(), available: z.number().int(), threshold: z.number().int() })),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof statsResponseSchema>;

/** Sales count when an order is paid; a refund (cancel after payment, or a return) takes them back out. */
export const statsNotes = {
  revenue: 'Order totals of paid orders placed in the period, net of refunds',
  newCustomers: 'Shoppers whose first paid order falls in the period',
} as const;
