import type { StockAdjustment } from '@shared/catalog/product';
import { trusted, type Types } from 'mongoose';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { ProductModel } from './product.model';
import { StockMovementModel } from './stock-movement.model';

const maxSetAttempts = 5;

interface StockLevels {
  stock: number;
  available: number;
}

/**
 * Applies an admin's stock adjustment with guarded updates, never read-then-write (SPEC section 5),
 * and publishes the new availability (pushed to watchers, patched into the catalogue index).
 */
export async function adjustStock(events: ShopEvents, productId: string, adjustment: StockAdjustment, byUserId: Types.ObjectId): Promise<StockLevels> {
  const result = 'add' in adjustment ? await addStock(productId, adjustment.add) : await setStock(productId, adjustment.set);
  if (result.change !== 0) {
    await events.publish('stock.changed', { productId, available: result.available });
    await StockMovementModel.create({ productId, change: result.change, stockAfter: result.stock, reason: adjustment.reason, byUserId });
  }
  return { stock: result.stock, available: result.available };
}

/** One `$inc` that cannot take `available` below zero, so concurrent additions all count. */
async function addStock(productId: string, add: number): Promise<StockLevels & { change: number }> {
  const updated = await ProductModel.findOneAndUpdate(
    { _id: productId, available: trusted({ $gte: -add }) },
    { $inc: { stock: add, available: add } },
    { returnDocument: 'after' },
  ).lean();
  if (updated) return { stock: updated.stock, available: updated.available, change: add };
  const exists = await ProductModel.findById(productId, { reserved: 1 }).lean();
  if (!exists) throw AppError.notFound('Product');
  throw AppError.conflict(`Stock cannot go below the ${exists.reserved} units reserved by unpaid orders`);
}

/**
 * A compare-and-set on the stock and reservations just read; a checkout changing them in between
 * makes the update match nothing, and it is tried again with fresh numbers.
 */
async function setStock(productId: string, target: number): Promise<StockLevels & { change: number }> {
  for (let attempt = 0; attempt < maxSetAttempts; attempt += 1) {
    const current = await ProductModel.findById(productId, { stock: 1, reserved: 1, available: 1 }).lean();
    if (!current) throw AppError.notFound('Product');
    if (target < current.reserved) throw AppError.conflict(`Stock cannot go below the ${current.reserved} units reserved by unpaid orders`);
    const change = target - current.stock;
    if (change === 0) return { stock: current.stock, available: current.available, change };
    const { modifiedCount } = await ProductModel.updateOne(
      { _id: productId, stock: current.stock, reserved: current.reserved },
      { $inc: { stock: change, available: change } },
    );
    if (modifiedCount === 1) return { stock: target, available: current.available + change, change };
  }
  throw AppError.conflict('The stock changed while it was being set; please try again');
}
