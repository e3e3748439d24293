import type { CategoryRef, ProductDetail, ProductList, ProductSummary, productListQuerySchema } from '@shared/catalog/product';
import type { z } from 'zod';
import { AppError } from '../http/app-error';
import type { ListedProduct } from './catalog-index';
import type { CatalogSource, CategoryRecord } from './catalog-source';
import { presentFacets, type FacetCategory, type FacetFilters } from './product-facets';
import type { ProductDocument } from './product.model';
import { searchWords } from './search-terms';

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

/** The same list (the memory source keeps one until categories change) gives the same map. */
const categoriesById = new WeakMap<readonly CategoryRecord[], Map<string, FacetCategory>>();

async function facetCategories(catalog: CatalogSource): Promise<Map<string, FacetCategory>> {
  const categories = await catalog.categories();
  let byId = categoriesById.get(categories);
  if (!byId) {
    byId = new Map(categories.map((category) => [category.id, category]));
    categoriesById.set(categories, byId);
  }
  return byId;
}

/** An id no document has: an unknown category slug selects nothing rather than everything. */
const noCategoryId = '000000000000000000000000';

/** The category and everything below it. */
function withDescendants(categoryId: string, categories: Map<string, FacetCategory>): Set<string> {
  const selected = new Set<string>([categoryId]);
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

/** The category a listing's `category` slug names, and everything below it. */
function categoryAndDescendants(slug: string, categories: Map<string, FacetCategory>): Set<string> {
  const chosen = [...categories.values()].find((category) => category.slug === slug);
  return withDescendants(chosen?.id ?? noCategoryId, categories);
}

export const shopSellerName = 'MEAN Shop';

/** A page of products with its facets; the same query gives the same answer until the catalogue changes. */
export function listProducts(catalog: CatalogSource, query: ProductListFilters): Promise<ProductList> {
  return catalog.remember(`products?${JSON.stringify(query)}`, () => computeListing(catalog, query));
}

async function computeListing(catalog: CatalogSource, query: ProductListFilters): Promise<ProductList> {
  const categories = await facetCategories(catalog);
  const filters: FacetFilters = {
    ...(query.category ? { categoryIds: categoryAndDescendants(query.category, categories) } : {}),
    ...(query.seller ? { sellerId: query.seller === 'shop' ? null : query.seller } : {}),
    ...(query.minPrice !== undefined ? { minPrice: query.minPrice } : {}),
    ...(query.maxPrice !== undefined ? { maxPrice: query.maxPrice } : {}),
    ...(query.inStock ? { inStock: true } : {}),
  };
  const { products, total, counts } = await catalog.list({
    words: searchWords(query.q),
    filters,
    sort: query.sort,
    skip: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  const sellerIds = [...counts.bySeller.keys()].filter((id): id is string => id !== null);
  return {
    items: products.map((product) => toProductSummary(product, categoryRef(categories.get(product.categoryId.toString())))),
    total,
    page: query.page,
    limit: query.limit,
    facets: presentFacets(counts, categories, await catalog.sellerNames(sellerIds), shopSellerName),
  };
}

const unknownCategory: CategoryRef = { id: '', slug: 'uncategorised', name: 'Uncategorised' };

/** What a product shows of its category; a category deleted meanwhile reads as uncategorised. */
export function categoryRef(category: FacetCategory | undefined): CategoryRef {
  return category ? { id: category.id, slug: category.slug, name: category.name } : unknownCategory;
}

/** An active product by id or slug (slugs are stored in lower case), or 404. */
export async function findActiveProduct(catalog: CatalogSource, idOrSlug: string): Promise<ListedProduct> {
  const product = await catalog.activeProduct(idOrSlug.toLowerCase());
  if (!product) throw AppError.notFound('Product');
  return product;
}

export async function getProduct(catalog: CatalogSource, idOrSlug: string): Promise<ProductDetail> {
  const product = await findActiveProduct(catalog, idOrSlug);
  const sellerId = product.sellerId?.toString();
  const [categories, sellerNames] = await Promise.all([facetCategories(catalog), catalog.sellerNames(sellerId ? [sellerId] : [])]);
  return {
    ...toProductSummary(product, categoryRef(categories.get(product.categoryId.toString()))),
    attributes: product.attributes.map(({ name, value }) => ({ name, value })),
    breadcrumbs: product.categoryPath.flatMap((id) => {
      const category = categories.get(id.toString());
      return category ? [categoryRef(category)] : [];
    }),
    seller: sellerId ? { id: sellerId, name: sellerNames.get(sellerId) ?? 'Marketplace seller' } : { id: 'shop', name: shopSellerName },
  };
}

/**
 * Up to `limit` other active products: from the same category first, then from its parent's and
 * so on up, best-selling first.
 */
export async function relatedProducts(catalog: CatalogSource, idOrSlug: string, limit = 8): Promise<ProductSummary[]> {
  const [product, categories] = await Promise.all([findActiveProduct(catalog, idOrSlug), facetCategories(catalog)]);
  const related: ListedProduct[] = [];
  const excluded = new Set([product._id.toString()]);
  const scopes = [product.categoryId, ...[...product.categoryPath].reverse().slice(1)];
  for (const scope of scopes) {
    if (related.length >= limit) break;
    const found = await catalog.bestSellersIn(withDescendants(scope.toString(), categories), excluded, limit - related.length);
    for (const candidate of found) excluded.add(candidate._id.toString());
    related.push(...found);
  }
  return related.map((candidate) => toProductSummary(candidate, categoryRef(categories.get(candidate.categoryId.toString()))));
}
