import type { ShopEvents } from '../events/shop-events';
import type { AdminListedProduct, AdminListingAnswer, AdminListingRequest } from './catalog-source';
import { ProductModel } from './product.model';

/** Everything the admin's list shows and filters on; the holds stay in the database. */
export const adminFieldsProjection = { holds: 0 } as const;

interface AdminEntry {
  /** `_id` as text, the tie-breaker of the order. */
  id: string;
  updatedAt: number;
  status: string;
  sellerId: string | null;
  categoryPath: string[];
  available: number;
  searchTerms: string[];
  product: AdminListedProduct;
}

function toEntry(product: AdminListedProduct): AdminEntry {
  return {
    id: product._id.toString(),
    updatedAt: product.updatedAt.getTime(),
    status: product.status,
    sellerId: product.sellerId?.toString() ?? null,
    categoryPath: product.categoryPath.map(String),
    available: product.available,
    searchTerms: product.searchTerms,
    product,
  };
}

/** Most recently changed first, then by _id descending, as `sort({ updatedAt: -1, _id: -1 })` orders them. */
function newestChangeFirst(a: AdminEntry, b: AdminEntry): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Re-reading more products than this one by one costs more than reading them all at once. */
function rereadLimit(size: number): number {
  return Math.max(100, Math.floor(size / 10));
}

/**
 * The whole catalogue, any status, for the admin's product list on FerretDB v1, which would read
 * and sort every row for each page (a range on `available`, a regex per search word, the sort on
 * `updatedAt`, and again for the count). It is read on the first admin request, not at start: an
 * instance that serves no admin never holds it.
 *
 * The shop's events, from this instance and through Redis from the others, say which products
 * changed; they are read again by id (an indexed lookup) when an admin next lists, so a busy sale
 * costs nothing until then. Every request first takes in every change told before it arrived,
 * so an admin always sees their own edit. A category rename, which changes many products' search
 * terms, reads the catalogue again.
 */
export class AdminCatalogIndex {
  private entries: Map<string, AdminEntry> | undefined;
  private ordered: AdminEntry[] | undefined;
  /** Products changed since they were read. */
  private readonly stale = new Set<string>();
  private reloadNeeded = false;
  /** Counts the changes told; `covered` is how many of them what is held includes. */
  private changes = 0;
  private covered = 0;
  private refreshing: Promise<void> | undefined;

  constructor(events: ShopEvents) {
    const changed = ({ productId }: { productId: string }) => this.changed(productId);
    events.on('product.changed', changed);
    events.on('stock.changed', changed);
    events.on('product.sold', changed);
    events.on('categories.changed', ({ productsChanged }) => {
      if (!productsChanged || !this.holdsOrReads()) return;
      this.reloadNeeded = true;
      this.changes += 1;
    });
  }

  async list({ words, status, categoryId, lowStockOnly, sellerId, skip, limit }: AdminListingRequest): Promise<AdminListingAnswer> {
    const matching = (await this.inOrder()).filter(
      (entry) =>
        (sellerId === undefined || entry.sellerId === sellerId) &&
        (status === undefined || entry.status === status) &&
        (categoryId === undefined || entry.categoryPath.includes(categoryId)) &&
        (!lowStockOnly || entry.available <= entry.product.lowStockThreshold) &&
        words.every((word) => entry.searchTerms.some((term) => term.startsWith(word))),
    );
    return { products: matching.slice(skip, skip + limit).map((entry) => entry.product), total: matching.length };
  }

  private holdsOrReads(): boolean {
    return this.entries !== undefined || this.refreshing !== undefined;
  }

  private changed(productId: string): void {
    // Nothing held yet: the first read will see the change.
    if (!this.holdsOrReads()) return;
    this.stale.add(productId);
    this.changes += 1;
  }

  private async inOrder(): Promise<readonly AdminEntry[]> {
    const told = this.changes;
    // A refresh already under way may have started before the latest change: then one more.
    while (!this.entries || this.covered < told) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = undefined;
      });
      await this.refreshing;
    }
    this.ordered ??= [...this.entries.values()].sort(newestChangeFirst);
    return this.ordered;
  }

  private async refresh(): Promise<void> {
    const covering = this.changes;
    const rereads = [...this.stale];
    this.stale.clear();
    const reload = !this.entries || this.reloadNeeded || rereads.length > rereadLimit(this.entries.size);
    this.reloadNeeded = false;
    try {
      if (reload) {
        const products = await ProductModel.find({}, adminFieldsProjection).lean<AdminListedProduct[]>();
        this.entries = new Map(products.map((product) => [product._id.toString(), toEntry(product)]));
      } else {
        // One lookup by _id each: `$in` is not pushed down on FerretDB v1, an equality on _id is.
        const products = await Promise.all(rereads.map((id) => ProductModel.findById(id, adminFieldsProjection).lean<AdminListedProduct>()));
        for (const [position, id] of rereads.entries()) {
          const product = products[position];
          if (product) this.entries!.set(id, toEntry(product));
          else this.entries!.delete(id);
        }
      }
    } catch (error) {
      // Nothing was applied: the next request tries the same again.
      for (const id of rereads) this.stale.add(id);
      if (reload && this.entries) this.reloadNeeded = true;
      throw error;
    }
    this.ordered = undefined;
    this.covered = covering;
  }
}
