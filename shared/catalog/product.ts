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
