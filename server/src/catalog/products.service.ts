import type { CategoryRef, ProductList, ProductSort, ProductSummary, productListQuerySchema } from '@shared/catalog/product';
import { trusted, Types, type QueryFilter, type SortOrder } from 'mongoose';
import type { z } from 'zod';
import { AppError } from '../http/app-error';
import { CategoryModel } from './category.model';
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

async function categoryRefs(ids: Types.ObjectId[]): Promise<Map<string, CategoryRef>> {
  const categories = await CategoryModel.find({ _id: trusted({ $in: ids }) }, { name: 1, slug: 1 }).lean();
  return new Map(categories.map((category) => [category._id.toString(), { id: category._id.toString(), slug: category.slug, name: category.name }]));
}

const unknownCategory: CategoryRef = { id: '', slug: 'uncategorised', name: 'Uncategorised' };

async function withCategories(products: ProductFields[]): Promise<ProductSummary[]> {
  const categories = await categoryRefs([...new Set(products.map((product) => product.categoryId.toString()))].map((id) => new Types.ObjectId(id)));
  return products.map((product) => toProductSummary(product, categories.get(product.categoryId.toString()) ?? unknownCategory));
}

/** Shoppers only ever see active products. */
function shopperFilter(filters: ProductListFilters): QueryFilter<ProductDocument> {
  const filter: QueryFilter<ProductDocument> = { status: 'active' };
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    filter['price.amount'] = trusted({
      ...(filters.minPrice !== undefined ? { $gte: filters.minPrice } : {}),
      ...(filters.maxPrice !== undefined ? { $lte: filters.maxPrice } : {}),
    });
  }
  if (filters.inStock) filter.available = trusted({ $gt: 0 });
  return filter;
}

export async function listProducts(filters: ProductListFilters): Promise<ProductList> {
  const filterWithoutCategory = shopperFilter(filters);
  const filter = { ...filterWithoutCategory };
  if (filters.category) {
    const category = await CategoryModel.findOne({ slug: filters.category }, { _id: 1 }).lean();
    // An unknown category matches nothing rather than everything.
    filter.categoryPath = category?._id ?? new Types.ObjectId('000000000000000000000000');
  }

  const [products, total, categoryCounts, inStock] = await Promise.all([
    ProductModel.find(filter)
      .sort(sortOrders[filters.sort])
      .skip((filters.page - 1) * filters.limit)
      .limit(filters.limit)
      .lean<ProductFields[]>(),
    ProductModel.countDocuments(filter),
    // $group with $sum works on FerretDB v1 and MongoDB alike; $facet would not.
    ProductModel.aggregate<{ _id: Types.ObjectId; count: number }>([
      { $match: filterWithoutCategory },
      { $group: { _id: '$categoryId', count: { $sum: 1 } } },
    ]),
    ProductModel.countDocuments({ ...filter, available: trusted({ $gt: 0 }) }),
  ]);

  const facetCategories = await categoryRefs(categoryCounts.map((entry) => entry._id));
  return {
    items: await withCategories(products),
    total,
    page: filters.page,
    limit: filters.limit,
    facets: {
      categories: categoryCounts
        .flatMap((entry) => {
          const category = facetCategories.get(entry._id.toString());
          return category ? [{ slug: category.slug, name: category.name, count: entry.count }] : [];
        })
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      inStock,
    },
  };
}

export async function getProduct(idOrSlug: string): Promise<ProductSummary> {
  const byId = Types.ObjectId.isValid(idOrSlug) && /^[a-f0-9]{24}$/i.test(idOrSlug);
  const product = await ProductModel.findOne(byId ? { _id: idOrSlug, status: 'active' } : { slug: idOrSlug.toLowerCase(), status: 'active' }).lean<ProductFields>();
  if (!product) throw AppError.notFound('Product');
  const [summary] = await withCategories([product]);
  return summary!;
}
