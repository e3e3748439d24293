import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { Routes } from '@angular/router';
import type { ProductDetail, ProductList, ProductSummary } from '@shared/catalog/product';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class BlankPage {}

/** A `/products` route to navigate to in tests of the listing's parts, without the page itself. */
export const listingTestRoutes: Routes = [{ path: 'products', component: BlankPage }];

let nextProduct = 0;

/** A product as the API lists it; each call gets its own id and slug unless given. */
export function productSummary(overrides: Partial<ProductSummary> = {}): ProductSummary {
  nextProduct += 1;
  return {
    id: nextProduct.toString(16).padStart(24, '0'),
    slug: `product-${nextProduct}`,
    title: `Product ${nextProduct}`,
    description: 'A fine thing.',
    category: { id: 'c-audio', slug: 'audio', name: 'Audio' },
    price: { amount: 1999, currency: 'EUR' },
    images: [],
    available: 20,
    sellerId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export function productDetail(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    ...productSummary({
      slug: 'kestrel-headphones',
      title: 'Kestrel Headphones',
      description: 'Closed-back headphones with a long battery life.',
      images: ['aaaaaaaaaaaaaaaaaaaaaaaa'],
    }),
    attributes: [
      { name: 'Brand', value: 'Kestrel' },
      { name: 'Colour', value: 'Navy' },
    ],
    breadcrumbs: [
      { id: 'c-electronics', slug: 'electronics', name: 'Electronics' },
      { id: 'c-audio', slug: 'audio', name: 'Audio' },
    ],
    seller: { id: 'shop', name: 'MEAN Shop' },
    ...overrides,
  };
}

export const listingFacets: ProductList['facets'] = {
  categories: [
    { slug: 'electronics', name: 'Electronics', parentSlug: null, count: 40 },
    { slug: 'home-kitchen', name: 'Home & Kitchen', parentSlug: null, count: 25 },
    { slug: 'books', name: 'Books', parentSlug: null, count: 12 },
    { slug: 'fashion', name: 'Fashion', parentSlug: null, count: 9 },
    { slug: 'audio', name: 'Audio', parentSlug: 'electronics', count: 30 },
    { slug: 'computers', name: 'Computers', parentSlug: 'electronics', count: 10 },
    { slug: 'cookware', name: 'Cookware', parentSlug: 'home-kitchen', count: 25 },
  ],
  sellers: [
    { id: 'shop', name: 'MEAN Shop', count: 60 },
    { id: '6b0a5a7b155d3e17c9fade05', name: 'Nordic Home Co.', count: 26 },
  ],
  priceBands: [
    { min: 0, max: 2500, count: 0 },
    { min: 2500, max: 5000, count: 31 },
    { min: 5000, max: 10_000, count: 40 },
    { min: 10_000, max: null, count: 15 },
  ],
  inStock: 80,
};

export function productList(items: ProductSummary[], overrides: Partial<ProductList> = {}): ProductList {
  return { items, total: items.length, page: 1, limit: 24, facets: listingFacets, ...overrides };
}
