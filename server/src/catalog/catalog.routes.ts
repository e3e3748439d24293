import { categorySchema, productListQuerySchema, productListSchema, productSummarySchema } from '@shared/catalog/product';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes';
import { listCategories } from './categories.service';
import { getProduct, listProducts } from './products.service';

export function registerCatalogRoutes(api: ApiRoutes): void {
  api.add({
    method: 'get',
    path: '/products',
    tag: 'Catalogue',
    summary: 'List active products, filtered, sorted and paged',
    description: 'Prices are in minor units. Unknown parameters are refused with 400.',
    query: productListQuerySchema,
    response: { status: 200, description: 'One page of products with facet counts', schema: productListSchema },
    handler: ({ query }) => listProducts(query),
  });

  api.add({
    method: 'get',
    path: '/products/:idOrSlug',
    tag: 'Catalogue',
    summary: 'One active product by id or slug',
    params: z.strictObject({ idOrSlug: z.string().min(1).max(220).regex(/^[A-Za-z0-9-]+$/) }),
    response: { status: 200, description: 'The product', schema: productSummarySchema },
    errors: [404],
    handler: ({ params }) => getProduct(params.idOrSlug),
  });

  api.add({
    method: 'get',
    path: '/categories',
    tag: 'Catalogue',
    summary: 'All categories with their number of active products',
    response: { status: 200, description: 'Categories in display order', schema: z.array(categorySchema) },
    handler: () => listCategories(),
  });
}
