import type { CategoryRef } from '@shared/catalog/product';
import type { SellerProductPage } from '@shared/sellers/seller-api';
import { trusted, Types } from 'mongoose';
import { toAdminProduct } from '../catalog/admin-products.service';
import { CategoryModel } from '../catalog/category.model';
import { ProductModel, type ProductDocument } from '../catalog/product.model';
import { AppError } from '../http/app-error';

/** A position in the `(updatedAt, _id)` order: just after the product last returned. */
interface Position {
  updatedAt: Date;
  id: Types.ObjectId;
}

/** Opaque to clients: base64url of `<updatedAt in ms>.<product id>`. */
export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.updatedAt.getTime()}.${position.id.toString()}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const match = /^(\d{1,15})\.([a-f0-9]{24})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError(400, 'validation_failed', 'Invalid query', [{ path: 'query.cursor', message: 'is not a cursor from this API' }]);
  return { updatedAt: new Date(Number(match[1])), id: new Types.ObjectId(match[2]) };
}

/**
 * The seller's own products, any status, in `(updatedAt, _id)` order, from a position on.
 *
 * Why that order and not `_id` with an `updatedAt` filter: a product changed while a client pages
 * gets a later `updatedAt` and moves behind the cursor, so it comes again on a later page (it did
 * change); in `_id` order one changed behind the cursor would be missed until the next full sync.
 * `_id` breaks ties between products changed in the same millisecond, so a page boundary inside a
 * tie neither repeats nor skips one.
 *
 * The filter starts with the equality on `sellerId` (indexed; FerretDB pushes it down); the range
 * and the sort then apply to that seller's products only.
 */
export async function listSellerProducts(sellerId: Types.ObjectId, query: { updatedSince?: string | undefined; limit: number; cursor?: string | undefined }): Promise<SellerProductPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const conditions: object[] = [];
  if (query.updatedSince) conditions.push({ updatedAt: trusted({ $gte: new Date(query.updatedSince) }) });
  if (after) {
    conditions.push({ $or: [{ updatedAt: trusted({ $gt: after.updatedAt }) }, { updatedAt: after.updatedAt, _id: trusted({ $gt: after.id }) }] });
  }
  const products = await ProductModel.find({ sellerId, ...(conditions.length > 0 ? { $and: conditions } : {}) }, { holds: 0 })
    .sort({ updatedAt: 1, _id: 1 })
    .limit(query.limit + 1)
    .lean<Array<Omit<ProductDocument, 'holds'>>>();
  const page = products.slice(0, query.limit);
  const categories = await categoryRefs(page.map((product) => product.categoryId));
  const last = page.at(-1);
  return {
    items: page.map((product) => toAdminProduct(product, categories.get(product.categoryId.toString()) ?? { id: product.categoryId.toString(), slug: '', name: '' })),
    nextCursor: products.length > query.limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last._id }) : null,
  };
}

/** Each distinct category once, by `_id`. */
async function categoryRefs(ids: Types.ObjectId[]): Promise<Map<string, CategoryRef>> {
  const distinct = [...new Set(ids.map(String))];
  const found = await Promise.all(distinct.map((id) => CategoryModel.findById(id, { name: 1, slug: 1 }).lean()));
  return new Map(found.filter((category) => category !== null).map((category) => [category._id.toString(), { id: category._id.toString(), slug: category.slug, name: category.name }]));
}
