import { categorySchema, idOrSlugParamsSchema, productDetailSchema, productListQuerySchema, productListSchema, productSummarySchema } from '@shared/catalog/product';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes';
import type { CatalogSource } from './catalog-source';
import { listCategories } from './categories.service';
import { getProduct, listProducts, relatedProducts } from './products.service';


export function registerCatalogRoutes(api: ApiRoutes, catalog: CatalogSource): void {
  api.add({
    method: 'get',
    path: '/products',
    tag: 'Catalogue',
    summary: 'List active products, filtered, sorted and paged',
    description: 'Prices are in minor units. Unknown parameters are refused with 400.',
    query: productListQuerySchema,
    response: { status: 200, description: 'One page of products with facet counts', schema: productListSchema },
    handler: ({ query }) => listProducts(catalog, query),
  });

  api.add({
    method: 'get',
    path: '/products/:idOrSlug',
    tag: 'Catalogue',
    summary: 'One active product by id or slug',
    params: idOrSlugParamsSchema,
    response: { status: 200, description: 'The product with its attributes, breadcrumbs and seller', schema: productDetailSchema },
    errors: [404],
    handler: ({ params }) => getProduct(catalog, params.idOrSlug),
  });

  api.add({
    method: 'get',
    path: '/products/:idOrSlug/related',
    tag: 'Catalogue',
    summary: 'Up to 8 related products: same category first, best-selling first',
    params: idOrSlugParamsSchema,
    response: { status: 200, description: 'Related products', schema: z.array(productSummarySchema) },
    errors: [404],
    handler: ({ params }) => relatedProducts(catalog, params.idOrSlug),
  });

  api.add({
    method: 'get',
    path: '/categories',
    tag: 'Catalogue',
    summary: 'All categories with their number of active products',
    response: { status: 200, description: 'Categories in display order', schema: z.array(categorySchema) },
    handler: () => listCategories(catalog),
  });
}
