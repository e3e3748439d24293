import type { StockAdjustment } from '@shared/catalog/product';
import { trusted, type Types } from 'mongoose';
import { ProductModel } from '../catalog/product.model';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { StockMovementModel } from './stock-movement.model';

/** So many units of one product, as an order line holds them. */
export interface StockLine {
  productId: string;
  quantity: number;
}

export interface StockLevels {
  stock: number;
  available: number;
}

/** A `set` is a compare-and-set on what was read; a checkout changing it meanwhile makes it try again. */
const maxSetAttempts = 5;

/**
 * The one place that changes a product's `stock` (on hand), `reserved` (held by unpaid orders) and
 * `available` (`stock - reserved`, never below zero): every change is one guarded update of one
 * document, never a read and then a write (SPEC section 5), so no interleaving of checkouts,
 * admins and instances can sell a unit twice. Each change publishes the new availability.
 *
 * A line's life: `reserve` at checkout, then `commitSale` when it is paid (it leaves the shelf) or
 * `release` when it is not; `returnStock` puts a sold line back after a refund.
 */
export class Inventory {
  constructor(private readonly events: ShopEvents) {}

  /**
   * Holds every line or none. Lines are reserved one by one; when one cannot be (not enough
   * available, or the product is not for sale), those reserved before it are released and 409
   * names the product and what is left of it.
   */
  async reserve(lines: readonly StockLine[]): Promise<void> {
    const reserved: StockLine[] = [];
    try {
      for (const line of lines) {
        assertQuantity(line);
        const product = await ProductModel.findOneAndUpdate(
          { _id: line.productId, status: 'active', available: trusted({ $gte: line.quantity }) },
          { $inc: { reserved: line.quantity, available: -line.quantity } },
          { returnDocument: 'after' },
        ).lean();
        if (!product) throw await this.outOfStock(line, reserved.length);
        reserved.push(line);
        await this.published(line.productId, product.available);
      }
    } catch (error) {
      await this.release(reserved);
      throw error;
    }
  }

  /** Gives reserved units back to what can be sold (an unpaid order cancelled or expired). */
  async release(lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) {
      const product = await this.moveReserved(line, { reserved: -line.quantity, available: line.quantity });
      if (product) await this.published(line.productId, product.available);
    }
  }

  /** A paid line leaves the shelf: its reservation becomes a sale. Availability does not change. */
  async commitSale(lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) await this.moveReserved(line, { reserved: -line.quantity, stock: -line.quantity, soldCount: line.quantity });
  }

  /** A refunded line comes back on the shelf. */
  async returnStock(lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) {
      assertQuantity(line);
      const product = await ProductModel.findOneAndUpdate({ _id: line.productId }, { $inc: { stock: line.quantity, available: line.quantity } }, { returnDocument: 'after' }).lean();
      if (product) await this.published(line.productId, product.available);
    }
  }

  /** An admin's adjustment: `add` (negative to remove) or `set` the stock on hand, with a reason kept in the movement log. */
  async adjust(productId: string, adjustment: StockAdjustment, byUserId: Types.ObjectId): Promise<StockLevels> {
    const result = 'add' in adjustment ? await addStock(productId, adjustment.add) : await setStock(productId, adjustment.set);
    if (result.change !== 0) {
      await this.published(productId, result.available);
      await StockMovementModel.create({ productId, change: result.change, stockAfter: result.stock, reason: adjustment.reason, byUserId });
    }
    return { stock: result.stock, available: result.available };
  }

  /**
   * Moves units out of `reserved`, guarded so that it never goes below zero: a release or a sale
   * repeated by a retried webhook finds nothing left to move, and changes nothing.
   */
  private async moveReserved(line: StockLine, change: Record<string, number>) {
    assertQuantity(line);
    return ProductModel.findOneAndUpdate({ _id: line.productId, reserved: trusted({ $gte: line.quantity }) }, { $inc: change }, { returnDocument: 'after' }).lean();
  }

  private published(productId: string, available: number): Promise<void> {
    return this.events.publish('stock.changed', { productId, available });
  }

  private async outOfStock(line: StockLine, index: number): Promise<AppError> {
    const product = await ProductModel.findOne({ _id: line.productId }, { title: 1, status: 1, available: 1 }).lean();
    if (!product || product.status !== 'active') {
      return new AppError(409, 'out_of_stock', 'This product is no longer for sale', [{ path: `lines.${index}.productId`, message: 'is not for sale' }]);
    }
    const message = product.available === 0 ? `${product.title} is sold out` : `Only ${product.available} of ${product.title} left`;
    return new AppError(409, 'out_of_stock', message, [{ path: `lines.${index}.quantity`, message: `at most ${product.available}` }]);
  }
}

function assertQuantity(line: StockLine): void {
  // Routes validate quantities; this guards the arithmetic of every caller.
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new RangeError(`A quantity must be a positive whole number, got ${line.quantity}`);
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
