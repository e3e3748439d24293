import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';
import { moneySchema } from '../money.schema';

/** The most of one product a cart line holds, and the most lines a cart holds. */
export const maxQuantityPerLine = 99;
export const maxCartLines = 50;

/** Whole, positive and bounded: 0, -1, 1.5, 1e9 and "2" are all refused with 400. */
export const cartQuantitySchema = z.number().int('must be a whole number').min(1, 'must be at least 1').max(maxQuantityPerLine, `must be at most ${maxQuantityPerLine}`);

export const addCartItemRequestSchema = z.strictObject({ productId: objectIdSchema, quantity: cartQuantitySchema }).meta({ id: 'AddCartItemRequest' });
export type AddCartItemRequest = z.input<typeof addCartItemRequestSchema>;

export const updateCartItemRequestSchema = z.strictObject({ quantity: cartQuantitySchema }).meta({ id: 'UpdateCartItemRequest' });
export type UpdateCartItemRequest = z.input<typeof updateCartItemRequestSchema>;

export const cartItemParamsSchema = z.strictObject({ productId: objectIdSchema });

/**
 * What stands between a line and checkout: `unavailable` (archived, deleted or not yet on sale),
 * `sold_out`, or `short` (fewer available than the line's quantity). Such lines stay in the cart,
 * flagged, until the shopper changes or removes them.
 */
export const cartLineProblems = ['unavailable', 'sold_out', 'short'] as const;
export type CartLineProblem = (typeof cartLineProblems)[number];

export const cartLineSchema = z
  .object({
    productId: z.string(),
    slug: z.string(),
    title: z.string(),
    image: z.string().nullable().meta({ description: 'Media id of the first image' }),
    quantity: z.number().int(),
    unitPrice: moneySchema.meta({ description: 'The price now; checkout charges this one' }),
    priceWhenAdded: moneySchema.meta({ description: 'The price when the line was added, to say what changed' }),
    lineTotal: moneySchema,
    available: z.number().int().min(0),
    problem: z.enum(cartLineProblems).nullable(),
    sellerId: z.string().nullable(),
  })
  .meta({ id: 'CartLine' });
export type CartLine = z.infer<typeof cartLineSchema>;

/** Something the shop changed in the cart on the shopper's behalf, to be told once. */
export const cartNoticeSchema = z
  .object({
    productId: z.string(),
    kind: z.enum(['capped', 'merged']),
    message: z.string(),
  })
  .meta({ id: 'CartNotice' });
export type CartNotice = z.infer<typeof cartNoticeSchema>;

export const cartSchema = z
  .object({
    id: z.string().nullable().meta({ description: 'Null while a guest has not added anything' }),
    lines: z.array(cartLineSchema),
    totals: z.object({
      itemCount: z.number().int(),
      subtotal: moneySchema.meta({ description: 'Lines that can be bought, at current prices' }),
    }),
    /** True when every line can be bought as it is. */
    readyForCheckout: z.boolean(),
    notices: z.array(cartNoticeSchema),
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof cartSchema>;
