import { z } from 'zod';
import { adminProductSchema, objectIdSchema } from '../catalog/product';

/**
 * The Seller API (issue 11): a seller's own integrations call it with an API key instead of a
 * session. `read` lists the seller's products; `write` (always with `read`) is for the write side.
 */
export const sellerApiScopes = ['read', 'write'] as const;
export type SellerApiScope = (typeof sellerApiScopes)[number];

/** Live (unrevoked) keys a seller may hold at once. */
export const maxLiveSellerApiKeys = 10;

/** `msk_` and 24 random bytes in base64url: how a key looks in `Authorization: Bearer …`. */
export const sellerApiKeyPattern = /^msk_[A-Za-z0-9_-]{32}$/;

export const sellerApiKeyInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(60).meta({ description: 'What the key is for, e.g. the integration using it' }),
    scopes: z
      .array(z.enum(sellerApiScopes))
      .min(1)
      .max(sellerApiScopes.length)
      .refine((scopes) => scopes.includes('read'), 'must include `read`: `["read"]` or `["read","write"]`')
      .refine((scopes) => new Set(scopes).size === scopes.length, 'must not name a scope twice')
      .meta({ description: '`["read"]` or `["read","write"]`' }),
  })
  .meta({ id: 'SellerApiKeyInput' });
export type SellerApiKeyInput = z.input<typeof sellerApiKeyInputSchema>;

export const sellerApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(sellerApiScopes)),
    prefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart; not a secret' }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().meta({ description: 'Updated at most once a minute' }),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SellerApiKey', description: 'A Seller API key, without its secret' });
export type SellerApiKey = z.infer<typeof sellerApiKeySchema>;

export const createdSellerApiKeySchema = sellerApiKeySchema
  .extend({ key: z.string().meta({ description: 'The secret key. Shown only in this answer: the shop keeps only its hash' }) })
  .meta({ id: 'CreatedSellerApiKey' });
export type CreatedSellerApiKey = z.infer<typeof createdSellerApiKeySchema>;

export const sellerApiKeyListSchema = z.object({ items: z.array(sellerApiKeySchema) }).meta({ id: 'SellerApiKeyList' });
export type SellerApiKeyList = z.infer<typeof sellerApiKeyListSchema>;

export const sellerApiKeyIdParamsSchema = z.strictObject({ keyId: objectIdSchema });

export const maxSellerProductPageSize = 100;

export const sellerProductsQuerySchema = z.strictObject({
  updatedSince: z.iso.datetime({ offset: true }).optional().meta({ description: 'Only products changed at or after this instant (inclusive)' }),
  limit: z.coerce.number().int().min(1).max(maxSellerProductPageSize).default(50),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a cursor from this API')
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page, with the same `updatedSince`' }),
});
export type SellerProductsQuery = z.input<typeof sellerProductsQuerySchema>;

export const sellerProductPageSchema = z
  .object({
    items: z.array(adminProductSchema).meta({ description: 'Ordered by `updatedAt`, then `id`, ascending' }),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null when there is none now' }),
  })
  .meta({ id: 'SellerProductPage' });
export type SellerProductPage = z.infer<typeof sellerProductPageSchema>;
