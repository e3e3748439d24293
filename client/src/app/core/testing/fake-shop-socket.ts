import { Injectable, type Provider, signal } from '@angular/core';
import type { StockChanged } from '@shared/realtime/socket-events';
import { ShopSocket, type StockListener, type StockSource } from '../realtime/shop-socket';

/**
 * Stands in for the socket.io connection in unit tests (the e2e specs use the real one): it records
 * what is watched and lets a test push events and simulate a reconnection.
 */
@Injectable()
export class FakeShopSocket implements Pick<ShopSocket, 'watch' | 'unwatch' | 'onStockChanged' | 'reconnections'> {
  readonly watched = new Set<string>();
  readonly reconnections = signal(0);
  private readonly listeners = new Set<StockListener>();

  watch(productIds: readonly string[]): void {
    for (const id of productIds) this.watched.add(id);
  }

  unwatch(productIds: readonly string[]): void {
    for (const id of productIds) this.watched.delete(id);
  }

  onStockChanged(listener: StockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A `stock:changed` event, or with `watch` the level answered when the product was watched. */
  push(change: StockChanged, source: StockSource = 'push'): void {
    for (const listener of this.listeners) listener(change, source);
  }

  reconnect(): void {
    this.reconnections.update((count) => count + 1);
  }
}

export function provideFakeShopSocket(): Provider[] {
  return [FakeShopSocket, { provide: ShopSocket, useExisting: FakeShopSocket }];
}
