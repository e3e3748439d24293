import {
  createdSellerApiKeySchema,
  maxLiveSellerApiKeys,
  sellerApiKeyIdParamsSchema,
  sellerApiKeyInputSchema,
  sellerApiKeyListSchema,
  sellerProductPageSchema,
  sellerProductsQuerySchema,
} from '@shared/sellers/seller-api';
import {
  adminProductListQuerySchema,
  adminProductListSchema,
  adminProductSchema,
  productIdParamsSchema,
  sellerProductInputSchema,
  sellerProductUpdateSchema,
  stockAdjustmentSchema,
  stockLevelsSchema,
  stockMovementListQuerySchema,
  stockMovementListSchema,
} from '@shared/catalog/product';
import type { SellerApiScope } from '@shared/sellers/seller-api';
import { lineShipmentInputSchema, orderLineParamsSchema } from '@shared/orders/order';
import {
  maxSalesReportDays,
  sellerOrderListQuerySchema,
  sellerOrderListSchema,
  sellerOrderParamsSchema,
  sellerOrderSchema,
  sellerSalesQuerySchema,
  sellerSalesReportSchema,
} from '@shared/sellers/seller-orders';
import type { RequestHandler } from 'express';
import type { Config } from '../config/config';
import type { Commerce } from '../orders/commerce';
import type { Types } from 'mongoose';
import type { AccountsContext } from '../accounts/accounts-context';
import { createProduct, listAdminProducts, readAdminProduct, updateProduct } from '../catalog/admin-products.service';
import type { CatalogSource } from '../catalog/catalog-source';
import { listStockMovements } from '../inventory/stock-movements';
import { findImage } from '../media/media.storage';
import { ProductModel } from '../catalog/product.model';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import type { Inventory } from '../inventory/inventory';
import type { ApiRoutes, RouteAuth } from '../http/api-routes';
import { requireSellerInGoodStanding } from './seller-api-auth';
import { createSellerApiKey, listSellerApiKeys, revokeSellerApiKey } from './seller-api-keys.service';
import { sellerApiRateLimit, type SellerApiRateLimitOptions } from './seller-api-rate-limit';
import { listSellerOrders, readSellerOrder, sellerSalesReport, streamSellerSalesCsv, toSellerOrder } from './seller-orders.service';
import { listSellerProducts } from './seller-products.service';

export interface SellerApiOptions {
  /** Per-key request limit of the key-authenticated routes (120 a minute by default); specs lower it. */
  rateLimit?: SellerApiRateLimitOptions;
}

const sellerAccessDescription =
  'A signed-in seller\'s session, or one of their Seller API keys: `Authorization: Bearer msk_…` (make one with `POST /api/seller/keys`). ' +
  'An unknown or revoked key is 401; a suspended seller, or a key without the scope named in the summary, is 403. ' +
  'Each key may make a limited number of requests a minute (120 by default); beyond it the answer is 429 with `Retry-After`.';

/** How the seller routes of other features let a seller in the same way: their session or a key, counted per key. */
export interface SellerAccess {
  /** A session of a seller, or one of their keys with `scope`: either way `input.user` is the seller. */
  auth(scope: SellerApiScope): RouteAuth;
  /** After authentication: the seller is in good standing, and a key's request is counted. */
  middleware: RequestHandler[];
  /** The per-key limit alone, for routes that admins call too. */
  perKeyLimit: RequestHandler;
}

/**
 * The Seller API (issue 11, item 3): a signed-in seller manages API keys with a session, and the
 * seller's session or their integrations, with a key, read and change the seller's own products,
 * orders and sales. Returns how other features' seller routes let sellers in alike.
 */
export function registerSellerApiRoutes(
  api: ApiRoutes,
  context: {
    accounts: Pick<AccountsContext, 'redis'>;
    catalog: CatalogSource;
    commerce: Pick<Commerce, 'lineShipments'>;
    config: Pick<Config, 'commerce'>;
    events: ShopEvents;
    inventory: Inventory;
  },
  options: SellerApiOptions = {},
): SellerAccess {
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

  const sellerOrKey = (scope: SellerApiScope) => ({ roles: ['seller'] as const, apiKeyScope: scope });
  // One limiter for every key route, so a key's requests are counted together.
  const sellerMiddleware = [requireSellerInGoodStanding, perKeyLimit];
  registerSellerOrderRoutes(api, context, sellerOrKey, sellerMiddleware);

  api.add({
    method: 'get', path: '/seller/catalogue', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'My products as the seller area lists them: search, status, category, low stock, by page (`read`)',
    description: `${sellerAccessDescription}\n\nThe admins' product list, with only the seller's own products; most recently changed first.`,
    middleware: sellerMiddleware,
    query: adminProductListQuerySchema,
    response: { status: 200, description: 'A page of products', schema: adminProductListSchema },
    errors: [429],
    handler: ({ query, user }) => listAdminProducts(context.catalog, query, user._id),
  });

  api.add({
    method: 'get', path: '/seller/products', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'My products, any status, for syncing: changed since a time, paged by cursor (`read`)',
    description:
      `${sellerAccessDescription}\n\n` +
      'Ordered by `updatedAt`, then `id`. Follow `nextCursor` (with the same `updatedSince`) until it is null: a product changed while ' +
      'paging moves to the end and comes again, none is skipped or repeated otherwise. For the next sync pass the greatest `updatedAt` ' +
      'seen as `updatedSince` (inclusive: products changed in that very millisecond come again).',
    middleware: sellerMiddleware,
    query: sellerProductsQuerySchema,
    response: { status: 200, description: 'A page of products', schema: sellerProductPageSchema },
    errors: [429],
    handler: ({ query, user }) => listSellerProducts(user._id, query),
  });

  api.add({
    method: 'post', path: '/seller/products', tag: 'Seller API', auth: sellerOrKey('write'),
    summary: 'List a new product of mine (`write`)',
    description: `${sellerAccessDescription}\n\nThe product is the seller's whatever else is sent; it starts as a draft unless \`status\` says otherwise. \`images\` are media the seller uploaded (\`POST /api/media\`); another's is 400.`,
    middleware: sellerMiddleware,
    body: sellerProductInputSchema,
    response: { status: 201, description: 'The created product', schema: adminProductSchema },
    errors: [409, 429],
    handler: async ({ body, user }) => {
      await assertMayShowImages(user._id, body.images, []);
      return createProduct(context.events, { ...body, sellerId: user.id });
    },
  });

  api.add({
    method: 'get', path: '/seller/products/:productId', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'One of my products, any status (`read`)',
    description: `${sellerAccessDescription}\n\nAnother seller's product, or the shop's own, is 404.`,
    middleware: sellerMiddleware,
    params: productIdParamsSchema,
    response: { status: 200, description: 'The product', schema: adminProductSchema },
    errors: [404, 429],
    handler: async ({ params, user }) => (await readAdminProduct(context.catalog, params.productId, user._id)) ?? notFound(),
  });

  api.add({
    method: 'patch', path: '/seller/products/:productId', tag: 'Seller API', auth: sellerOrKey('write'),
    summary: 'Edit one of my products: any subset of its fields but its seller (`write`)',
    description: `${sellerAccessDescription}\n\nAnother seller's product, or the shop's own, is 404. \`images\` may hold the product's own images and media the seller uploaded; another's is 400.`,
    middleware: sellerMiddleware,
    params: productIdParamsSchema,
    body: sellerProductUpdateSchema,
    response: { status: 200, description: 'The updated product', schema: adminProductSchema },
    errors: [404, 409, 429],
    handler: async ({ params, body, user }) => {
      const product = await assertOwnProduct(user._id, params.productId);
      if (body.images) await assertMayShowImages(user._id, body.images, product.images);
      return updateProduct(context.events, params.productId, body);
    },
  });

  api.add({
    method: 'post', path: '/seller/products/:productId/stock', tag: 'Seller API', auth: sellerOrKey('write'),
    summary: 'Set or add to the stock on hand of one of my products, with a reason (`write`)',
    description: `${sellerAccessDescription}\n\nThe same guarded change as the admins' stock page: shoppers watching the product see the new availability at once. Another seller's product is 404.`,
    middleware: sellerMiddleware,
    params: productIdParamsSchema,
    body: stockAdjustmentSchema,
    response: { status: 200, description: 'The product\'s stock levels', schema: stockLevelsSchema },
    errors: [404, 409, 429],
    handler: async ({ params, body, user }) => {
      await assertOwnProduct(user._id, params.productId);
      // The movement log names the seller, as it names an admin for the stock page's changes.
      return context.inventory.adjust(params.productId, body, user._id);
    },
  });

  api.add({
    method: 'get', path: '/seller/products/:productId/stock-movements', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'The stock adjustments of one of my products, newest first (`read`)',
    description: `${sellerAccessDescription}\n\nAnother seller's product is 404.`,
    middleware: sellerMiddleware,
    params: productIdParamsSchema,
    query: stockMovementListQuerySchema,
    response: { status: 200, description: 'A page of movements', schema: stockMovementListSchema },
    errors: [404, 429],
    handler: async ({ params, query, user }) => {
      await assertOwnProduct(user._id, params.productId);
      return listStockMovements(params.productId, query.page, query.limit);
    },
  });
  return { auth: sellerOrKey, middleware: sellerMiddleware, perKeyLimit };
}

/** The seller's side of the shoppers' orders: their lines, shipping them, and what they earned. */
function registerSellerOrderRoutes(
  api: ApiRoutes,
  context: { commerce: Pick<Commerce, 'lineShipments'>; config: Pick<Config, 'commerce'> },
  sellerOrKey: (scope: SellerApiScope) => RouteAuth,
  middleware: RequestHandler[],
): void {
  api.add({
    method: 'get', path: '/seller/orders', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'Orders with lines of mine, newest first, by cursor; `toShip=true` for what waits on me (`read`)',
    description: `${sellerAccessDescription}\n\nEach order shows only the seller's own lines and their totals, never the shopper's email or other sellers' lines.`,
    middleware,
    query: sellerOrderListQuerySchema,
    response: { status: 200, description: 'A page of orders', schema: sellerOrderListSchema },
    errors: [429],
    handler: ({ query, user }) => listSellerOrders(user._id, query),
  });

  api.add({
    method: 'get', path: '/seller/orders/:orderId', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'One order with lines of mine: my lines, where to send them and the order\'s history (`read`)',
    description: `${sellerAccessDescription}\n\nAn order without a line of this seller's is 404.`,
    middleware,
    params: sellerOrderParamsSchema,
    response: { status: 200, description: 'The order, as its seller sees it', schema: sellerOrderSchema },
    errors: [404, 429],
    handler: ({ params, user }) => readSellerOrder(user._id, params.orderId),
  });

  api.add({
    method: 'post', path: '/seller/orders/:orderId/lines/:productId/shipment', tag: 'Seller API', auth: sellerOrKey('write'),
    summary: 'Ship my line of an order, with the carrier and tracking number (`write`)',
    description:
      `${sellerAccessDescription}\n\n` +
      'The order must be paid and not yet shipped (409 otherwise). The first line shipped moves the order to `fulfilling`; ' +
      'once every line of the order is shipped, by whichever sellers, it moves to `shipped` and the shopper is told. ' +
      'The same carrier and tracking number again change nothing (a safe retry); different ones for a shipped line are 409. ' +
      'Another seller\'s order or line is 404.',
    middleware,
    params: orderLineParamsSchema,
    body: lineShipmentInputSchema,
    response: { status: 200, description: 'The order, as its seller sees it', schema: sellerOrderSchema },
    errors: [404, 409, 429],
    handler: async ({ params, body, user }) =>
      toSellerOrder(await context.commerce.lineShipments.ship(params.orderId, params.productId, { kind: 'seller', sellerId: user._id, name: user.name }, body), user._id),
  });

  api.add({
    method: 'get', path: '/seller/sales', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'My sales report for local days `from`..`to`: gross, commission and payout, by day (`read`)',
    description: `${sellerAccessDescription}\n\nOrders placed in the period that are paid and neither cancelled nor returned; those refunded are counted apart. At most ${maxSalesReportDays} days.`,
    middleware,
    query: sellerSalesQuerySchema,
    response: { status: 200, description: 'The report', schema: sellerSalesReportSchema },
    errors: [429],
    handler: ({ query, user }) => sellerSalesReport(user._id, query, context.config.commerce.currency),
  });

  api.add({
    method: 'get', path: '/seller/sales/export.csv', tag: 'Seller API', auth: sellerOrKey('read'),
    summary: 'The sales report\'s order lines as CSV, one row per line, oldest first (`read`)',
    description: `${sellerAccessDescription}\n\nThe rows add up to the report's totals. Cells a spreadsheet would run as a formula start with \`'\`.`,
    middleware,
    query: sellerSalesQuerySchema,
    response: { status: 200, description: 'A CSV attachment', contentType: 'text/csv' },
    errors: [429],
    handler: async ({ query, user }, _req, res) => {
      await streamSellerSalesCsv(res, user._id, query);
      return undefined;
    },
  });
}

const notFound = (): never => {
  throw AppError.notFound('Product');
};

/** 404, not 403, for a product that is not this seller's: its existence is not the seller's business. */
async function assertOwnProduct(sellerId: Types.ObjectId, productId: string): Promise<{ images: Types.ObjectId[] }> {
  const product = await ProductModel.findOne({ _id: productId, sellerId }, { images: 1 }).lean();
  if (!product) throw AppError.notFound('Product');
  return { images: product.images };
}

/**
 * A seller shows only images they uploaded, or ones the product already has (an admin's, the
 * demo's): another seller's upload is not theirs to use, even with its id. One `_id` read each.
 */
async function assertMayShowImages(sellerId: Types.ObjectId, images: readonly string[], alreadyShown: readonly Types.ObjectId[]): Promise<void> {
  const shown = new Set(alreadyShown.map(String));
  for (const [index, imageId] of images.entries()) {
    if (shown.has(imageId)) continue;
    const image = await findImage(imageId);
    if (image && image.ownerId !== sellerId.toString()) {
      throw new AppError(400, 'validation_failed', 'An image is not one of yours', [{ path: `body.images.${index}`, message: 'is not an image you uploaded' }]);
    }
  }
}
