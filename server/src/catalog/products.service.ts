import type { CategoryRef, ProductDetail, ProductList, ProductSummary, productListQuerySchema } from '@shared/catalog/product';
import { trusted, Types } from 'mongoose';
import type { z } from 'zod';
import { AppError } from '../http/app-error';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from './category.model';
import { type ListedProduct } from './catalog-index';
import { bestSellersIn, listFromChosenSource } from './listing-sources';
import { presentFacets, type FacetCategory, type FacetFilters } from './product-facets';
import { searchWords } from './search-terms';
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

async function sellerNames(sellerIds: Iterable<string | null>): Promise<Map<string, string>> {
  const ids = [...sellerIds].filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const sellers = await UserModel.find({ _id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }) }, { name: 1 }).lean();
  return new Map(sellers.map((seller) => [seller._id.toString(), seller.name]));
}

export const shopSellerName = 'MEAN Shop';

export async function listProducts(query: ProductListFilters): Promise<ProductList> {
  const categories = await loadFacetCategories();
  const filters: FacetFilters = {
    ...(query.category ? { categoryIds: categoryAndDescendants(query.category, categories) } : {}),
    ...(query.seller ? { sellerId: query.seller === 'shop' ? null : query.seller } : {}),
    ...(query.minPrice !== undefined ? { minPrice: query.minPrice } : {}),
    ...(query.maxPrice !== undefined ? { maxPrice: query.maxPrice } : {}),
    ...(query.inStock ? { inStock: true } : {}),
  };
  const { products, total, counts } = await listFromChosenSource({
    words: searchWords(query.q),
    filters,
    sort: query.sort,
    skip: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  return {
    items: products.map((product) => toProductSummary(product, categoryRef(categories.get(product.categoryId.toString())))),
    total,
    page: query.page,
    limit: query.limit,
    facets: presentFacets(counts, categories, await sellerNames(counts.bySeller.keys()), shopSellerName),
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

/**
 * Up to `limit` other active products: from the same category first, then from its parent's and
 * so on up, best-selling first; from the same source as listings.
 */
export async function relatedProducts(idOrSlug: string, limit = 8): Promise<ProductSummary[]> {
  const [product, categories] = await Promise.all([findActiveProduct(idOrSlug), loadFacetCategories()]);
  const related: ListedProduct[] = [];
  const excluded = new Set([product._id.toString()]);
  const scopes = [product.categoryId, ...[...product.categoryPath].reverse().slice(1)];
  for (const scope of scopes) {
    if (related.length >= limit) break;
    const found = await bestSellersIn(withDescendants(scope.toString(), categories), excluded, limit - related.length);
    for (const candidate of found) excluded.add(candidate._id.toString());
    related.push(...found);
  }
  return related.map((candidate) => toProductSummary(candidate, categoryRef(categories.get(candidate.categoryId.toString()))));
}
