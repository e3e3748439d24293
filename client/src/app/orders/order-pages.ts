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
  /**
   * Whether an order in `status` still belongs in the list for `params`: one that moves out of it
   * leaves at once (a "to ship" order that shipped). Without it, every listed order stays.
   */
  belongs?: (params: P, status: OrderStatus) => boolean;
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
  /** A read of the top is under way; pushes meanwhile ask for one more after it, not one each. */
  private refreshingTop = false;
  private topOutdated = false;

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
    const stopListening = inject(ShopSocket).onOrderStatus(({ orderId, status }) => {
      const stays = !options.belongs || options.belongs(untracked(options.params), status);
      this.list.update((items) =>
        items.flatMap((item) => {
          if (item.id !== orderId || item.status === status) return [item];
          return stays ? [{ ...item, status }] : [];
        }),
      );
    });
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
      if (generation === this.generation) {
        this.loadingFirst.set(false);
        // A push while the list loaded: the answer may have been read before that change.
        if (this.topOutdated) void this.refreshTop();
      }
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
   * for an order that was just placed, or one that moved. Orders the first page covers but no
   * longer holds have left the list (an order of the seller's that is now fully shipped). Any
   * number of calls while a read is under way make one more read after it, so a burst of pushes
   * costs two requests, and the last one sees the last change.
   */
  async refreshTop(): Promise<void> {
    if (this.loadingFirst() || this.refreshingTop) {
      this.topOutdated = true;
      return;
    }
    this.refreshingTop = true;
    try {
      do {
        this.topOutdated = false;
        await this.readTop();
      } while (this.topOutdated && !this.loadingFirst());
    } finally {
      this.refreshingTop = false;
    }
  }

  private async readTop(): Promise<void> {
    const generation = this.generation;
    try {
      const page = await this.fetch(undefined);
      if (generation !== this.generation) return;
      const fresh = new Map(page.items.map((item) => [item.id, item]));
      const known = new Set(this.list().map((item) => item.id));
      // Lists are newest first by id: the first page covers every order down to its last one (all of them when it is the only page).
      const oldestCovered = page.nextCursor === null ? '' : (page.items.at(-1)?.id ?? '');
      const stillListed = (item: Item) => fresh.has(item.id) || item.id < oldestCovered;
      this.list.update((items) => [...page.items.filter((item) => !known.has(item.id)), ...items.filter(stillListed).map((item) => fresh.get(item.id) ?? item)]);
      if (known.size === 0) this.cursor.set(page.nextCursor);
    } catch {
      // Only the newest changes are missing; the next push, reload or reconnection brings them.
    }
  }

  private fetch(cursor: string | undefined): Promise<OrderPage<Item>> {
    return this.options.loader(untracked(this.options.params), cursor);
  }
}
