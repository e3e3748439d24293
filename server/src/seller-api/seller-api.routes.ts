import {
  createdSellerApiKeySchema,
  maxLiveSellerApiKeys,
  sellerApiKeyIdParamsSchema,
  sellerApiKeyInputSchema,
  sellerApiKeyListSchema,
  sellerProductPageSchema,
  sellerProductsQuerySchema,
} from '@shared/sellers/seller-api';
import { adminProductSchema, productIdParamsSchema, sellerProductUpdateSchema, stockAdjustmentSchema, stockLevelsSchema } from '@shared/catalog/product';
import type { Types } from 'mongoose';
import type { AccountsContext } from '../accounts/accounts-context';
import { updateProduct } from '../catalog/admin-products.service';
import { ProductModel } from '../catalog/product.model';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import type { Inventory } from '../inventory/inventory';
import type { ApiRoutes } from '../http/api-routes';
import { requireSellerInGoodStanding, sellerApiKeyAuth } from './seller-api-auth';
import { createSellerApiKey, listSellerApiKeys, revokeSellerApiKey } from './seller-api-keys.service';
import { sellerApiRateLimit, type SellerApiRateLimitOptions } from './seller-api-rate-limit';
import { listSellerProducts } from './seller-products.service';

export interface SellerApiOptions {
  /** Per-key request limit of the key-authenticated routes (120 a minute by default); specs lower it. */
  rateLimit?: SellerApiRateLimitOptions;
}

const keyAuthDescription =
  'Authenticated with a Seller API key, not a session: `Authorization: Bearer msk_…` (make one with `POST /api/seller/keys`). ' +
  'An unknown or revoked key is 401; a suspended seller, or a key without the needed scope, is 403. ' +
  'Each key may make a limited number of requests a minute (120 by default); beyond it the answer is 429 with `Retry-After`.';

/**
 * The Seller API (issue 11, item 3): a signed-in seller manages API keys with a session, and the
 * seller's integrations read the seller's own products with a key.
 */
export function registerSellerApiRoutes(
  api: ApiRoutes,
  context: { accounts: Pick<AccountsContext, 'redis'>; events: ShopEvents; inventory: Inventory },
  options: SellerApiOptions = {},
): void {
  const perKeyLimit = sellerApiRateLimit(context.accounts.redis, options.rateLimit);

  api.add({
    method: 'post', path: '/seller/keys', tag: 'Seller API', auth: { roles: ['seller'] },
    summary: 'Make a Seller API key; the secret is shown only in this answer',
    description: `Scopes \`["read"]\` or \`["read","write"]\`. At most ${maxLiveSellerApiKeys} live keys per seller (409 beyond; revoke one first). A suspended seller is 403.`,
    middleware: [requireSellerInGoodStanding],
    body: sellerApiKeyInputSchema,
    response: { status: 201, description: 'The key, with its secret `key`', schema: createdSellerApiKeySchema },
    errors: [409],
    handler: ({ user, body }) => createSellerApiKey(user._id, body),
  });

  api.add({
    method: 'get', path: '/seller/keys', tag: 'Seller API', auth: { roles: ['seller'] },
    summary: 'My Seller API keys, revoked ones included, without their secrets',
    description: 'Newest first. A suspended seller is 403.',
    middleware: [requireSellerInGoodStanding],
    response: { status: 200, description: 'The keys', schema: sellerApiKeyListSchema },
    handler: async ({ user }) => ({ items: await listSellerApiKeys(user._id) }),
  });

  api.add({
    method: 'delete', path: '/seller/keys/:keyId', tag: 'Seller API', auth: { roles: ['seller'] },
    summary: 'Revoke one of my Seller API keys',
    description: 'Takes effect at once. Revoking a revoked key changes nothing; a key that is not the seller\'s own is 404. A suspended seller is 403.',
    middleware: [requireSellerInGoodStanding],
    params: sellerApiKeyIdParamsSchema,
    response: { status: 204, description: 'Revoked' },
    errors: [404],
    handler: async ({ user, params }) => {
      await revokeSellerApiKey(user._id, params.keyId);
      return undefined;
    },
  });

  api.add({
    method: 'get', path: '/seller/products', tag: 'Seller API',
    summary: 'My products, any status, for syncing: changed since a time, paged by cursor (API key, `read`)',
    description:
      `${keyAuthDescription}\n\n` +
      'Ordered by `updatedAt`, then `id`. Follow `nextCursor` (with the same `updatedSince`) until it is null: a product changed while ' +
      'paging moves to the end and comes again, none is skipped or repeated otherwise. For the next sync pass the greatest `updatedAt` ' +
      'seen as `updatedSince` (inclusive: products changed in that very millisecond come again).',
    // No `auth`: keys are not session tokens; the middleware authenticates the key, then counts it.
    middleware: [sellerApiKeyAuth('read'), perKeyLimit],
    query: sellerProductsQuerySchema,
    response: { status: 200, description: 'A page of products', schema: sellerProductPageSchema },
    errors: [401, 403, 429],
    handler: (input, req) => listSellerProducts(req.sellerApiKey!.sellerId, input.query),
  });

  api.add({
    method: 'patch', path: '/seller/products/:productId', tag: 'Seller API',
    summary: 'Edit one of my products: any subset of its fields but its seller (API key, `write`)',
    description: `${keyAuthDescription}\n\nAnother seller's product, or the shop's own, is 404.`,
    middleware: [sellerApiKeyAuth('write'), perKeyLimit],
    params: productIdParamsSchema,
    body: sellerProductUpdateSchema,
    response: { status: 200, description: 'The updated product', schema: adminProductSchema },
    errors: [401, 403, 404, 409, 429],
    handler: async ({ params, body }, req) => {
      await assertOwnProduct(req.sellerApiKey!.sellerId, params.productId);
      return updateProduct(context.events, params.productId, body);
    },
  });

  api.add({
    method: 'post', path: '/seller/products/:productId/stock', tag: 'Seller API',
    summary: 'Set or add to the stock on hand of one of my products, with a reason (API key, `write`)',
    description: `${keyAuthDescription}\n\nThe same guarded change as the admins' stock page: shoppers watching the product see the new availability at once. Another seller's product is 404.`,
    middleware: [sellerApiKeyAuth('write'), perKeyLimit],
    params: productIdParamsSchema,
    body: stockAdjustmentSchema,
    response: { status: 200, description: 'The product\'s stock levels', schema: stockLevelsSchema },
    errors: [401, 403, 404, 429],
    handler: async ({ params, body }, req) => {
      const { sellerId } = req.sellerApiKey!;
      await assertOwnProduct(sellerId, params.productId);
      // The movement log names the seller, as it names an admin for the stock page's changes.
      return context.inventory.adjust(params.productId, body, sellerId);
    },
  });
}

/** 404, not 403, for a product that is not this seller's: its existence is not the seller's business. */
async function assertOwnProduct(sellerId: Types.ObjectId, productId: string): Promise<void> {
  if (!(await ProductModel.exists({ _id: productId, sellerId }))) throw AppError.notFound('Product');
}
