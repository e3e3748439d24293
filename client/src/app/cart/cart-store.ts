import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { AddCartItemRequest, Cart, CartNotice, maxQuantityPerLine as sharedMaxQuantityPerLine } from '@shared/cart/cart';
import { AuthStore } from '../core/auth/auth-store';
import { CartApi } from './cart-api';

/**
 * The most of one product a cart line holds: shared's number, typed as it, so the build fails if the
 * two ever differ. Not imported as a value: that module holds the zod schemas, which would then
 * load with the header on every first visit.
 */
export const maxQuantityPerLine: typeof sharedMaxQuantityPerLine = 99;

/** A load waiting or on its way, which callers asking for the same cart share. */
interface QueuedLoad {
  userId: string | null;
  /** Its place in the queue: a write queued after it would make its answer out of date. */
  position: number;
  done: Promise<void>;
}

/**
 * The shopper's cart as the server last answered it (SPEC section 6), for the header's count, the
 * cart page and the checkout.
 *
 * Calls go to the server one at a time, in the order they were made: every answer is the whole
 * cart, so answered in order the last one is always the newest, and two quick quantity changes
 * reach the server in the order the shopper made them.
 */
@Injectable({ providedIn: 'root' })
export class CartStore {
  private readonly api = inject(CartApi);
  private readonly auth = inject(AuthStore);
  private readonly state = signal<Cart | null>(null);
  private readonly unreadNotices = signal<CartNotice[]>([]);
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private queuedLoad: QueuedLoad | null = null;
  private readonly userId = computed(() => this.auth.user()?.id ?? null);

  /** `null` until the first answer. */
  readonly cart = this.state.asReadonly();
  readonly count = computed(() => this.state()?.totals.itemCount ?? 0);
  /** What the shop changed on the shopper's behalf (merged after sign-in, capped to the stock), until dismissed. */
  readonly notices = this.unreadNotices.asReadonly();
  /** Always true now that the cart exists; kept for the product page, which was built before it. */
  readonly acceptsItems = signal(true).asReadonly();

  constructor() {
    let loadedFor = untracked(this.userId);
    effect(() => {
      const userId = this.userId();
      if (userId === loadedFor) return;
      loadedFor = userId;
      // Another cart now: after signing in the server merges the guest cart into the user's and says
      // so in notices; after signing out the guest's cart shows again. Failing, the next page load retries.
      untracked(() => this.load().catch(() => undefined));
    });
  }

  load(): Promise<void> {
    const userId = untracked(this.userId);
    const waiting = this.queuedLoad;
    if (waiting && waiting.userId === userId && waiting.position === this.queued) return waiting.done;
    const done = this.send(() => this.api.cart()).finally(() => {
      if (this.queuedLoad?.done === done) this.queuedLoad = null;
    });
    this.queuedLoad = { userId, position: this.queued, done };
    return done;
  }

  /** Rejects with the `HttpErrorResponse` (404 not for sale, 409 sold out or cart full), for the caller to put in words. */
  addItem(item: AddCartItemRequest): Promise<void> {
    return this.send(() => this.api.addItem(item));
  }

  setQuantity(productId: string, quantity: number): Promise<void> {
    return this.send(() => this.api.setQuantity(productId, { quantity }));
  }

  remove(productId: string): Promise<void> {
    return this.send(() => this.api.remove(productId));
  }

  dismissNotices(): void {
    this.unreadNotices.set([]);
  }

  private send(request: () => Promise<Cart>): Promise<void> {
    this.queued += 1;
    const answer = this.queue.then(request);
    // A failed call does not hold up the ones behind it; its caller sees the failure.
    this.queue = answer.catch(() => undefined);
    return answer.then((cart) => {
      this.state.set(cart);
      if (cart.notices.length > 0) this.unreadNotices.update((notices) => [...notices, ...cart.notices]);
    });
  }
}
