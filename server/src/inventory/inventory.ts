import type { ProductStock, StockAdjustment } from '@shared/catalog/product';
import { trusted, type Types } from 'mongoose';
import { onSale, ProductModel, type ProductDocument } from '../catalog/product.model';
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
 *
 * Each reservation is recorded in the product it holds, as `<order id>:<quantity>` in `holds`, in
 * the same update that moves the numbers. So a reservation, its release and its sale each happen
 * once however often they are tried — after a crash, by a retried webhook, by two sweepers — and
 * a release never gives back units that another order holds.
 */
export class Inventory {
  constructor(private readonly events: ShopEvents) {}

  /**
   * Holds every line for `orderId`, or none. Lines are reserved one by one; when one cannot be
   * (not enough available, or the product is not for sale), those reserved before it are released
   * and 409 names the line and what is left of it. Answers each product as it is after its update,
   * so that the order is priced from what was actually reserved.
   */
  async reserve(orderId: string, lines: readonly StockLine[]): Promise<ReservedProduct[]> {
    const reserved: ReservedProduct[] = [];
    try {
      for (const [index, line] of lines.entries()) {
        assertQuantity(line);
        const hold = holdOf(orderId, line);
        const product =
          (await ProductModel.findOneAndUpdate(
            { _id: line.productId, ...onSale, available: trusted({ $gte: line.quantity }), holds: trusted({ $ne: hold }) },
            { $inc: { reserved: line.quantity, available: -line.quantity }, $push: { holds: hold } },
            { returnDocument: 'after' },
          ).lean<ReservedProduct>()) ?? (await this.alreadyHeldOrRefused(hold, line, index));
        reserved.push(product);
        await this.published(product, line.quantity);
      }
    } catch (error) {
      // Only the lines reserved before the refused one are given back; after an unexpected error
      // the line being tried may have been reserved too, and releasing a hold that is not there does nothing.
      await this.release(orderId, error instanceof AppError ? lines.slice(0, reserved.length) : lines);
      throw error;
    }
    return reserved;
  }

  /**
   * A reservation that matched nothing was either made before (a retry after a crash: the hold is
   * there) or refused, and one read tells which, and what is left to say so.
   */
  private async alreadyHeldOrRefused(hold: string, line: StockLine, index: number): Promise<ReservedProduct> {
    const product = await ProductModel.findOne({ _id: line.productId }, { ...reservedProductProjection, status: 1, sellerSuspended: 1, holds: 1 }).lean<ReservedProduct & Pick<ProductDocument, 'status' | 'sellerSuspended' | 'holds'>>();
    if (product?.holds.includes(hold)) {
      const { status: _status, sellerSuspended: _suspended, holds: _holds, ...held } = product;
      return held;
    }
    if (!product || product.status !== 'active' || product.sellerSuspended === true) {
      throw new AppError(409, 'out_of_stock', `${product?.title ?? 'A product in your cart'} is no longer for sale`, [
        { path: `lines.${index}.productId`, message: 'is not for sale' },
      ]);
    }
    const message = product.available === 0 ? `${product.title} is sold out` : `Only ${product.available} of ${product.title} left`;
    throw new AppError(409, 'out_of_stock', message, [{ path: `lines.${index}.quantity`, message: `at most ${product.available}` }]);
  }

  /** Gives an order's reserved units back to what can be sold (it was cancelled or expired unpaid). */
  async release(orderId: string, lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) {
      const product = await this.settleHold(orderId, line, { reserved: -line.quantity, available: line.quantity });
      if (product) await this.published(product, -line.quantity);
    }
  }

  /** A paid order's lines leave the shelf: each reservation becomes a sale. Availability does not change. */
  async commitSale(orderId: string, lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) {
      const product = await this.settleHold(orderId, line, { reserved: -line.quantity, stock: -line.quantity, soldCount: line.quantity });
      if (product) await this.events.publish('product.sold', { productId: line.productId, soldCount: product.soldCount });
    }
  }

  /** A refunded line comes back on the shelf. The order's own status guards that this runs once. */
  async returnStock(lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) {
      assertQuantity(line);
      const product = await ProductModel.findOneAndUpdate(
        { _id: line.productId },
        { $inc: { stock: line.quantity, available: line.quantity } },
        { returnDocument: 'after' },
      ).lean<ReservedProduct>();
      if (product) await this.published(product, -line.quantity);
    }
  }

  /** An admin's adjustment: `add` (negative to remove) or `set` the stock on hand, with a reason kept in the movement log. */
  async adjust(productId: string, adjustment: StockAdjustment, byUserId: Types.ObjectId): Promise<StockLevels> {
    const result = 'add' in adjustment ? await addStock(productId, adjustment.add) : await setStock(productId, adjustment.set);
    if (result.change !== 0) {
      const product = await ProductModel.findById(productId, reservedProductProjection).lean<ReservedProduct>();
      if (product) await this.published({ ...product, available: result.available }, -result.change);
      await StockMovementModel.create({ productId, change: result.change, stockAfter: result.stock, reason: adjustment.reason, byUserId });
    }
    return { stock: result.stock, available: result.available };
  }

  /**
   * Changes when admins are told that a product runs low. Not a stock number, but it decides what
   * the stock page and the low-stock alerts show, so it lives beside them: a product that is low by
   * the new threshold and was not by the old one is told once, as a fall would be.
   */
  async setLowStockThreshold(productId: string, threshold: number): Promise<ProductStock> {
    const before = await ProductModel.findOneAndUpdate({ _id: productId }, { $set: { lowStockThreshold: threshold } }, { returnDocument: 'before' }).lean();
    if (!before) throw AppError.notFound('Product');
    await this.events.publish('product.changed', { productId });
    if (before.available <= threshold && before.available > before.lowStockThreshold) {
      await this.events.publish('stock.low', { productId, title: before.title, available: before.available, threshold });
    }
    return { productId, stock: before.stock, reserved: before.reserved, available: before.available, lowStockThreshold: threshold };
  }

  /** Ends one hold with `change`; nothing happens when the hold is not there (already ended, or never made). */
  private async settleHold(orderId: string, line: StockLine, change: Record<string, number>): Promise<ReservedProduct | null> {
    assertQuantity(line);
    const hold = holdOf(orderId, line);
    return ProductModel.findOneAndUpdate(
      { _id: line.productId, holds: hold },
      { $inc: change, $pull: { holds: hold } },
      { returnDocument: 'after' },
    ).lean<ReservedProduct>();
  }

  /**
   * Tells the shop the new availability, and admins when it has just reached the product's
   * low-stock threshold (`taken` units ago it was above it), so each fall is told once.
   */
  private async published(product: ReservedProduct, taken: number): Promise<void> {
    const productId = product._id.toString();
    await this.events.publish('stock.changed', { productId, available: product.available });
    const threshold = product.lowStockThreshold;
    if (taken > 0 && product.available <= threshold && product.available + taken > threshold) {
      await this.events.publish('stock.low', { productId, title: product.title, available: product.available, threshold });
    }
  }
}

/** What checkout copies into an order line, and the numbers the events tell. */
export type ReservedProduct = Pick<ProductDocument, '_id' | 'title' | 'slug' | 'price' | 'images' | 'sellerId' | 'categoryId' | 'available' | 'soldCount' | 'lowStockThreshold'>;
// Reads only: FerretDB v1 has no projection on findOneAndUpdate, which answers the whole product.
const reservedProductProjection = { title: 1, slug: 1, price: 1, images: 1, sellerId: 1, categoryId: 1, available: 1, soldCount: 1, lowStockThreshold: 1 } as const;

function holdOf(orderId: string, line: StockLine): string {
  return `${orderId}:${line.quantity}`;
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
