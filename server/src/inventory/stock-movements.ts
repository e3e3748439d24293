import type { StockMovementList } from '@shared/catalog/product';
import { Types } from 'mongoose';
import { UserModel } from '../accounts/user.model';
import { ProductModel } from '../catalog/product.model';
import { AppError } from '../http/app-error';
import { StockMovementModel } from './stock-movement.model';

/**
 * A page of one product's stock movements, newest first. Every read is an equality on an indexed
 * field (`productId`, then each admin's `_id`), the only filter FerretDB v1 pushes down; the sort
 * then orders one product's movements, not the collection.
 */
export async function listStockMovements(productId: string, page: number, limit: number): Promise<StockMovementList> {
  if (!(await ProductModel.exists({ _id: productId }))) throw AppError.notFound('Product');
  const filter = { productId: new Types.ObjectId(productId) };
  const [movements, total] = await Promise.all([
    StockMovementModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((page - 1) * limit).limit(limit).lean(),
    StockMovementModel.countDocuments(filter),
  ]);
  const adminIds = [...new Set(movements.map((movement) => movement.byUserId.toString()))];
  const admins = await Promise.all(adminIds.map((id) => UserModel.findById(id, { name: 1 }).lean()));
  const names = new Map(adminIds.map((id, position) => [id, admins[position]?.name ?? 'A former admin']));
  return {
    items: movements.map((movement) => ({
      id: movement._id.toString(),
      change: movement.change,
      stockAfter: movement.stockAfter,
      reason: movement.reason,
      by: { id: movement.byUserId.toString(), name: names.get(movement.byUserId.toString())! },
      createdAt: movement.createdAt.toISOString(),
    })),
    total,
    page,
    limit,
  };
}
