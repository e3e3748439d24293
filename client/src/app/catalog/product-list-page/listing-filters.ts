// The listing's state lives in the URL. This file reads it from the query string and writes changes
// back as query parameters, without zod: shared/catalog/product.ts imports zod, so only its types are used.
import type { ParamMap, Params } from '@angular/router';
import type { ProductList, ProductListQuery, ProductSort } from '@shared/catalog/product';
import { formatMoney } from '@shared/money';

export const productListPath = '/products';
export const listingPageSize = 24;

/** The prices of the price facet carry no currency: the shop sells in one. */
const shopCurrency = 'EUR';

/** Typed by shared's `ProductSort`, so a sort added there does not compile here until it has a label. */
const sortLabels: Record<ProductSort, string> = {
  relevance: 'Best match',
  bestselling: 'Best selling',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

export const sortOptions: ReadonlyArray<{ value: ProductSort; label: string }> = Object.entries(sortLabels).map(([value, label]) => ({
  value: value as ProductSort,
  label,
}));

export function isProductSort(value: string): value is ProductSort {
  return Object.hasOwn(sortLabels, value);
}

/** Everything that decides which products the listing shows, as read from the URL. */
export interface ListingFilters {
  q?: string;
  category?: string;
  seller?: string;
  /** Inclusive bounds in minor units. */
  minPrice?: number;
  maxPrice?: number;
  inStock: boolean;
  sort: ProductSort;
  page: number;
}

/** An inclusive price range in minor units; either end may be open. */
export interface PriceRange {
  min?: number;
  max?: number;
}

/** A change to the filters; `null` (or `false`) removes that filter. */
export interface FilterChange {
  q?: string | null;
  category?: string | null;
  seller?: string | null;
  price?: PriceRange | null;
  inStock?: boolean;
}

export type FilterName = keyof FilterChange;

const categorySlugPattern = /^[a-z0-9-]{1,80}$/;
const sellerPattern = /^([a-f0-9]{24}|shop)$/i;
const minorUnitsPattern = /^\d{1,9}$/;
const maxPage = 10_000;

function text(params: ParamMap, name: string): string | undefined {
  return params.get(name)?.trim() || undefined;
}

function matching(params: ParamMap, name: string, pattern: RegExp): string | undefined {
  const value = text(params, name);
  return value !== undefined && pattern.test(value) ? value : undefined;
}

function minorUnits(params: ParamMap, name: string): number | undefined {
  const value = matching(params, name, minorUnitsPattern);
  return value === undefined ? undefined : Number(value);
}

/**
 * The filters a URL asks for. Values the API would refuse with 400 (a hand-edited or truncated
 * link) are dropped, so the shopper still gets a listing rather than an error.
 */
export function readListingFilters(params: ParamMap): ListingFilters {
  const sort = text(params, 'sort');
  const page = Number(params.get('page'));
  return {
    q: text(params, 'q')?.slice(0, 200),
    category: matching(params, 'category', categorySlugPattern),
    seller: matching(params, 'seller', sellerPattern),
    minPrice: minorUnits(params, 'minPrice'),
    maxPrice: minorUnits(params, 'maxPrice'),
    inStock: params.get('inStock') === 'true',
    sort: sort !== undefined && isProductSort(sort) ? sort : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= maxPage ? page : 1,
  };
}

export function sameFilters(a: ListingFilters, b: ListingFilters): boolean {
  // Both come from readListingFilters, so they have the same keys.
  return (Object.keys(a) as Array<keyof ListingFilters>).every((key) => a[key] === b[key]);
}

/** The `GET /api/products` query for the filters. */
export function listingRequest(filters: ListingFilters): ProductListQuery {
  const { q, category, seller, minPrice, maxPrice, inStock, sort, page } = filters;
  return { q, category, seller, minPrice, maxPrice, inStock: inStock ? 'true' : undefined, sort, page, limit: listingPageSize };
}

/**
 * Query parameters for a filter change, to be merged into the current ones. Any filter change
 * starts again at page 1, since the old page number may no longer exist.
 */
export function filterChangeParams(change: FilterChange): Params {
  const params: Params = { page: null };
  if ('q' in change) params['q'] = change.q || null;
  if ('category' in change) params['category'] = change.category ?? null;
  if ('seller' in change) params['seller'] = change.seller ?? null;
  if ('price' in change) {
    params['minPrice'] = change.price?.min ?? null;
    params['maxPrice'] = change.price?.max ?? null;
  }
  if ('inStock' in change) params['inStock'] = change.inStock ? 'true' : null;
  return params;
}

export type PriceBand = ProductList['facets']['priceBands'][number];

/** A facet band has an exclusive upper bound; the URL's maxPrice is inclusive. */
export function priceBandRange(band: PriceBand): PriceRange {
  return { min: band.min, max: band.max === null ? undefined : band.max - 1 };
}

export function isPriceBandChosen(band: PriceBand, filters: ListingFilters): boolean {
  const range = priceBandRange(band);
  return filters.minPrice === range.min && filters.maxPrice === range.max;
}

/** "Up to €24.99", "€25.00 – €49.99", "€500.00 and over". */
export function priceRangeLabel(range: PriceRange): string {
  const money = (amount: number) => formatMoney({ amount, currency: shopCurrency });
  const min = range.min ?? 0;
  if (range.max === undefined) return `${money(min)} and over`;
  if (min === 0) return `Up to ${money(range.max)}`;
  return `${money(min)} – ${money(range.max)}`;
}
