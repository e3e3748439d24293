import type { ProductSort } from '@shared/catalog/product';
import type { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { ShopEvents } from '../events/shop-events';
import { onSale, ProductModel, type ProductDocument } from './product.model';

/** The stored fields a shopper sees of a product: a listing's card, and its page. */
export type ListedProduct = Pick<
  ProductDocument,
  | '_id'
  | 'slug'
  | 'title'
  | 'description'
  | 'categoryId'
  | 'categoryPath'
  | 'attributes'
  | 'price'
  | 'compareAtPrice'
  | 'images'
  | 'available'
  | 'sellerId'
  | 'createdAt'
  | 'soldCount'
  | 'searchTerms'
>;

/** Everything but what only admins see: stock on hand and reservations. */
const shopperFieldsProjection = { stock: 0, reserved: 0, holds: 0 } as const;

/** One active product: what listings filter, count and sort on, and what they show. */
export interface IndexedProduct {
  _id: Types.ObjectId;
  /** `_id` as text, the tie-breaker of every order. */
  id: string;
  categoryId: string;
  sellerId: string | null;
  price: number;
  available: number;
  soldCount: number;
  createdAt: number;
  title: string;
  searchTerms: string[];
  product: ListedProduct;
}

function toEntry(product: ListedProduct): IndexedProduct {
  return {
    _id: product._id,
    id: product._id.toString(),
    categoryId: product.categoryId.toString(),
    sellerId: product.sellerId ? product.sellerId.toString() : null,
    price: product.price.amount,
    available: product.available,
    soldCount: product.soldCount,
    createdAt: product.createdAt.getTime(),
    title: product.title,
    searchTerms: product.searchTerms,
    product,
  };
}

export type ListingOrder = Exclude<ProductSort, 'relevance'>;
type Comparator = (a: IndexedProduct, b: IndexedProduct) => number;

/** Ids are hex of one length, so comparing them as strings orders them as MongoDB does. */
const byId: Comparator = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The listing orders, each ending on _id so that pages never repeat or skip a product that ties. */
export const listingOrders: Record<ListingOrder, Comparator> = {
  price_asc: (a, b) => a.price - b.price || byId(a, b),
  price_desc: (a, b) => b.price - a.price || byId(a, b),
  newest: (a, b) => b.createdAt - a.createdAt || byId(b, a),
  bestselling: (a, b) => b.soldCount - a.soldCount || byId(a, b),
};

/** The active catalogue by id and by slug, and in each listing order. */
class Entries {
  readonly byId = new Map<string, IndexedProduct>();
  private readonly idBySlug = new Map<string, string>();
  private list: IndexedProduct[] | undefined;
  /** Sorted once and kept until a product is added or removed: stock changes reorder nothing. */
  private readonly ordered = new Map<ListingOrder, IndexedProduct[]>();

  constructor(products: ListedProduct[]) {
    for (const product of products) this.put(product);
  }

  all(): readonly IndexedProduct[] {
    this.list ??= [...this.byId.values()];
    return this.list;
  }

  inOrder(order: ListingOrder): readonly IndexedProduct[] {
    let sorted = this.ordered.get(order);
    if (!sorted) {
      sorted = [...this.all()].sort(listingOrders[order]);
      this.ordered.set(order, sorted);
    }
    return sorted;
  }

  bySlug(slug: string): IndexedProduct | undefined {
    const id = this.idBySlug.get(slug);
    return id === undefined ? undefined : this.byId.get(id);
  }

  put(product: ListedProduct): void {
    this.remove(product._id.toString());
    const entry = toEntry(product);
    this.byId.set(entry.id, entry);
    this.idBySlug.set(product.slug, entry.id);
    this.changedMembers();
  }

  remove(productId: string): void {
    const entry = this.byId.get(productId);
    if (!entry) return;
    this.byId.delete(productId);
    this.idBySlug.delete(entry.product.slug);
    this.changedMembers();
  }

  /** In place: a listing is computed without awaiting anything, so none sees half a change. */
  setAvailable(productId: string, available: number): void {
    const entry = this.byId.get(productId);
    if (!entry) return;
    entry.available = available;
    entry.product.available = available;
  }

  /** A sale moves the product in the best-selling order only, so only that order is sorted again. */
  setSoldCount(productId: string, soldCount: number): void {
    const entry = this.byId.get(productId);
    if (!entry) return;
    entry.soldCount = soldCount;
    entry.product.soldCount = soldCount;
    this.ordered.delete('bestselling');
  }

  private changedMembers(): void {
    this.list = undefined;
    this.ordered.clear();
  }
}

type Change = (entries: Entries) => void;

/**
 * The active catalogue, in memory. On FerretDB v1 every listing needs ranges, sorts and counts
 * that it evaluates by reading every product, so listings, product pages and the availability a
 * socket asks for are answered from here instead, and the one database connection stays free.
 *
 * It is read once, at start, and then kept true by the shop's events, from this instance and,
 * through Redis, from the others: a stock change is patched in place, a changed product is read
 * again by id (an indexed lookup), and a renamed category, which changes many products' search
 * terms, reloads it in the background while the old copy keeps answering. A change that arrives
 * while a load is under way is applied to what the load returns too, so it is never lost.
 */
export class CatalogIndex {
  private entries: Entries | undefined;
  private loading: Promise<Entries> | undefined;
  private changesDuringLoad: Change[] | undefined;
  /** A bulk change arrived during a load that may have read before it: read once more after. */
  private reloadAgain = false;
  private changes = 0;

  constructor(events: ShopEvents, private readonly log: Logger) {
    events.on('stock.changed', ({ productId, available }) => this.apply((entries) => entries.setAvailable(productId, available)));
    events.on('product.sold', ({ productId, soldCount }) => this.apply((entries) => entries.setSoldCount(productId, soldCount)));
    events.on('product.changed', ({ productId }) => this.reread(productId));
    events.on('categories.changed', ({ productsChanged }) => {
      if (productsChanged) this.reloadInBackground();
    });
  }

  /** Changes whenever what the index holds does (after the change, never before it). */
  get version(): number {
    return this.changes;
  }

  /** Every active product. */
  async snapshot(): Promise<readonly IndexedProduct[]> {
    return (await this.current()).all();
  }

  /** Every active product, in a listing order. */
  async inOrder(order: ListingOrder): Promise<readonly IndexedProduct[]> {
    return (await this.current()).inOrder(order);
  }

  async findById(productId: string): Promise<IndexedProduct | undefined> {
    return (await this.current()).byId.get(productId);
  }

  async findBySlug(slug: string): Promise<IndexedProduct | undefined> {
    return (await this.current()).bySlug(slug);
  }

  /** Reads the catalogue now (at start, so no shopper waits for it). */
  async load(): Promise<void> {
    await this.reload();
  }

  private async current(): Promise<Entries> {
    return this.entries ?? (await this.reload());
  }

  private apply(change: Change): void {
    if (this.entries) change(this.entries);
    this.changesDuringLoad?.push(change);
    this.changes += 1;
  }

  private async reread(productId: string): Promise<void> {
    if (!this.entries && !this.loading) return;
    const product = await ProductModel.findOne({ _id: productId, ...onSale }, shopperFieldsProjection).lean<ListedProduct>();
    this.apply((entries) => (product ? entries.put(product) : entries.remove(productId)));
  }

  private reloadInBackground(): void {
    if (!this.entries && !this.loading) return;
    if (this.loading) {
      this.reloadAgain = true;
      return;
    }
    this.reload().catch((error: unknown) => this.log.warn({ err: error }, 'could not reload the catalogue index; the previous copy keeps answering'));
  }

  private reload(): Promise<Entries> {
    this.loading ??= this.read().finally(() => {
      this.loading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.reloadInBackground();
      }
    });
    return this.loading;
  }

  private async read(): Promise<Entries> {
    const changes: Change[] = [];
    this.changesDuringLoad = changes;
    try {
      const loaded = new Entries(await ProductModel.find(onSale, shopperFieldsProjection).lean<ListedProduct[]>());
      for (const change of changes) change(loaded);
      this.entries = loaded;
      this.changes += 1;
      return loaded;
    } finally {
      this.changesDuringLoad = undefined;
    }
  }
}
