import { z } from 'zod';
import { emailSchema } from '../accounts/accounts';
import { objectIdSchema } from '../catalog/product';

/** `pending`: applied, not yet approved; `approved`: sells; `suspended`: their products are off the storefront. */
export const sellerStatuses = ['pending', 'approved', 'suspended'] as const;
export type SellerStatus = (typeof sellerStatuses)[number];

/** The shop's cut of each line a seller sells, in basis points (1000 = 10%). */
export const defaultCommissionBasisPoints = 1000;
export const maxCommissionBasisPoints = 5000;

export const adminSellerSchema = z
  .object({
    id: z.string().meta({ description: 'The seller\'s user id, as products\' `sellerId`' }),
    shopName: z.string(),
    contactEmail: z.string(),
    description: z.string(),
    status: z.enum(sellerStatuses),
    commissionBasisPoints: z.number().int().meta({ description: 'The shop\'s commission on each line sold, in basis points (1000 = 10%)' }),
    productCount: z.number().int().meta({ description: 'Products of any status' }),
    user: z.object({ name: z.string(), email: z.string(), disabled: z.boolean() }),
    appliedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable().meta({ description: 'When an admin last approved or suspended them' }),
  })
  .meta({ id: 'AdminSeller' });
export type AdminSeller = z.infer<typeof adminSellerSchema>;

export const adminSellerListQuerySchema = z.strictObject({
  status: z.enum(sellerStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminSellerListQuery = z.input<typeof adminSellerListQuerySchema>;
export type AdminSellerListFilters = z.output<typeof adminSellerListQuerySchema>;

export const adminSellerListSchema = z
  .object({ items: z.array(adminSellerSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'AdminSellerList' });
export type AdminSellerList = z.infer<typeof adminSellerListSchema>;

export const adminSellerUpdateSchema = z
  .strictObject({
    status: z.enum(['approved', 'suspended']).optional().meta({ description: 'Approve an application, suspend a seller, or reinstate one' }),
    commissionBasisPoints: z.number().int('must be a whole number of basis points').min(0).max(maxCommissionBasisPoints).optional(),
  })
  .refine((update) => update.status !== undefined || update.commissionBasisPoints !== undefined, 'must change the status or the commission')
  .meta({ id: 'AdminSellerUpdate' });
export type AdminSellerUpdate = z.input<typeof adminSellerUpdateSchema>;

export const sellerIdParamsSchema = z.strictObject({ sellerId: objectIdSchema });

/** A signed-in customer's application to sell in the shop; an admin approves it on /admin/sellers. */
export const sellerApplicationInputSchema = z
  .strictObject({
    shopName: z.string().trim().min(2, 'must be at least 2 characters').max(80),
    contactEmail: emailSchema,
    description: z.string().trim().min(20, 'must be at least 20 characters: say what you would sell').max(1000),
  })
  .meta({ id: 'SellerApplicationInput' });
export type SellerApplicationInput = z.input<typeof sellerApplicationInputSchema>;

export const sellerApplicationSchema = z
  .object({
    status: z.enum(sellerStatuses),
    shopName: z.string(),
    contactEmail: z.string(),
    description: z.string(),
    appliedAt: z.iso.datetime(),
  })
  .meta({ id: 'SellerApplication', description: '`pending` until an admin decides; `approved` makes the account a seller' });
export type SellerApplication = z.infer<typeof sellerApplicationSchema>;

/**
 * A seller's shop as shoppers see it at /sellers/:id: never the contact email, the commission or
 * the standing (only approved sellers have a public page at all).
 */
export const publicSellerSchema = z
  .object({
    id: z.string().meta({ description: 'The seller id, as products\' `sellerId` and the listing\'s `seller` filter' }),
    shopName: z.string(),
    description: z.string(),
    since: z.iso.datetime().meta({ description: 'When the seller joined the shop' }),
  })
  .meta({ id: 'PublicSeller' });
export type PublicSeller = z.infer<typeof publicSellerSchema>;
