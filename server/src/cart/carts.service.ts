import { maxCartLines, maxQuantityPerLine, type Cart, type CartLine, type CartLineProblem, type CartNotice } from '@shared/cart/cart';
import { multiplyMoney, sumMoney, type Money } from '@shared/money';
import { Types } from 'mongoose';
import type { CatalogSource } from '../catalog/catalog-source';
import type { ListedProduct } from '../catalog/catalog-index';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';
import { CartModel, type StoredCartLine } from './cart.model';

/** A cart write that lost to another one (two tabs) reads again; this many times before giving up. */
const maxWriteAttempts = 8;

export interface CartAtCheckout {
  owner: string;
  lines: StoredCartLine[];
  cartId: Types.ObjectId | null;
  version: number;
}

type LinesChange = (lines: StoredCartLine[]) => Promise<StoredCartLine[]> | StoredCartLine[];

/**
 * Shoppers' carts, guests' and signed-in users' alike, keyed by an owner string. A cart holds
 * quantities, never promises: stock is only held by an order (inventory.ts). What a cart shows is
 * worked out afresh from the catalogue on every read, so prices and availability are always today's.
 */
export class Carts {
  constructor(
    private readonly catalog: CatalogSource,
    private readonly currency: string,
  ) {}

  async view(owner: string | undefined, notices: CartNotice[] = []): Promise<Cart> {
    const cart = owner ? await CartModel.findOne({ owner }).lean() : null;
    const lines = await Promise.all((cart?.lines ?? []).map((line) => this.lineView(line)));
    const buyable = lines.filter((line) => line.problem === null);
    return {
      id: cart ? cart._id.toString() : null,
      lines,
      totals: {
        itemCount: lines.reduce((count, line) => count + line.quantity, 0),
        subtotal: sumMoney(
          buyable.map((line) => line.lineTotal),
          this.currency,
        ),
      },
      readyForCheckout: lines.length > 0 && buyable.length === lines.length,
      notices,
    };
  }

  /** The stored lines, for checkout to price from the database, and the version they were read at. */
  async forCheckout(owner: string): Promise<CartAtCheckout> {
    const cart = await CartModel.findOne({ owner }, { lines: 1, version: 1 }).lean();
    return { owner, lines: cart?.lines ?? [], cartId: cart?._id ?? null, version: cart?.version ?? 0 };
  }

  /**
   * After an order: the bought lines leave the cart in one write guarded on the version checkout
   * read; a cart changed since (another tab) is changed again from what it holds now.
   */
  async removeBought(cart: CartAtCheckout, productIds: readonly string[]): Promise<void> {
    const bought = new Set(productIds);
    if (cart.cartId) {
      const lines = cart.lines.filter((line) => !bought.has(line.productId.toString()));
      const { modifiedCount } = await CartModel.updateOne({ _id: cart.cartId, version: cart.version }, { $set: { lines }, $inc: { version: 1 } });
      if (modifiedCount === 1) return;
    }
    await this.remove(cart.owner, productIds);
  }

  /** Adds to the line of this product, or starts one; capped at what can be bought, with a notice saying so. */
  async add(owner: string, productId: string, quantity: number): Promise<CartNotice[]> {
    const product = await this.productForSale(productId);
    const notices: CartNotice[] = [];
    await this.change(owner, (lines) => {
      notices.length = 0;
      const existing = lines.find((line) => line.productId.equals(product._id));
      if (!existing && lines.length >= maxCartLines) throw AppError.conflict(`A cart holds at most ${maxCartLines} different products`);
      const wanted = (existing?.quantity ?? 0) + quantity;
      const kept = capped(product, wanted, notices);
      if (existing) return lines.map((line) => (line === existing ? { ...line, quantity: kept } : line));
      return [...lines, newLine(product, kept)];
    });
    return notices;
  }

  async setQuantity(owner: string, productId: string, quantity: number): Promise<CartNotice[]> {
    const product = await this.productForSale(productId);
    const notices: CartNotice[] = [];
    await this.change(owner, (lines) => {
      notices.length = 0;
      if (!lines.some((line) => line.productId.equals(product._id))) throw AppError.notFound('Cart line');
      const kept = capped(product, quantity, notices);
      return lines.map((line) => (line.productId.equals(product._id) ? { ...line, quantity: kept } : line));
    });
    return notices;
  }

  async remove(owner: string, productIds: readonly string[]): Promise<void> {
    const removed = new Set(productIds);
    await this.change(owner, (lines) => lines.filter((line) => !removed.has(line.productId.toString())));
  }

  /**
   * A guest who signs in keeps what they chose: each guest line is added to the user's cart,
   * quantities summed and capped at what can be bought; the guest cart is then deleted.
   */
  async merge(guestOwner: string, userOwner: string): Promise<CartNotice[]> {
    const guest = await CartModel.findOne({ owner: guestOwner }).lean();
    if (!guest) return [];
    const notices: CartNotice[] = [];
    const products = new Map<string, ListedProduct | undefined>();
    for (const line of guest.lines) products.set(line.productId.toString(), await this.catalog.activeProduct(line.productId.toString()));
    await this.change(userOwner, (lines) => {
      notices.length = 0;
      const merged = [...lines];
      for (const guestLine of guest.lines) {
        const product = products.get(guestLine.productId.toString());
        const index = merged.findIndex((line) => line.productId.equals(guestLine.productId));
        if (index === -1 && merged.length >= maxCartLines) continue;
        const wanted = (index === -1 ? 0 : merged[index]!.quantity) + guestLine.quantity;
        // A line for a product no longer on sale comes along, flagged, for the shopper to see.
        const quantity = product ? Math.max(1, capped(product, wanted, notices)) : Math.min(wanted, maxQuantityPerLine);
        if (index === -1) merged.push({ ...guestLine, quantity });
        else merged[index] = { ...merged[index]!, quantity };
      }
      return merged;
    });
    await CartModel.deleteOne({ owner: guestOwner });
    if (guest.lines.length > 0) {
      notices.unshift({ productId: guest.lines[0]!.productId.toString(), kind: 'merged', message: 'We added the items from before you signed in to your cart' });
    }
    return notices;
  }

  /** After checkout found too little stock: each line is cut to what is left, and the shopper is told. */
  async capTo(owner: string, productId: string, available: number): Promise<void> {
    await this.change(owner, (lines) =>
      lines.map((line) => (line.productId.toString() === productId && available > 0 && line.quantity > available ? { ...line, quantity: available } : line)),
    );
  }

  private async productForSale(productId: string): Promise<ListedProduct> {
    const product = await this.catalog.activeProduct(productId);
    if (!product) throw new AppError(404, 'not_found', 'This product is not for sale');
    if (product.available === 0) throw new AppError(409, 'out_of_stock', `${product.title} is sold out`, [{ path: 'body.productId', message: 'is sold out' }]);
    return product;
  }

  /** Applies `change` to the owner's lines as one compare-and-set on the version read; creates the cart on its first line. */
  private async change(owner: string, change: LinesChange): Promise<void> {
    for (let attempt = 0; attempt < maxWriteAttempts; attempt += 1) {
      const cart = await CartModel.findOne({ owner }, { lines: 1, version: 1 }).lean();
      const lines = await change(cart?.lines ?? []);
      if (!cart) {
        if (lines.length === 0) return;
        try {
          await CartModel.create({ owner, lines, version: 1 });
          return;
        } catch (error) {
          if (isDuplicateKeyError(error)) continue;
          throw error;
        }
      }
      const { modifiedCount } = await CartModel.updateOne({ _id: cart._id, version: cart.version }, { $set: { lines }, $inc: { version: 1 } });
      if (modifiedCount === 1) return;
    }
    throw AppError.conflict('The cart changed while it was being updated; please try again');
  }

  private async lineView(line: StoredCartLine): Promise<CartLine> {
    const product = await this.catalog.activeProduct(line.productId.toString());
    const unitPrice: Money = product ? { amount: product.price.amount, currency: product.price.currency } : line.priceWhenAdded;
    const available = product?.available ?? 0;
    const problem: CartLineProblem | null = !product ? 'unavailable' : available === 0 ? 'sold_out' : available < line.quantity ? 'short' : null;
    return {
      productId: line.productId.toString(),
      slug: product?.slug ?? line.slug,
      title: product?.title ?? line.title,
      image: (product?.images[0] ?? line.image)?.toString() ?? null,
      quantity: line.quantity,
      unitPrice,
      priceWhenAdded: { amount: line.priceWhenAdded.amount, currency: line.priceWhenAdded.currency },
      lineTotal: multiplyMoney(unitPrice, line.quantity),
      available,
      problem,
      sellerId: (product?.sellerId ?? line.sellerId)?.toString() ?? null,
    };
  }
}

/** The quantity a line may hold of `product`; a notice when that is less than was asked for. */
function capped(product: ListedProduct, wanted: number, notices: CartNotice[]): number {
  const limit = Math.min(product.available, maxQuantityPerLine);
  if (wanted <= limit) return wanted;
  const productId = product._id.toString();
  const message =
    limit === maxQuantityPerLine && product.available > maxQuantityPerLine
      ? `At most ${maxQuantityPerLine} of ${product.title} fit in one cart; your cart has ${limit}`
      : `Only ${product.available} of ${product.title} left; your cart has ${limit}`;
  notices.push({ productId, kind: 'capped', message });
  return limit;
}

function newLine(product: ListedProduct, quantity: number): StoredCartLine {
  return {
    productId: new Types.ObjectId(product._id.toString()),
    quantity,
    priceWhenAdded: { amount: product.price.amount, currency: product.price.currency },
    title: product.title,
    slug: product.slug,
    image: product.images[0] ?? null,
    sellerId: product.sellerId ?? null,
    addedAt: new Date(),
  };
}
