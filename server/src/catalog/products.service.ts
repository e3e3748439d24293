import type { CategoryRef, ProductDetail, ProductList, ProductSort, ProductSummary, productListQuerySchema } from '@shared/catalog/product';
import { trusted, Types, type QueryFilter, type SortOrder } from 'mongoose';
import type { z } from 'zod';
import { escapeRegex } from '../database/literal-pattern';
import { AppError } from '../http/app-error';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from './category.model';
import { computeFacets, countMatching, type FacetCategory, type FacetFilters, type FacetGroup } from './product-facets';
import { searchTermsFor } from './search-terms';
import { ProductModel, type ProductDocument } from './product.model';

type ProductListFilters = z.output<typeof productListQuerySchema>;

const sortOrders: Record<ProductSort, Record<string, SortOrder>> = {
  // Without a search query, "relevance" puts what sells first; _id keeps paging stable.
  relevance: { soldCount: -1, _id: 1 },
  price_asc: { 'price.amount': 1, _id: 1 },
  price_desc: { 'price.amount': -1, _id: 1 },
  newest: { createdAt: -1, _id: -1 },
  bestselling: { soldCount: -1, _id: 1 },
};

type ProductFields = Pick<
  ProductDocument,
  '_id' | 'slug' | 'title' | 'description' | 'categoryId' | 'price' | 'compareAtPrice' | 'images' | 'available' | 'sellerId' | 'createdAt'
>;

export function toProductSummary(product: ProductFields, category: CategoryRef): ProductSummary {
  return {
    id: product._id.toString(),
    slug: product.slug,
    title: product.title,
    description: product.description,
    category,
    price: { amount: product.price.amount, currency: product.price.currency },
    ...(product.compareAtPrice?.amount !== undefined
      ? { compareAtPrice: { amount: product.compareAtPrice.amount, currency: product.compareAtPrice.currency } }
      : {}),
    images: product.images.map(String),
    available: product.available,
    sellerId: product.sellerId ? product.sellerId.toString() : null,
    createdAt: product.createdAt.toISOString(),
  };
}

/** The words of a search, as stored search terms are made. */
export function searchWords(query: string | undefined): string[] {
  return query ? searchTermsFor(query).slice(0, 10) : [];
}

/**
 * Each search word must start a stored search term: `$and` of anchored regexes, because FerretDB
 * v1 silently matches nothing for `$all` with regexes.
 */
export function searchTermsFilter(words: string[]): QueryFilter<ProductDocument> {
  return words.length > 0 ? { $and: trusted(words.map((word) => ({ searchTerms: new RegExp(`^${escapeRegex(word)}`) }))) } : {};
}

/** Active products matching the search words. */
function searchFilter(words: string[]): QueryFilter<ProductDocument> {
  return { status: 'active', ...searchTermsFilter(words) };
}

function withFacetFilters(base: QueryFilter<ProductDocument>, filters: FacetFilters): QueryFilter<ProductDocument> {
  const filter: QueryFilter<ProductDocument> = { ...base };
  if (filters.categoryIds) filter.categoryId = trusted({ $in: [...filters.categoryIds].map((id) => new Types.ObjectId(id)) });
  if (filters.sellerId !== undefined) filter.sellerId = filters.sellerId === null ? null : new Types.ObjectId(filters.sellerId);
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    filter['price.amount'] = trusted({
      ...(filters.minPrice !== undefined ? { $gte: filters.minPrice } : {}),
      ...(filters.maxPrice !== undefined ? { $lte: filters.maxPrice } : {}),
    });
  }
  if (filters.inStock) filter.available = trusted({ $gt: 0 });
  return filter;
}

async function loadFacetCategories(): Promise<Map<string, FacetCategory>> {
  const categories = await CategoryModel.find({}, { name: 1, slug: 1, parentId: 1 }).lean();
  return new Map(
    categories.map((category) => [
      category._id.toString(),
      { id: category._id.toString(), slug: category.slug, name: category.name, parentId: category.parentId?.toString() ?? null },
    ]),
  );
}

/** An id no document has: an unknown category slug selects nothing rather than everything. */
const noCategoryId = '000000000000000000000000';

/** The chosen category and everything below it. */
function categoryAndDescendants(slug: string, categories: Map<string, FacetCategory>): Set<string> {
  const chosen = [...categories.values()].find((category) => category.slug === slug);
  const selected = new Set<string>([chosen?.id ?? noCategoryId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories.values()) {
      if (category.parentId && selected.has(category.parentId) && !selected.has(category.id)) {
        selected.add(category.id);
        grew = true;
      }
    }
  }
  return selected;
}

async function sellerNames(groups: FacetGroup[]): Promise<Map<string, string>> {
  const ids = [...new Set(groups.flatMap((group) => (group.sellerId ? [group.sellerId] : [])))];
  if (ids.length === 0) return new Map();
  const sellers = await UserModel.find({ _id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }) }, { name: 1 }).lean();
  return new Map(sellers.map((seller) => [seller._id.toString(), seller.name]));
}

interface GroupRow {
  _id: { c: Types.ObjectId; s?: Types.ObjectId | null; p: number; a: number };
  count: number;
}

/** Relevance for a search: words that start a title word weigh more than matches elsewhere. */
function relevance(title: string, words: string[]): number {
  const titleWords = searchTermsFor(title);
  return words.reduce((score, word) => score + (titleWords.some((titleWord) => titleWord.startsWith(word)) ? 3 : 1), 0);
}

async function pageByRelevance(filter: QueryFilter<ProductDocument>, words: string[], skip: number, limit: number): Promise<ProductFields[]> {
  const candidates = await ProductModel.find(filter, { title: 1, soldCount: 1 }).lean();
  const ranked = candidates
    .map((candidate) => ({ id: candidate._id, score: relevance(candidate.title, words), soldCount: candidate.soldCount }))
    .sort((a, b) => b.score - a.score || b.soldCount - a.soldCount || a.id.toString().localeCompare(b.id.toString()))
    .slice(skip, skip + limit);
  const products = await ProductModel.find({ _id: trusted({ $in: ranked.map((entry) => entry.id) }) }).lean<ProductFields[]>();
  const byId = new Map(products.map((product) => [product._id.toString(), product]));
  return ranked.flatMap((entry) => byId.get(entry.id.toString()) ?? []);
}

export const shopSellerName = 'MEAN Shop';

export async function listProducts(query: ProductListFilters): Promise<ProductList> {
  const words = searchWords(query.q);
  const base = searchFilter(words);
  const categories = await loadFacetCategories();
  const filters: FacetFilters = {
    ...(query.category ? { categoryIds: categoryAndDescendants(query.category, categories) } : {}),
    ...(query.seller ? { sellerId: query.seller === 'shop' ? null : query.seller } : {}),
    ...(query.minPrice !== undefined ? { minPrice: query.minPrice } : {}),
    ...(query.maxPrice !== undefined ? { maxPrice: query.maxPrice } : {}),
    ...(query.inStock ? { inStock: true } : {}),
  };
  const filter = withFacetFilters(base, filters);
  const skip = (query.page - 1) * query.limit;

  const [rows, products] = await Promise.all([
    // One grouping pass yields the total and every facet (see product-facets.ts).
    ProductModel.aggregate<GroupRow>([
      { $match: base },
      { $group: { _id: { c: '$categoryId', s: '$sellerId', p: '$price.amount', a: '$available' }, count: { $sum: 1 } } },
    ]),
    words.length > 0 && query.sort === 'relevance'
      ? pageByRelevance(filter, words, skip, query.limit)
      : ProductModel.find(filter).sort(sortOrders[query.sort]).skip(skip).limit(query.limit).lean<ProductFields[]>(),
  ]);
  const groups: FacetGroup[] = rows.map((row) => ({
    categoryId: row._id.c.toString(),
    sellerId: row._id.s ? row._id.s.toString() : null,
    price: row._id.p,
    available: row._id.a,
    count: row.count,
  }));

  return {
    items: products.map((product) => toProductSummary(product, categoryRef(categories.get(product.categoryId.toString())))),
    total: countMatching(groups, filters),
    page: query.page,
    limit: query.limit,
    facets: computeFacets(groups, filters, categories, await sellerNames(groups), shopSellerName),
  };
}

const unknownCategory: CategoryRef = { id: '', slug: 'uncategorised', name: 'Uncategorised' };

function categoryRef(category: FacetCategory | undefined): CategoryRef {
  return category ? { id: category.id, slug: category.slug, name: category.name } : unknownCategory;
}

type DetailFields = ProductFields & Pick<ProductDocument, 'attributes' | 'categoryPath'>;

async function findActiveProduct(idOrSlug: string): Promise<DetailFields> {
  const byId = /^[a-f0-9]{24}$/i.test(idOrSlug);
  const product = await ProductModel.findOne(byId ? { _id: idOrSlug, status: 'active' } : { slug: idOrSlug.toLowerCase(), status: 'active' }).lean<DetailFields>();
  if (!product) throw AppError.notFound('Product');
  return product;
}

export async function getProduct(idOrSlug: string): Promise<ProductDetail> {
  const product = await findActiveProduct(idOrSlug);
  const [categories, seller] = await Promise.all([
    loadFacetCategories(),
    product.sellerId ? UserModel.findById(product.sellerId, { name: 1 }).lean() : Promise.resolve(null),
  ]);
  return {
    ...toProductSummary(product, categoryRef(categories.get(product.categoryId.toString()))),
    attributes: product.attributes.map(({ name, value }) => ({ name, value })),
    breadcrumbs: product.categoryPath.flatMap((id) => {
      const category = categories.get(id.toString());
      return category ? [categoryRef(category)] : [];
    }),
    seller: product.sellerId ? { id: product.sellerId.toString(), name: seller?.name ?? 'Marketplace seller' } : { id: 'shop', name: shopSellerName },
  };
}

/** Up to `limit` other active products: same category first, then the same top-level category, best-selling first. */
export async function relatedProducts(idOrSlug: string, limit = 8): Promise<ProductSummary[]> {
  const product = await findActiveProduct(idOrSlug);
  const related: ProductFields[] = [];
  const scopes = [product.categoryId, ...[...product.categoryPath].reverse().slice(1)];
  for (const categoryId of scopes) {
    if (related.length >= limit) break;
    const excluded = [product._id, ...related.map((candidate) => candidate._id)];
    related.push(
      ...(await ProductModel.find({ status: 'active', categoryPath: categoryId, _id: trusted({ $nin: excluded }) })
        .sort({ soldCount: -1, _id: 1 })
        .limit(limit - related.length)
        .lean<ProductFields[]>()),
    );
  }
  const categories = await loadFacetCategories();
  return related.map((candidate) => toProductSummary(candidate, categoryRef(categories.get(candidate.categoryId.toString()))));
}
