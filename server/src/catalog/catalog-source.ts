import type { ProductSort, ProductStatus } from '@shared/catalog/product';
import type { Config } from '../config/config';
import type { DatabaseInfo } from '../database/connect';
import type { ListedProduct } from './catalog-index';
import type { FacetCounts, FacetFilters } from './product-facets';
import type { ProductDocument } from './product.model';
import { searchTermsFor } from './search-terms';

/** One page of a shopper listing: what to match, how to order it, which slice to answer. */
export interface ListingRequest {
  /** Each must start one of a product's search terms (title, description, category, attributes). */
  words: string[];
  filters: FacetFilters;
  sort: ProductSort;
  skip: number;
  limit: number;
}

export interface ListingAnswer {
  products: ListedProduct[];
  total: number;
  counts: FacetCounts;
}

/** One page of the admin's product list: any status, most recently changed first. */
export interface AdminListingRequest {
  /** As for a shopper listing: each must start one of a product's search terms. */
  words: string[];
  status: ProductStatus | undefined;
  /** Products in this category or below it. */
  categoryId: string | undefined;
  /** Only products whose availability is at or below their own low-stock threshold. */
  lowStockOnly: boolean;
  /** Only this seller's products (the seller area's list); any seller's when undefined. */
  sellerId?: string | undefined;
  skip: number;
  limit: number;
}

/** Every stored field of a product but its holds. */
export type AdminListedProduct = Omit<ProductDocument, 'holds'>;

export interface AdminListingAnswer {
  products: AdminListedProduct[];
  total: number;
}

export interface CategoryRecord {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  /** Display order among siblings. */
  position: number;
}

export type CatalogSourceName = 'memory' | 'database';

/**
 * Where the storefront's reads are answered from: listings, related products, category counts,
 * product pages, the availability a socket asks for, categories and seller names; and the admin's
 * product list, which has the same costs on FerretDB. The two sources
 * give the same answers (the catalogue specs run against both); they differ in what they cost on
 * each engine:
 * - `memory` (memory-catalog.ts): from the in-memory catalogue index and caches, kept true by the
 *   shop's events. FerretDB v1 evaluates ranges, sorts and `$in` by reading every row, and has one
 *   connection for everything, so there this is the fast path.
 * - `database` (database-catalog.ts): from indexed queries and small `$group`s, so a large
 *   catalogue on MongoDB is not held in every instance's memory.
 */
export interface CatalogSource {
  readonly name: CatalogSourceName;
  list(request: ListingRequest): Promise<ListingAnswer>;
  /** A page of every product, whatever its status (the admin dashboard's list). */
  adminList(request: AdminListingRequest): Promise<AdminListingAnswer>;
  /** Up to `limit` best-selling active products in one of `categoryIds`, but none of `excluded`. */
  bestSellersIn(categoryIds: ReadonlySet<string>, excluded: ReadonlySet<string>, limit: number): Promise<ListedProduct[]>;
  /** Active products per category, each in its own category only. */
  countActiveByCategory(): Promise<Map<string, number>>;
  /** What each active product of `productIds` has available now; unknown and inactive ones are left out. */
  availability(productIds: string[]): Promise<Record<string, number>>;
  /** An active product by id, or by slug (lower case). */
  activeProduct(idOrSlug: string): Promise<ListedProduct | undefined>;
  /** Every category, in display order. */
  categories(): Promise<readonly CategoryRecord[]>;
  /** The names of these users, for "Sold by"; unknown ids are left out. */
  sellerNames(sellerIds: Iterable<string>): Promise<Map<string, string>>;
  /**
   * An answer computed from this source's reads, kept for `key` while nothing it reads from has
   * changed; the database source, which reads afresh every time, computes it every time.
   */
  remember<T extends object>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** `CATALOG_LISTING=auto` takes the fast one for the engine: memory on FerretDB, the database on MongoDB. */
export function chooseCatalogSource(setting: Config['catalogListing'], engine: DatabaseInfo['engine']): CatalogSourceName {
  return setting === 'auto' ? (engine === 'ferretdb' ? 'memory' : 'database') : setting;
}

export const isObjectIdText = (text: string) => /^[a-f0-9]{24}$/i.test(text);

/** Relevance for a search: words that start a title word weigh more than matches elsewhere. */
export function relevance(title: string, words: string[]): number {
  const titleWords = searchTermsFor(title);
  return words.reduce((score, word) => score + (titleWords.some((titleWord) => titleWord.startsWith(word)) ? 3 : 1), 0);
}

/** Categories in display order: by position among siblings, then by name as MongoDB compares strings (code units). */
export function inDisplayOrder(categories: CategoryRecord[]): CategoryRecord[] {
  return categories.sort((a, b) => a.position - b.position || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
