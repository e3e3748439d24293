import type { CategoryRef, ProductDetail, ProductList, ProductSort, ProductSummary, productListQuerySchema } from '@shared/catalog/product';
import { trusted, Types, type QueryFilter } from 'mongoose';
import type { z } from 'zod';
import { escapeRegex } from '../database/literal-pattern';
import { AppError } from '../http/app-error';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from './category.model';
import { catalogIndex, type IndexedProduct } from './catalog-index';
import { computeFacets, matches, type FacetCategory, type FacetFilters, type FacetGroup } from './product-facets';
import { searchTermsFor } from './search-terms';
import { ProductModel, type ProductDocument } from './product.model';

type ProductListFilters = z.output<typeof productListQuerySchema>;


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

/** Relevance for a search: words that start a title word weigh more than matches elsewhere. */
function relevance(title: string, words: string[]): number {
  const titleWords = searchTermsFor(title);
  return words.reduce((score, word) => score + (titleWords.some((titleWord) => titleWord.startsWith(word)) ? 3 : 1), 0);
}

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

export const shopSellerName = 'MEAN Shop';

export async function listProducts(query: ProductListFilters): Promise<ProductList> {
  const words = searchWords(query.q);
  const [index, categories] = await Promise.all([catalogIndex.snapshot(), loadFacetCategories()]);
  const filters: FacetFilters = {
    ...(query.category ? { categoryIds: categoryAndDescendants(query.category, categories) } : {}),
    ...(query.seller ? { sellerId: query.seller === 'shop' ? null : query.seller } : {}),
    ...(query.minPrice !== undefined ? { minPrice: query.minPrice } : {}),
    ...(query.maxPrice !== undefined ? { maxPrice: query.maxPrice } : {}),
    ...(query.inStock ? { inStock: true } : {}),
  };
  // Each search word must start one of the product's words (title, description, category, attributes).
  const searched = words.length > 0 ? index.filter((entry) => words.every((word) => entry.searchTerms.some((term) => term.startsWith(word)))) : index;
  const groups: FacetGroup[] = searched.map((entry) => ({ categoryId: entry.categoryId, sellerId: entry.sellerId, price: entry.price, available: entry.available, count: 1 }));
  const matching = searched.filter((_entry, position) => matches(groups[position]!, filters));
  const skip = (query.page - 1) * query.limit;
  const page = [...matching].sort(comparatorFor(query.sort, words)).slice(skip, skip + query.limit);

  return {
    items: page.map(({ product }) => toProductSummary(product, categoryRef(categories.get(product.categoryId.toString())))),
    total: matching.length,
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
