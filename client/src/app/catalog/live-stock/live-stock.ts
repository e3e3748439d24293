import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { ShopSocket } from '../../core/realtime/shop-socket';

/**
 * Availability pushed by the server (`stock:changed`) for the products on screen, over what their
 * page loaded. Products are followed while something shows them, counted, so a product in two
 * places is watched once and until both are gone.
 */
@Injectable({ providedIn: 'root' })
export class LiveStock {
  private readonly socket = inject(ShopSocket);
  private readonly followers = new Map<string, number>();
  private readonly pushed = signal<ReadonlyMap<string, number>>(new Map());

  constructor() {
    this.socket.onStockChanged(({ productId, available }, source) => {
      if (!this.followers.has(productId)) return;
      // The level at the watch was read before any push that already arrived since: that push is newer.
      if (source === 'watch' && this.pushed().has(productId)) return;
      this.pushed.update((pushed) => new Map(pushed).set(productId, available));
    });
    // After a reconnection pages fetch again (refetchOnReconnect), and what they fetch is newer than any push.
    effect(() => {
      this.socket.reconnections();
      untracked(() => this.pushed.set(new Map()));
    });
  }

  /** What can be bought now: the last pushed number, or the loaded one when nothing was pushed since. */
  availableOf(product: { id: string; available: number }): number {
    return this.pushed().get(product.id) ?? product.available;
  }

  follow(productIds: Iterable<string>): void {
    const started: string[] = [];
    for (const id of new Set(productIds)) {
      const count = this.followers.get(id) ?? 0;
      this.followers.set(id, count + 1);
      if (count === 0) started.push(id);
    }
    if (started.length === 0) return;
    // The page that starts following has just loaded these, so an older push no longer counts.
    this.forget(started);
    this.socket.watch(started);
  }

  unfollow(productIds: Iterable<string>): void {
    const stopped: string[] = [];
    for (const id of new Set(productIds)) {
      const count = this.followers.get(id) ?? 0;
      if (count > 1) this.followers.set(id, count - 1);
      else if (this.followers.delete(id)) stopped.push(id);
    }
    if (stopped.length === 0) return;
    this.forget(stopped);
    this.socket.unwatch(stopped);
  }

  private forget(productIds: string[]): void {
    if (!productIds.some((id) => this.pushed().has(id))) return;
    this.pushed.update((pushed) => {
      const kept = new Map(pushed);
      for (const id of productIds) kept.delete(id);
      return kept;
    });
  }
}

/**
 * Follows the live stock of the products `productIds` names, for as long as the calling component
 * lives, as the list changes. Call in an injection context.
 */
export function followStock(productIds: () => readonly string[]): void {
  const liveStock = inject(LiveStock);
  let following: readonly string[] = [];
  effect(() => {
    const next = productIds();
    untracked(() => {
      // Follow first, so ids in both lists are not dropped and watched again.
      liveStock.follow(next);
      liveStock.unfollow(following);
    });
    following = next;
  });
  inject(DestroyRef).onDestroy(() => liveStock.unfollow(following));
}
