import { maxLowStockThreshold, priceBandLimits, type ProductSort } from '@shared/catalog/product';
import { trusted, Types, type PipelineStage, type QueryFilter, type SortOrder } from 'mongoose';
import { readSellerName } from './seller-names';
import { adminFieldsProjection } from './admin-catalog-index';
import type { ListedProduct } from './catalog-index';
import {
  inDisplayOrder,
  isObjectIdText,
  relevance,
  type AdminListedProduct,
  type AdminListingAnswer,
  type AdminListingRequest,
  type CatalogSource,
  type CategoryRecord,
  type ListingAnswer,
  type ListingRequest,
} from './catalog-source';
import { CategoryModel } from './category.model';
import { priceBandOf, type Dimension, type FacetCounts, type FacetFilters } from './product-facets';
import { onSale, type ProductDocument, ProductModel } from './product.model';
import { searchTermsFilter } from './search-terms';

/** What a listing reads of a product: everything but what only the product page and admins need. */
const listedProductProjection = { attributes: 0, stock: 0, reserved: 0, holds: 0 } as const;
const productPageProjection = { stock: 0, reserved: 0, holds: 0 } as const;

/** The query for the search and every filter but `except`, the facet being counted. */
function databaseFilter(words: string[], filters: FacetFilters, except?: Dimension): QueryFilter<ProductDocument> {
  const filter: QueryFilter<ProductDocument> = { ...onSale, ...searchTermsFilter(words) };
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

async function countFacets(words: string[], filters: FacetFilters): Promise<FacetCounts> {
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

/**
 * Every read from indexed queries, at the moment of the request: a large catalogue on MongoDB is
 * not held in memory, and other instances' writes show at once. See catalog-source.ts.
 */
export class DatabaseCatalog implements CatalogSource {
  readonly name = 'database';

  async list({ words, filters, sort, skip, limit }: ListingRequest): Promise<ListingAnswer> {
    const filter = databaseFilter(words, filters);
    const [products, total, counts] = await Promise.all([
      sort === 'relevance' && words.length > 0
        ? pageByRelevance(filter, words, skip, limit)
        : ProductModel.find(filter, listedProductProjection).sort(sortOrders[sort === 'relevance' ? 'bestselling' : sort]).skip(skip).limit(limit).lean<ListedProduct[]>(),
      ProductModel.countDocuments(filter),
      countFacets(words, filters),
    ]);
    return { products, total, counts };
  }

  async adminList({ words, status, categoryId, lowStockOnly, sellerId, skip, limit }: AdminListingRequest): Promise<AdminListingAnswer> {
    const filter: QueryFilter<ProductDocument> = { ...searchTermsFilter(words) };
    if (sellerId) filter.sellerId = new Types.ObjectId(sellerId);
    if (status) filter.status = status;
    if (categoryId) filter.categoryPath = new Types.ObjectId(categoryId);
    if (lowStockOnly) return lowStockPage(filter, skip, limit);
    const [products, total] = await Promise.all([
      ProductModel.find(filter, adminFieldsProjection).sort({ updatedAt: -1, _id: -1 }).skip(skip).limit(limit).lean<AdminListedProduct[]>(),
      ProductModel.countDocuments(filter),
    ]);
    return { products, total };
  }

  async bestSellersIn(categoryIds: ReadonlySet<string>, excluded: ReadonlySet<string>, limit: number): Promise<ListedProduct[]> {
    const filter: QueryFilter<ProductDocument> = {
      ...onSale,
      categoryId: trusted({ $in: [...categoryIds].map((id) => new Types.ObjectId(id)) }),
      _id: trusted({ $nin: [...excluded].map((id) => new Types.ObjectId(id)) }),
    };
    return ProductModel.find(filter, listedProductProjection).sort(sortOrders.bestselling).limit(limit).lean<ListedProduct[]>();
  }

  async countActiveByCategory(): Promise<Map<string, number>> {
    const rows = await countPer('categoryId', onSale);
    return new Map(rows.map(({ _id, count }) => [String(_id), count]));
  }

  async availability(productIds: string[]): Promise<Record<string, number>> {
    const products = await ProductModel.find({ _id: trusted({ $in: productIds.map((id) => new Types.ObjectId(id)) }), ...onSale }, { available: 1 }).lean();
    return Object.fromEntries(products.map((product) => [product._id.toString(), product.available]));
  }

  async activeProduct(idOrSlug: string): Promise<ListedProduct | undefined> {
    const filter = isObjectIdText(idOrSlug) ? { _id: idOrSlug, ...onSale } : { slug: idOrSlug, ...onSale };
    return (await ProductModel.findOne(filter, productPageProjection).lean<ListedProduct>()) ?? undefined;
  }

  async categories(): Promise<readonly CategoryRecord[]> {
    return inDisplayOrder(await readCategories());
  }

  async sellerNames(sellerIds: Iterable<string>): Promise<Map<string, string>> {
    const ids = [...new Set(sellerIds)];
    const names = await Promise.all(ids.map(readSellerName));
    return new Map(ids.flatMap((id, position) => (names[position] === undefined ? [] : [[id, names[position]]])));
  }

  remember<T extends object>(_key: string, compute: () => Promise<T>): Promise<T> {
    return compute();
  }
}

/** Every category, as both sources read them. */
export async function readCategories(): Promise<CategoryRecord[]> {
  const categories = await CategoryModel.find({}, { name: 1, slug: 1, parentId: 1, position: 1 }).lean();
  return categories.map((category) => ({
    id: category._id.toString(),
    slug: category.slug,
    name: category.name,
    parentId: category.parentId ? category.parentId.toString() : null,
    position: category.position,
  }));
}

/**
 * Each product has its own low-stock threshold, and FerretDB v1 has no `$expr` to compare two
 * fields: the few numbers of the candidates are compared here (no threshold is above
 * `maxLowStockThreshold`), then the page is read by id.
 */
async function lowStockPage(filter: QueryFilter<ProductDocument>, skip: number, limit: number): Promise<AdminListingAnswer> {
  const candidates = await ProductModel.find({ ...filter, available: trusted({ $lte: maxLowStockThreshold }) }, { available: 1, lowStockThreshold: 1 })
    .sort({ updatedAt: -1, _id: -1 })
    .lean();
  const low = candidates.filter((candidate) => candidate.available <= candidate.lowStockThreshold);
  const page = await Promise.all(low.slice(skip, skip + limit).map((candidate) => ProductModel.findById(candidate._id, adminFieldsProjection).lean<AdminListedProduct>()));
  return { products: page.filter((product): product is AdminListedProduct => product !== null), total: low.length };
}
