import { z } from 'zod';
import { emailSchema } from '../accounts/accounts';
import { objectIdSchema } from '../catalog/product';
import { moneySchema } from '../money.schema';
import { checkingDayRange, dayRangeShape } from '../admin/day-range';
import { orderActors, orderStatuses } from './order-status';

export const shippingMethods = ['standard', 'express'] as const;
export type ShippingMethod = (typeof shippingMethods)[number];

export const paymentProviders = ['test', 'stripe'] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];

export const shippingAddressSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(120),
    line1: z.string().trim().min(1, 'is required').max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1, 'is required').max(100),
    postalCode: z.string().trim().min(1, 'is required').max(20),
    region: z.string().trim().max(100).optional(),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
    phone: z.string().trim().max(40).optional(),
  })
  .meta({ id: 'ShippingAddress' });
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

export const cardSchema = z.strictObject({
  number: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'must be a card number')),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});
export type Card = z.input<typeof cardSchema>;

export const paymentRequestSchema = z.discriminatedUnion('provider', [
  z.strictObject({ provider: z.literal('test'), card: cardSchema }),
  z.strictObject({
    provider: z.literal('stripe'),
    paymentMethod: z.string().regex(/^pm_[A-Za-z0-9_]{1,200}$/, 'must be a Stripe PaymentMethod id'),
  }),
]);

/**
 * SPEC section 6. The lines come from the caller's cart, and every amount from the database: a
 * price or total in the body is refused as an unknown key, never used.
 */
export const placeOrderRequestSchema = z
  .strictObject({
    email: emailSchema.optional().meta({ description: 'Required for a guest; a signed-in shopper\'s is their account email' }),
    shippingAddress: shippingAddressSchema,
    shippingMethod: z.enum(shippingMethods),
    payment: paymentRequestSchema,
    discountCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{1,40}$/, 'is not a discount code').optional(),
  })
  .meta({ id: 'PlaceOrderRequest' });
export type PlaceOrderRequest = z.input<typeof placeOrderRequestSchema>;

/** Stripe's rule: any string of up to 255 characters; clients send a fresh UUID per attempt. */
export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z.string({ error: 'is required' }).min(1, 'is required').max(255),
});

export const lineShipmentSchema = z
  .object({
    carrier: z.string(),
    trackingNumber: z.string(),
    shippedAt: z.iso.datetime(),
  })
  .meta({ id: 'LineShipment', description: 'How one order line left its seller' });
export type LineShipment = z.infer<typeof lineShipmentSchema>;

/** What shipping one line takes: by its seller, or by an admin for the shop's own lines. */
export const lineShipmentInputSchema = z
  .strictObject({
    carrier: z.string().trim().min(2, 'must be at least 2 characters').max(60).meta({ example: 'DHL' }),
    trackingNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,59}$/, 'must be 3 to 60 letters, digits, spaces or hyphens')
      .meta({ example: 'JJD0099887766' }),
  })
  .meta({ id: 'LineShipmentInput' });
export type LineShipmentInput = z.input<typeof lineShipmentInputSchema>;

export const orderLineParamsSchema = z.strictObject({ orderId: objectIdSchema, productId: objectIdSchema });

export const orderLineSchema = z.object({
  productId: z.string(),
  slug: z.string(),
  title: z.string(),
  image: z.string().nullable(),
  unitPrice: moneySchema,
  quantity: z.number().int(),
  lineTotal: moneySchema,
  sellerId: z.string().nullable(),
  sellerName: z.string().nullable().meta({ description: 'The seller\'s shop name when the order was placed; null for the shop\'s own lines (and a seller\'s lines of orders placed before it was recorded)' }),
  shipment: lineShipmentSchema.nullable().meta({ description: 'Null until the line is shipped: by its seller, or with the whole order by the shop' }),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderTotalsSchema = z.object({
  subtotal: moneySchema,
  discount: moneySchema.meta({ description: 'Taken off the subtotal; zero without a code' }),
  shipping: moneySchema,
  tax: moneySchema.meta({ description: 'The tax rate of (subtotal − discount + shipping)' }),
  total: moneySchema,
});
export type OrderTotals = z.infer<typeof orderTotalsSchema>;

export const paymentStatuses = ['pending', 'authorized', 'captured', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const statusChangeSchema = z.object({
  status: z.enum(orderStatuses),
  at: z.iso.datetime(),
  by: z.enum(orderActors),
  note: z.string().optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const orderSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ example: 'MS-7K3Q-9XWD' }),
    status: z.enum(orderStatuses),
    email: z.string(),
    lines: z.array(orderLineSchema),
    totals: orderTotalsSchema,
    discountCode: z.string().nullable(),
    shippingAddress: shippingAddressSchema,
    shippingMethod: z.enum(shippingMethods),
    payment: z.object({
      provider: z.enum(paymentProviders),
      status: z.enum(paymentStatuses),
      /** Card brand and last four digits, when the provider says. */
      card: z.object({ last4: z.string() }).nullable(),
      failureMessage: z.string().nullable().meta({ description: 'Why the payment failed, in words for the shopper' }),
    }),
    statusHistory: z.array(statusChangeSchema),
    /** Until when unpaid stock stays reserved; null once paid or cancelled. */
    reservedUntil: z.iso.datetime().nullable(),
    /** A guest's signed link to this order (only in the answer to the guest who placed it). */
    accessToken: z.string().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

export const orderSummarySchema = orderSchema
  .pick({ id: true, number: true, status: true, totals: true, createdAt: true })
  .extend({ itemCount: z.number().int(), email: z.string() })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderListSchema = z.object({ items: z.array(orderSummarySchema), nextCursor: z.string().nullable() });
export type OrderList = z.infer<typeof orderListSchema>;

export const orderListQuerySchema = z.strictObject({
  cursor: z.string().regex(/^[a-z0-9-]{1,40}$/).optional().meta({ description: 'The nextCursor of the page before' }),
});

export const orderParamsSchema = z.strictObject({ id: objectIdSchema });
/** A guest reads their order with the token of the link they were given. */
export const orderAccessQuerySchema = z.strictObject({ token: z.string().max(200).optional() });

/**
 * The admin order filters, shared by the list and its CSV export. Every lookup but the days is an
 * equality on an indexed field (status, email, seller, number), which FerretDB hands to PostgreSQL.
 */
const adminOrderFilterShape = {
  status: z.enum(orderStatuses).optional(),
  ...dayRangeShape,
  email: emailSchema.optional().meta({ description: 'The customer\'s email, exactly (case does not matter)' }),
  seller: objectIdSchema.optional().meta({ description: 'Orders with a line of this seller' }),
  q: z.string().trim().max(200).optional().meta({ description: 'An order number (MS-7K3Q-9XWD) or a customer email, exactly; case does not matter' }),
};

export const adminOrderFiltersSchema = checkingDayRange(z.strictObject(adminOrderFilterShape)).meta({ id: 'AdminOrderFilters' });
export type AdminOrderFilters = z.output<typeof adminOrderFiltersSchema>;

export const adminOrderListQuerySchema = checkingDayRange(z.strictObject({ ...adminOrderFilterShape, cursor: z.string().regex(/^[a-z0-9-]{1,40}$/).optional() }));
export type AdminOrderListQuery = z.input<typeof adminOrderListQuerySchema>;

export const orderStatusChangeRequestSchema = z
  .strictObject({ status: z.enum(orderStatuses), note: z.string().trim().max(500).optional() })
  .meta({ id: 'OrderStatusChangeRequest' });
export type OrderStatusChangeRequest = z.input<typeof orderStatusChangeRequestSchema>;

/** Shipping prices and the tax rate the checkout shows before the order is placed. */
export const checkoutOptionsSchema = z
  .object({
    shippingMethods: z.array(z.object({ id: z.enum(shippingMethods), name: z.string(), price: moneySchema, days: z.string() })),
    taxRateBasisPoints: z.number().int(),
    paymentProviders: z.array(z.enum(paymentProviders)),
    reservationMinutes: z.number(),
  })
  .meta({ id: 'CheckoutOptions' });
export type CheckoutOptions = z.infer<typeof checkoutOptionsSchema>;
