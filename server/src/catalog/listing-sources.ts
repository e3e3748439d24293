import { priceBandLimits, type ProductSort } from '@shared/catalog/product';
import { trusted, Types, type PipelineStage, type QueryFilter, type SortOrder } from 'mongoose';
import type { Config } from '../config/config';
import type { DatabaseInfo } from '../database/connect';
import { catalogIndex, listedProductProjection, type IndexedProduct, type ListedProduct } from './catalog-index';
import { countFacets, matches, priceBandOf, type Dimension, type FacetCounts, type FacetFilters, type FacetGroup } from './product-facets';
import { type ProductDocument, ProductModel } from './product.model';
import { searchTermsFilter, searchTermsFor } from './search-terms';

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

/**
 * Where listings are answered from. The two give the same answers (the catalogue specs run against
 * both); they differ in what they cost on each engine:
 * - `memory`: from the in-memory catalogue index (catalog-index.ts). FerretDB v1 decodes every
 *   product document for any filtered, sorted or grouped query, so there this is the fast path.
 * - `database`: from indexed queries and small `$group`s, so a large catalogue on MongoDB is not
 *   held in every instance's memory, and other instances' writes show at once.
 */
export type ListingSourceName = 'memory' | 'database';
type ListingSource = (request: ListingRequest) => Promise<ListingAnswer>;

/** Relevance for a search: words that start a title word weigh more than matches elsewhere. */
function relevance(title: string, words: string[]): number {
  const titleWords = searchTermsFor(title);
  return words.reduce((score, word) => score + (titleWords.some((titleWord) => titleWord.startsWith(word)) ? 3 : 1), 0);
}

// ── memory ─────────────────────────────────────────────────────────────────────────────────

type Comparator = (a: IndexedProduct, b: IndexedProduct) => number;

const byId: Comparator = (a, b) => a._id.toString().localeCompare(b._id.toString());
const bestSellingFirst: Comparator = (a, b) => b.soldCount - a.soldCount || byId(a, b);

const comparators: Record<Exclude<ProductSort, 'relevance'>, Comparator> = {
  price_asc: (a, b) => a.price - b.price || byId(a, b),
  price_desc: (a, b) => b.price - a.price || byId(a, b),
  newest: (a, b) => b.createdAt - a.createdAt || byId(b, a),
  bestselling: bestSellingFirst,
};

function comparatorFor(sort: ProductSort, words: string[]): Comparator {
  if (sort !== 'relevance') return comparators[sort];
  if (words.length === 0) return bestSellingFirst;
  const scores = new Map<IndexedProduct, number>();
  const score = (product: IndexedProduct) => scores.get(product) ?? scores.set(product, relevance(product.title, words)).get(product)!;
  return (a, b) => score(b) - score(a) || bestSellingFirst(a, b);
}

const listFromMemory: ListingSource = async ({ words, filters, sort, skip, limit }) => {
  const index = await catalogIndex.snapshot();
  const searched = words.length > 0 ? index.filter((entry) => words.every((word) => entry.searchTerms.some((term) => term.startsWith(word)))) : index;
  const groups: FacetGroup[] = searched.map((entry) => ({ categoryId: entry.categoryId, sellerId: entry.sellerId, price: entry.price, available: entry.available, count: 1 }));
  const matching = searched.filter((_entry, position) => matches(groups[position]!, filters));
  const page = [...matching].sort(comparatorFor(sort, words)).slice(skip, skip + limit);
  return { products: page.map((entry) => entry.product), total: matching.length, counts: countFacets(groups, filters) };
};

// ── database ───────────────────────────────────────────────────────────────────────────────

/** The query for the search and every filter but `except`, the facet being counted. */
function databaseFilter(words: string[], filters: FacetFilters, except?: Dimension): QueryFilter<ProductDocument> {
  const filter: QueryFilter<ProductDocument> = { status: 'active', ...searchTermsFilter(words) };
  if (except !== 'category' && filters.categoryIds) filter.categoryId = trusted({ $in: [...filters.categoryIds].map((id) => new Types.ObjectId(id)) });
  if (except !== 'seller' && filters.sellerId !== undefined) filter.sellerId = filters.sellerId === null ? null : new Types.ObjectId(filters.sellerId);
  if (except !== 'price' && (filters.minPrice !== undefined || filters.maxPrice !== undefined)) {
    filter['price.amount'] = trusted({
      ...(filters.minPrice !== undefined ? { $gte: filters.minPrice } : {}),
      ...(filters.maxPrice !== undefined ? { $lte: filters.maxPrice } : {}),
    });
  }
  if (except !== 'inStock' && filters.inStock) filter.available = trusted({ $gt: 0 });
  return filter;
}

/** Products per value of `field` (only `$sum`, which FerretDB v1 has). */
async function countPer(field: string, filter: QueryFilter<ProductDocument>): Promise<Array<{ _id: unknown; count: number }>> {
  const pipeline: PipelineStage[] = [{ $match: filter }, { $group: { _id: `$${field}`, count: { $sum: 1 } } }];
  return ProductModel.aggregate<{ _id: unknown; count: number }>(pipeline);
}

const idOrNull = (value: unknown) => (value ? String(value) : null);

async function countFacetsInDatabase(words: string[], filters: FacetFilters): Promise<FacetCounts> {
  const [categories, sellers, prices, inStock] = await Promise.all([
    countPer('categoryId', databaseFilter(words, filters, 'category')),
    countPer('sellerId', databaseFilter(words, filters, 'seller')),
    // Distinct prices, bucketed here: `$bucket` and expressions in `$group` are missing on FerretDB v1.
    countPer('price.amount', databaseFilter(words, filters, 'price')),
    ProductModel.countDocuments({ ...databaseFilter(words, filters, 'inStock'), available: trusted({ $gt: 0 }) }),
  ]);
  const byPriceBand = priceBandLimits.map(() => 0);
  for (const { _id: price, count } of prices) byPriceBand[priceBandOf(Number(price))]! += count;
  return {
    byCategory: new Map(categories.map(({ _id, count }) => [String(_id), count])),
    bySeller: new Map(sellers.map(({ _id, count }) => [idOrNull(_id), count])),
    byPriceBand,
    inStock,
  };
}

/** _id last, so pages never repeat or skip a product that ties on the sort key. */
const sortOrders: Record<Exclude<ProductSort, 'relevance'>, Record<string, SortOrder>> = {
  price_asc: { 'price.amount': 1, _id: 1 },
  price_desc: { 'price.amount': -1, _id: 1 },
  newest: { createdAt: -1, _id: -1 },
  bestselling: { soldCount: -1, _id: 1 },
};

/** Relevance is scored in code over the matches' titles, then the page is read by id. */
async function pageByRelevance(filter: QueryFilter<ProductDocument>, words: string[], skip: number, limit: number): Promise<ListedProduct[]> {
  const candidates = await ProductModel.find(filter, { title: 1, soldCount: 1 }).lean();
  const ranked = candidates
    .map((candidate) => ({ id: candidate._id, score: relevance(candidate.title, words), soldCount: candidate.soldCount }))
    .sort((a, b) => b.score - a.score || b.soldCount - a.soldCount || a.id.toString().localeCompare(b.id.toString()))
    .slice(skip, skip + limit);
  const products = await ProductModel.find({ _id: trusted({ $in: ranked.map((entry) => entry.id) }) }, listedProductProjection).lean<ListedProduct[]>();
  const byId = new Map(products.map((product) => [product._id.toString(), product]));
  return ranked.flatMap((entry) => byId.get(entry.id.toString()) ?? []);
}

const listFromDatabase: ListingSource = async ({ words, filters, sort, skip, limit }) => {
  const filter = databaseFilter(words, filters);
  const [products, total, counts] = await Promise.all([
    sort === 'relevance' && words.length > 0
      ? pageByRelevance(filter, words, skip, limit)
      : ProductModel.find(filter, listedProductProjection).sort(sortOrders[sort === 'relevance' ? 'bestselling' : sort]).skip(skip).limit(limit).lean<ListedProduct[]>(),
    ProductModel.countDocuments(filter),
    countFacetsInDatabase(words, filters),
  ]);
  return { products, total, counts };
};

// ── choice ─────────────────────────────────────────────────────────────────────────────────

const sources: Record<ListingSourceName, ListingSource> = { memory: listFromMemory, database: listFromDatabase };
let chosen: ListingSourceName = 'memory';

/** `CATALOG_LISTING=auto` takes the fast one for the engine: memory on FerretDB, the database on MongoDB. */
export function chooseListingSource(setting: Config['catalogListing'], engine: DatabaseInfo['engine']): ListingSourceName {
  chosen = setting === 'auto' ? (engine === 'ferretdb' ? 'memory' : 'database') : setting;
  return chosen;
}

export function listFromChosenSource(request: ListingRequest): Promise<ListingAnswer> {
  return sources[chosen](request);
}

/** Up to `limit` best-selling active products in one of `categoryIds`, but none of `excluded`. */
export async function bestSellersIn(categoryIds: ReadonlySet<string>, excluded: ReadonlySet<string>, limit: number): Promise<ListedProduct[]> {
  if (chosen === 'memory') {
    const entries = (await catalogIndex.snapshot()).filter((entry) => categoryIds.has(entry.categoryId) && !excluded.has(entry._id.toString()));
    return entries.sort(bestSellingFirst).slice(0, limit).map((entry) => entry.product);
  }
  const filter: QueryFilter<ProductDocument> = {
    status: 'active',
    categoryId: trusted({ $in: [...categoryIds].map((id) => new Types.ObjectId(id)) }),
    _id: trusted({ $nin: [...excluded].map((id) => new Types.ObjectId(id)) }),
  };
  return ProductModel.find(filter, listedProductProjection).sort(sortOrders.bestselling).limit(limit).lean<ListedProduct[]>();
}

/** Active products per category, each in its own category only, from the same source as listings. */
export async function countActiveProductsByCategory(): Promise<Map<string, number>> {
  if (chosen === 'memory') {
    const counts = new Map<string, number>();
    for (const entry of await catalogIndex.snapshot()) counts.set(entry.categoryId, (counts.get(entry.categoryId) ?? 0) + 1);
    return counts;
  }
  const rows = await countPer('categoryId', { status: 'active' });
  return new Map(rows.map(({ _id, count }) => [String(_id), count]));
}

/**
 * What each active product of `productIds` has available now, from the same source as listings:
 * the answer a socket gets when it starts watching them. Unknown and inactive products are left out.
 */
export async function currentAvailability(productIds: string[]): Promise<Record<string, number>> {
  if (chosen === 'memory') {
    const wanted = new Set(productIds);
    const entries = (await catalogIndex.snapshot()).filter((entry) => wanted.has(entry._id.toString()));
    return Object.fromEntries(entries.map((entry) => [entry._id.toString(), entry.available]));
  }
  const products = await ProductModel.find({ _id: trusted({ $in: productIds.map((id) => new Types.ObjectId(id)) }), status: 'active' }, { available: 1 }).lean();
  return Object.fromEntries(products.map((product) => [product._id.toString(), product.available]));
}
