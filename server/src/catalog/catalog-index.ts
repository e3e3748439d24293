import type { Types } from 'mongoose';
import { ProductModel, type ProductDocument } from './product.model';

/** The stored fields a listing shows: everything of the shopper view. */
export type ListedProduct = Pick<
  ProductDocument,
  '_id' | 'slug' | 'title' | 'description' | 'categoryId' | 'price' | 'compareAtPrice' | 'images' | 'available' | 'sellerId' | 'createdAt' | 'soldCount' | 'searchTerms'
>;

/** What a listing reads of a product: everything but what only the product page and admins need. */
export const listedProductProjection = { attributes: 0, stock: 0, reserved: 0 } as const;

/** One active product: what listings filter, count and sort on, and what they show. */
export interface IndexedProduct {
  _id: Types.ObjectId;
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

/** Changes made by other instances show within about this time; this instance's own show at once. */
const maxAgeMs = 10_000;

/**
 * The active catalogue's listing fields, kept in memory. On FerretDB v1 every filtered, sorted or
 * grouped query decodes every product document (about a third of a millisecond each), and even a
 * lookup by _id walks the table, so a listing with facets cost several full scans. From this index
 * it costs one scan every few seconds. Product writes in this instance invalidate it, and stock
 * changes patch it in place.
 */
class CatalogIndex {
  private entries: IndexedProduct[] | undefined;
  private loadedAt = 0;
  private loading: Promise<IndexedProduct[]> | undefined;
  private generation = 0;

  async snapshot(): Promise<readonly IndexedProduct[]> {
    if (!this.entries) return this.reload();
    if (Date.now() - this.loadedAt >= maxAgeMs) {
      // Other instances' changes are picked up in the background, so no shopper waits for the scan.
      // A failed reload leaves the old entries; the next request past the age tries again.
      this.reload().catch(() => undefined);
    }
    return this.entries;
  }

  /** Called after any write that changes what a listing shows. */
  invalidate(): void {
    this.generation += 1;
    this.entries = undefined;
  }

  /** A stock change needs no reload: the listing's availability is corrected where it stands. */
  updateAvailable(productId: string, available: number): void {
    const entry = this.entries?.find((candidate) => candidate._id.toString() === productId);
    if (!entry) return;
    entry.available = available;
    entry.product = { ...entry.product, available };
  }

  private reload(): Promise<IndexedProduct[]> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<IndexedProduct[]> {
    const generation = this.generation;
    const products = await ProductModel.find({ status: 'active' }, listedProductProjection).lean<ListedProduct[]>();
    const entries = products.map((product) => ({
      _id: product._id,
      categoryId: product.categoryId.toString(),
      sellerId: product.sellerId ? product.sellerId.toString() : null,
      price: product.price.amount,
      available: product.available,
      soldCount: product.soldCount,
      createdAt: product.createdAt.getTime(),
      title: product.title,
      searchTerms: product.searchTerms,
      product,
    }));
    // A write during the load may be missing from it: keep it only if nothing was invalidated meanwhile.
    if (generation === this.generation) {
      this.entries = entries;
      this.loadedAt = Date.now();
    }
    return entries;
  }
}

export const catalogIndex = new CatalogIndex();
