import type { AdminProduct, AdminProductList, AdminProductUpdate, adminProductInputSchema, adminProductListQuerySchema, CategoryRef, ProductStatus } from '@shared/catalog/product';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { UserModel } from '../accounts/user.model';
import { QuestionModel } from '../questions/question.model';
import { SellerModel } from '../sellers/seller.model';
import { isDuplicateKeyError } from '../database/errors';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { findImage } from '../media/media.storage';
import { slugify } from '../seed/seed';
import type { AdminListedProduct, CatalogSource } from './catalog-source';
import { CategoryModel } from './category.model';
import { ProductModel } from './product.model';
import { categoryRef, toProductSummary } from './products.service';
import { searchTermsFor, searchWords } from './search-terms';

type AdminProductInput = z.output<typeof adminProductInputSchema>;

/** An id no document has. */
const noCategoryId = '000000000000000000000000';

/**
 * A page of the back office's product list, most recently changed first: every product for the
 * admins, one seller's own for the seller area.
 */
export async function listAdminProducts(
  catalog: CatalogSource,
  query: z.output<typeof adminProductListQuerySchema>,
  sellerId?: Types.ObjectId,
): Promise<AdminProductList> {
  const categories = await catalog.categories();
  const { products, total } = await catalog.adminList({
    words: searchWords(query.q),
    status: query.status,
    // An unknown slug selects nothing rather than everything.
    categoryId: query.category ? (categories.find((category) => category.slug === query.category)?.id ?? noCategoryId) : undefined,
    lowStockOnly: query.lowStock,
    sellerId: sellerId?.toString(),
    skip: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  const byId = new Map(categories.map((category) => [category.id, category]));
  return {
    items: products.map((product) => toAdminProduct(product, categoryRef(byId.get(product.categoryId.toString())))),
    total,
    page: query.page,
    limit: query.limit,
  };
}

/**
 * One product as the editor shows it, any status, or null (also when it is not `sellerId`'s);
 * also what the audit log records before a change.
 */
export async function readAdminProduct(catalog: CatalogSource, productId: string, sellerId?: Types.ObjectId): Promise<AdminProduct | null> {
  const product = await ProductModel.findOne({ _id: productId, ...(sellerId ? { sellerId } : {}) }, { holds: 0 }).lean<AdminListedProduct>();
  if (!product) return null;
  const category = (await catalog.categories()).find((candidate) => candidate.id === product.categoryId.toString());
  return toAdminProduct(product, categoryRef(category));
}

export function toAdminProduct(product: AdminListedProduct, category: CategoryRef): AdminProduct {
  return {
    ...toProductSummary(product, category),
    status: product.status as ProductStatus,
    stock: product.stock,
    reserved: product.reserved,
    attributes: product.attributes.map(({ name, value }) => ({ name, value })),
    soldCount: product.soldCount,
    lowStockThreshold: product.lowStockThreshold,
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** The category and its ancestors, top first; 400 naming the field when it does not exist. */
export async function categoryPathOf(categoryId: string): Promise<Array<{ _id: Types.ObjectId; name: string; slug: string }>> {
  const path = [];
  let id: Types.ObjectId | null = new Types.ObjectId(categoryId);
  while (id && path.length < 10) {
    const category: { _id: Types.ObjectId; name: string; slug: string; parentId?: Types.ObjectId | null } | null = await CategoryModel.findById(id, { name: 1, slug: 1, parentId: 1 }).lean();
    if (!category) break;
    path.unshift(category);
    id = category.parentId ?? null;
  }
  if (path.length === 0) throw new AppError(400, 'validation_failed', 'That category does not exist', [{ path: 'body.categoryId', message: 'is not a category' }]);
  return path;
}

async function assertImagesExist(images: string[]): Promise<void> {
  for (const [index, image] of images.entries()) {
    if (!(await findImage(image))) throw new AppError(400, 'validation_failed', 'An image does not exist', [{ path: `body.images.${index}`, message: 'is not an uploaded image' }]);
  }
}

/**
 * The seller exists; answers whether they are suspended, which their products follow at once (a
 * product moved to a suspended seller leaves the storefront, as that seller's others did).
 */
async function sellerStanding(sellerId: string | null | undefined): Promise<{ suspended: boolean }> {
  if (!sellerId) return { suspended: false };
  const [user, seller] = await Promise.all([UserModel.exists({ _id: sellerId, role: 'seller', deletedAt: null }), SellerModel.findById(sellerId, { status: 1 }).lean()]);
  if (!user) throw new AppError(400, 'validation_failed', 'That seller does not exist', [{ path: 'body.sellerId', message: 'is not a seller' }]);
  return { suspended: seller?.status === 'suspended' };
}

function searchTermsOf(product: { title: string; description: string; attributes: Array<{ value: string }> }, categoryNames: string[]): string[] {
  return searchTermsFor(product.title, product.description, ...categoryNames, ...product.attributes.map((attribute) => attribute.value));
}

/** Saves, turning a taken slug into 409 naming the field. */
async function saveWithUniqueSlug<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError(409, 'conflict', 'Another product already uses this slug', [{ path: 'body.slug', message: 'is taken' }]);
    throw error;
  }
}

async function freeSlugFor(title: string): Promise<string> {
  const base = slugify(title) || 'product';
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await ProductModel.exists({ slug: candidate }))) return candidate;
  }
}

export async function createProduct(events: ShopEvents, input: AdminProductInput): Promise<AdminProduct> {
  const path = await categoryPathOf(input.categoryId);
  await assertImagesExist(input.images);
  const standing = await sellerStanding(input.sellerId);
  const slug = input.slug ?? (await freeSlugFor(input.title));
  const product = await saveWithUniqueSlug(() =>
    ProductModel.create({
      title: input.title,
      slug,
      description: input.description,
      categoryId: path.at(-1)!._id,
      categoryPath: path.map((category) => category._id),
      attributes: input.attributes,
      images: input.images.map((image) => new Types.ObjectId(image)),
      price: input.price,
      compareAtPrice: input.compareAtPrice ?? undefined,
      sellerId: input.sellerId ?? null,
      sellerSuspended: standing.suspended,
      status: input.status,
      stock: input.stock,
      reserved: 0,
      available: input.stock,
      searchTerms: searchTermsOf(input, path.map((category) => category.name)),
    }),
  );
  await events.publish('product.changed', { productId: product._id.toString() });
  const leaf = path.at(-1)!;
  return toAdminProduct(product.toObject(), { id: leaf._id.toString(), slug: leaf.slug, name: leaf.name });
}

export async function updateProduct(events: ShopEvents, productId: string, changes: AdminProductUpdate): Promise<AdminProduct> {
  const product = await ProductModel.findById(productId);
  if (!product) throw AppError.notFound('Product');
  const path = await categoryPathOf(changes.categoryId ?? product.categoryId.toString());
  if (changes.images) await assertImagesExist(changes.images);
  const standing = changes.sellerId !== undefined ? await sellerStanding(changes.sellerId) : undefined;
  const sellerChanged = changes.sellerId !== undefined && String(changes.sellerId) !== String(product.sellerId);

  if (changes.title !== undefined) product.title = changes.title;
  if (changes.slug !== undefined) product.slug = changes.slug;
  if (changes.description !== undefined) product.description = changes.description;
  if (changes.price !== undefined) product.price = changes.price;
  if (changes.compareAtPrice !== undefined) product.set('compareAtPrice', changes.compareAtPrice ?? undefined);
  if (changes.status !== undefined) product.status = changes.status;
  if (changes.attributes !== undefined) product.set('attributes', changes.attributes);
  if (changes.images !== undefined) product.set('images', changes.images.map((image) => new Types.ObjectId(image)));
  if (changes.sellerId !== undefined) product.sellerId = changes.sellerId ? new Types.ObjectId(changes.sellerId) : null;
  if (standing) product.sellerSuspended = standing.suspended;
  product.categoryId = path.at(-1)!._id;
  product.set('categoryPath', path.map((category) => category._id));
  product.set('searchTerms', searchTermsOf(product, path.map((category) => category.name)));
  // Stock fields are left alone here: saving only the changed paths cannot undo a concurrent reservation.
  await saveWithUniqueSlug(() => product.save());
  // Its questions go with it: the new seller answers them, the old one no longer sees them.
  if (sellerChanged) await QuestionModel.updateMany({ productId: product._id }, { $set: { sellerId: product.sellerId } });
  await events.publish('product.changed', { productId });
  const leaf = path.at(-1)!;
  return toAdminProduct(product.toObject(), { id: leaf._id.toString(), slug: leaf.slug, name: leaf.name });
}

/** A product that was ever sold is archived, never deleted, so old orders keep their reference. */
export async function removeProduct(events: ShopEvents, productId: string): Promise<'archived' | 'deleted'> {
  const product = await ProductModel.findById(productId, { soldCount: 1 }).lean();
  if (!product) throw AppError.notFound('Product');
  if (product.soldCount > 0) {
    await ProductModel.updateOne({ _id: productId }, { $set: { status: 'archived' } });
    await events.publish('product.changed', { productId });
    return 'archived';
  }
  await ProductModel.deleteOne({ _id: productId, soldCount: 0 });
  await events.publish('product.changed', { productId });
  return 'deleted';
}

/** After a category is renamed or moved, its products' search terms and category paths follow: found by the new name, listed under the new parent. */
export async function refreshCategoryDataIn(events: ShopEvents, categoryId: Types.ObjectId): Promise<void> {
  const products = await ProductModel.find({ categoryPath: categoryId }, { title: 1, description: 1, attributes: 1, categoryId: 1 }).lean();
  for (const product of products) {
    const path = await categoryPathOf(product.categoryId.toString());
    await ProductModel.updateOne({ _id: product._id }, { $set: { searchTerms: searchTermsOf(product, path.map((category) => category.name)), categoryPath: path.map((category) => category._id) } });
  }
  await events.publish('categories.changed', { productsChanged: true });
}
