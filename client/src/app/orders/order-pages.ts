import { computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import type { OrderSummary } from '@shared/orders/order';
import type { OrderStatus } from '@shared/orders/order-status';
import { describeApiError } from '../core/http/api-error';
import { refetchOnReconnect, ShopSocket } from '../core/realtime/shop-socket';

/** What a list of orders needs of each order: the shoppers' and admins' summaries, and the sellers'. */
export interface ListedOrder {
  id: string;
  status: OrderStatus;
}

/** One page of a list of orders, as the API answers it. */
export interface OrderPage<Item extends ListedOrder> {
  items: Item[];
  nextCursor: string | null;
}

export interface OrderPagesOptions<P, Item extends ListedOrder = OrderSummary> {
  /** What the list is of (a status filter, say); a change starts the list again from the first page. */
  params: () => P;
  /** One page; `cursor` is the `nextCursor` of the page before, none for the first. */
  loader: (params: P, cursor: string | undefined) => Promise<OrderPage<Item>>;
}

/**
 * A list of orders, newest first, that grows a page at a time ("Load more") and keeps each order's
 * status live from the socket. Create in an injection context.
 */
export class OrderPages<P = null, Item extends ListedOrder = OrderSummary> {
  private readonly options: OrderPagesOptions<P, Item>;
  private readonly list = signal<Item[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly firstLoadError = signal<string | null>(null);
  private readonly nextLoadError = signal<string | null>(null);
  private readonly loadingFirst = signal(true);
  private readonly loadingNext = signal(false);
  /** Counts the fresh starts, so that an answer for an older filter is dropped. */
  private generation = 0;

  readonly items = this.list.asReadonly();
  /** The first page failed: the page shows this with a retry instead of the list. */
  readonly error = this.firstLoadError.asReadonly();
  /** A later page failed: said under the list, which stays. */
  readonly moreError = this.nextLoadError.asReadonly();
  readonly loading = this.loadingFirst.asReadonly();
  readonly loadingMore = this.loadingNext.asReadonly();
  readonly hasMore = computed(() => this.cursor() !== null);
  readonly isEmpty = computed(() => !this.loadingFirst() && !this.firstLoadError() && this.list().length === 0);

  constructor(options: OrderPagesOptions<P, Item>) {
    this.options = options;
    effect(() => {
      options.params();
      untracked(() => void this.reload());
    });
    refetchOnReconnect(() => void this.reload());
    const stopListening = inject(ShopSocket).onOrderStatus(({ orderId, status }) =>
      this.list.update((items) => items.map((item) => (item.id === orderId && item.status !== status ? { ...item, status } : item))),
    );
    inject(DestroyRef).onDestroy(stopListening);
  }

  /** Starts again from the first page. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.loadingFirst.set(true);
    this.firstLoadError.set(null);
    this.nextLoadError.set(null);
    try {
      const page = await this.fetch(undefined);
      if (generation !== this.generation) return;
      this.list.set(page.items);
      this.cursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this.firstLoadError.set(describeApiError(error).message);
    } finally {
      if (generation === this.generation) this.loadingFirst.set(false);
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.cursor();
    if (!cursor || this.loadingNext() || this.loadingFirst()) return;
    const generation = this.generation;
    this.loadingNext.set(true);
    this.nextLoadError.set(null);
    try {
      const page = await this.fetch(cursor);
      if (generation !== this.generation) return;
      const known = new Set(this.list().map((item) => item.id));
      this.list.update((items) => [...items, ...page.items.filter((item) => !known.has(item.id))]);
      this.cursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this.nextLoadError.set(describeApiError(error).message);
    } finally {
      this.loadingNext.set(false);
    }
  }

  /**
   * Reads the first page again and puts what is new on top, leaving the pages below as they are:
   * for an order that was just placed.
   */
  async refreshTop(): Promise<void> {
    if (this.loadingFirst()) return;
    const generation = this.generation;
    try {
      const page = await this.fetch(undefined);
      if (generation !== this.generation) return;
      const fresh = new Map(page.items.map((item) => [item.id, item]));
      const known = new Set(this.list().map((item) => item.id));
      this.list.update((items) => [...page.items.filter((item) => !known.has(item.id)), ...items.map((item) => fresh.get(item.id) ?? item)]);
      if (known.size === 0) this.cursor.set(page.nextCursor);
    } catch {
      // Only the newest order is missing; the next reload or reconnection brings it.
    }
  }

  private fetch(cursor: string | undefined): Promise<OrderPage<Item>> {
    return this.options.loader(untracked(this.options.params), cursor);
  }
}
