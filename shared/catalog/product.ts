import { z } from 'zod';
import { moneySchema } from '../money.schema';

export const objectIdSchema = z.string().regex(/^[a-f0-9]{24}$/i, 'must be a 24-character hex id');

export const categoryRefSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'CategoryRef' });

export type CategoryRef = z.infer<typeof categoryRefSchema>;

export const categorySchema = categoryRefSchema
  .extend({
    parentId: z.string().nullable(),
    productCount: z.number().int().meta({ description: 'Active products in this category' }),
  })
  .meta({ id: 'Category' });

export type Category = z.infer<typeof categorySchema>;

/** A product as shoppers see it (SPEC section 6). */
export const productSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    category: categoryRefSchema,
    price: moneySchema,
    compareAtPrice: moneySchema.optional(),
    images: z.array(z.string()).meta({ description: 'Media ids; fetch them from /api/media/{id}' }),
    available: z.number().int().min(0).meta({ description: 'Units that can be bought now: stock minus reserved' }),
    sellerId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });

export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'bestselling'] as const;
export type ProductSort = (typeof productSorts)[number];

export const maxProductPageSize = 100;

/** Query strings arrive as text, so numbers and flags are coerced; unknown keys are refused. */
export const productListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().meta({ description: 'Words to search for; every word must match the start of a word in the title, description, category or attributes' }),
  seller: z.union([objectIdSchema, z.literal('shop')]).optional().meta({ description: 'A seller id, or `shop` for the shop\'s own products' }),
  category: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().meta({ description: 'Category slug' }),
  minPrice: z.coerce.number().int().min(0).optional().meta({ description: 'Lowest price in minor units' }),
  maxPrice: z.coerce.number().int().min(0).optional().meta({ description: 'Highest price in minor units' }),
  inStock: z.enum(['true', 'false']).optional().transform((value) => value === undefined ? undefined : value === 'true'),
  sort: z.enum(productSorts).default('relevance'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(maxProductPageSize).default(24),
});

export type ProductListQuery = z.input<typeof productListQuerySchema>;

export const categoryFacetSchema = z.object({
  slug: z.string(),
  name: z.string(),
  parentSlug: z.string().nullable(),
  count: z.number().int().meta({ description: 'Matching products in this category and its sub-categories' }),
});

export const sellerFacetSchema = z.object({
  id: z.string().meta({ description: 'Seller id, or `shop` for the shop\'s own products' }),
  name: z.string(),
  count: z.number().int(),
});

/** Price bands of the price facet, in minor units; the last one has no upper bound. */
export const priceBandLimits = [0, 2500, 5000, 10_000, 25_000, 50_000] as const;

export const priceBandFacetSchema = z.object({
  min: z.number().int(),
  max: z.number().int().nullable().meta({ description: 'Exclusive upper bound; null for the open-ended top band' }),
  count: z.number().int(),
});

export const productListSchema = z
  .object({
    items: z.array(productSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    facets: z
      .object({
        categories: z.array(categoryFacetSchema),
        sellers: z.array(sellerFacetSchema),
        priceBands: z.array(priceBandFacetSchema),
        inStock: z.number().int().meta({ description: 'Products matching the filter that can be bought now' }),
      })
      .meta({ description: 'Each facet counts the products matching every filter except its own, so other choices stay visible' }),
  })
  .meta({ id: 'ProductList' });

export type ProductList = z.infer<typeof productListSchema>;

export const productAttributeSchema = z.object({
  name: z.string().trim().min(1).max(60),
  value: z.string().trim().min(1).max(200),
});

/** The product page: the shopper view plus what only the page needs. */
export const productDetailSchema = productSummarySchema
  .extend({
    attributes: z.array(productAttributeSchema),
    breadcrumbs: z.array(categoryRefSchema).meta({ description: 'The category path, top level first' }),
    seller: z.object({ id: z.string(), name: z.string() }).meta({ description: 'Who sells it: a marketplace seller, or `shop`' }),
  })
  .meta({ id: 'ProductDetail' });
export type ProductDetail = z.infer<typeof productDetailSchema>;

// ── Admin catalogue ────────────────────────────────────────────────────────────────────────

export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

const priceInputSchema = z.object({
  amount: z.number().int('must be whole minor units (cents)').min(0).max(100_000_000),
  currency: z.literal('EUR').meta({ description: 'The shop sells in EUR' }),
});

export const adminProductInputSchema = z
  .strictObject({
    title: z.string().trim().min(2, 'must be at least 2 characters').max(200),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').max(200).optional(),
    description: z.string().trim().max(10_000).default(''),
    categoryId: objectIdSchema,
    price: priceInputSchema,
    compareAtPrice: priceInputSchema.nullable().optional(),
    stock: z.number().int().min(0).max(1_000_000).default(0),
    status: z.enum(productStatuses).default('draft'),
    attributes: z.array(productAttributeSchema).max(30).default([]),
    images: z.array(objectIdSchema).max(12).default([]).meta({ description: 'Media ids in display order' }),
    sellerId: objectIdSchema.nullable().optional(),
  })
  .meta({ id: 'AdminProductInput' });
export type AdminProductInput = z.input<typeof adminProductInputSchema>;

/** Any subset of the fields; stock changes go through the stock route so they are logged. */
export const adminProductUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(2, 'must be at least 2 characters').max(200),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').max(200),
    description: z.string().trim().max(10_000),
    categoryId: objectIdSchema,
    price: priceInputSchema,
    compareAtPrice: priceInputSchema.nullable(),
    status: z.enum(productStatuses),
    attributes: z.array(productAttributeSchema).max(30),
    images: z.array(objectIdSchema).max(12),
    sellerId: objectIdSchema.nullable(),
  })
  .partial()
  .meta({ id: 'AdminProductUpdate' });
export type AdminProductUpdate = z.input<typeof adminProductUpdateSchema>;

/** A seller's new product: theirs, whatever the body says (it may not name a seller). */
export const sellerProductInputSchema = adminProductInputSchema.omit({ sellerId: true }).meta({ id: 'SellerProductInput' });
export type SellerProductInput = z.input<typeof sellerProductInputSchema>;

/** What a seller may change of their own product: everything but who sells it. */
export const sellerProductUpdateSchema = adminProductUpdateSchema.omit({ sellerId: true }).meta({ id: 'SellerProductUpdate' });
export type SellerProductUpdate = z.input<typeof sellerProductUpdateSchema>;

export const adminProductSchema = productSummarySchema
  .extend({
    status: z.enum(productStatuses),
    stock: z.number().int(),
    reserved: z.number().int(),
    attributes: z.array(productAttributeSchema),
    soldCount: z.number().int(),
    lowStockThreshold: z.number().int().meta({ description: 'Admins are told when `available` falls to this or below' }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminProduct' });
export type AdminProduct = z.infer<typeof adminProductSchema>;

export const adminProductListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(productStatuses).optional(),
  category: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  lowStock: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const adminProductListSchema = z
  .object({ items: z.array(adminProductSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'AdminProductList' });
export type AdminProductList = z.infer<typeof adminProductListSchema>;

export const productIdParamsSchema = z.strictObject({ productId: objectIdSchema });
export const categoryIdParamsSchema = z.strictObject({ categoryId: objectIdSchema });
export const idOrSlugParamsSchema = z.strictObject({ idOrSlug: z.string().min(1).max(220).regex(/^[A-Za-z0-9-]+$/) });

/** A product that was ever sold is archived, never deleted, so old orders keep their reference. */
export const productRemovalSchema = z.object({ result: z.enum(['archived', 'deleted']) }).meta({ id: 'ProductRemoval' });

export const productBulkActions = ['archive', 'activate', 'set_category'] as const;
export type ProductBulkAction = (typeof productBulkActions)[number];

/** The most products one bulk action changes: a page of the admin list at its largest. */
export const maxBulkProducts = 100;

/** `set_category` moves the products into `categoryId`; the other actions set their status. */
export const adminProductBulkSchema = z
  .strictObject({
    productIds: z
      .array(objectIdSchema)
      .min(1, 'must name at least one product')
      .max(maxBulkProducts, `must name at most ${maxBulkProducts} products`)
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'must not name a product twice'),
    action: z.enum(productBulkActions),
    categoryId: objectIdSchema.optional().meta({ description: 'The category to move the products into; required for, and only for, `set_category`' }),
  })
  .refine((bulk) => bulk.action !== 'set_category' || bulk.categoryId !== undefined, { path: ['categoryId'], message: 'is required to move products' })
  .refine((bulk) => bulk.action === 'set_category' || bulk.categoryId === undefined, { path: ['categoryId'], message: 'is only for set_category' })
  .meta({ id: 'AdminProductBulk' });
export type AdminProductBulk = z.input<typeof adminProductBulkSchema>;

export const adminProductBulkResultSchema = z
  .object({
    updated: z.number().int().meta({ description: 'Products changed' }),
    notFound: z.array(z.string()).meta({ description: 'The ids no product has; the others were still changed' }),
  })
  .meta({ id: 'AdminProductBulkResult' });
export type AdminProductBulkResult = z.infer<typeof adminProductBulkResultSchema>;

export const stockLevelsSchema = z
  .object({ stock: z.number().int().meta({ description: 'On hand' }), available: z.number().int().meta({ description: 'On hand minus what unpaid orders hold' }) })
  .meta({ id: 'StockLevels' });
export type StockLevels = z.infer<typeof stockLevelsSchema>;

export const maxStockReasonLength = 200;
const stockReasonSchema = z.string().trim().min(3, 'must be at least 3 characters').max(maxStockReasonLength);

export const stockAdjustmentSchema = z
  .union([
    z.strictObject({ set: z.number().int().min(0).max(1_000_000), reason: stockReasonSchema }),
    z.strictObject({ add: z.number().int().min(-1_000_000).max(1_000_000).refine((add) => add !== 0, 'must not be 0'), reason: stockReasonSchema }),
  ])
  .meta({ id: 'StockAdjustment', description: 'Either `set` the stock on hand or `add` to it (negative removes), with a reason for the log' });
export type StockAdjustment = z.infer<typeof stockAdjustmentSchema>;

export const maxLowStockThreshold = 10_000;

export const lowStockThresholdInputSchema = z
  .strictObject({ lowStockThreshold: z.number().int('must be a whole number').min(0).max(maxLowStockThreshold) })
  .meta({ id: 'LowStockThresholdInput' });
export type LowStockThresholdInput = z.infer<typeof lowStockThresholdInputSchema>;

/** The stock numbers of one product as they are after a change on the stock page. */
export const productStockSchema = z
  .object({ productId: z.string(), stock: z.number().int(), reserved: z.number().int(), available: z.number().int(), lowStockThreshold: z.number().int() })
  .meta({ id: 'ProductStock' });
export type ProductStock = z.infer<typeof productStockSchema>;

export const stockMovementListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type StockMovementListQuery = z.input<typeof stockMovementListQuerySchema>;

export const stockMovementSchema = z
  .object({
    id: z.string(),
    change: z.number().int().meta({ description: 'Units added (negative: removed)' }),
    stockAfter: z.number().int().meta({ description: 'Stock on hand after the change' }),
    reason: z.string(),
    by: z.object({ id: z.string(), name: z.string() }).meta({ description: 'The admin who made the change' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof stockMovementSchema>;

export const stockMovementListSchema = z
  .object({ items: z.array(stockMovementSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'StockMovementList', description: 'Newest first' });
export type StockMovementList = z.infer<typeof stockMovementListSchema>;

export const categoryInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(80),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').max(80).optional(),
  parentId: objectIdSchema.nullable().default(null),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type CategoryInput = z.input<typeof categoryInputSchema>;

/** Rename, re-slug, reorder or move a category; a move carries its sub-categories and products along. */
export const categoryUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(80),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').max(80),
    position: z.number().int().min(0).max(10_000),
    parentId: objectIdSchema.nullable().meta({ description: 'Move under this category (null: to the top level); never under itself or its own sub-categories' }),
  })
  .partial();
export type CategoryUpdate = z.input<typeof categoryUpdateSchema>;
