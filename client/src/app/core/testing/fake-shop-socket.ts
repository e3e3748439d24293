import { Injectable, type Provider, signal } from '@angular/core';
import type { OrderCreated, QuestionAnswered, QuestionAsked, StockChanged, StockLow } from '@shared/realtime/socket-events';
import {
  type OrderCreatedListener,
  type OrderStatusListener,
  type OrderStatusNow,
  type OrderStatusSource,
  type QuestionAnsweredListener,
  type QuestionAskedListener,
  ShopSocket,
  type StockListener,
  type StockLowListener,
  type StockSource,
} from '../realtime/shop-socket';

type FakedMembers =
  | 'watch'
  | 'unwatch'
  | 'onStockChanged'
  | 'reconnections'
  | 'watchOrder'
  | 'unwatchOrder'
  | 'onOrderStatus'
  | 'onOrderCreated'
  | 'onStockLow'
  | 'onQuestionAnswered'
  | 'onQuestionAsked';

/**
 * Stands in for the socket.io connection in unit tests (the e2e specs use the real one): it records
 * what is watched and lets a test push events and simulate a reconnection.
 */
@Injectable()
export class FakeShopSocket implements Pick<ShopSocket, FakedMembers> {
  readonly watched = new Set<string>();
  /** Watched order id → the guest token it was watched with. */
  readonly watchedOrders = new Map<string, string | undefined>();
  readonly reconnections = signal(0);
  private readonly listeners = new Set<StockListener>();
  private readonly orderStatusListeners = new Set<OrderStatusListener>();
  private readonly orderCreatedListeners = new Set<OrderCreatedListener>();
  private readonly stockLowListeners = new Set<StockLowListener>();
  private readonly questionAnsweredListeners = new Set<QuestionAnsweredListener>();
  private readonly questionAskedListeners = new Set<QuestionAskedListener>();

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

  watchOrder(orderId: string, token?: string): void {
    this.watchedOrders.set(orderId, token);
  }

  unwatchOrder(orderId: string): void {
    this.watchedOrders.delete(orderId);
  }

  onOrderStatus(listener: OrderStatusListener): () => void {
    this.orderStatusListeners.add(listener);
    return () => this.orderStatusListeners.delete(listener);
  }

  onOrderCreated(listener: OrderCreatedListener): () => void {
    this.orderCreatedListeners.add(listener);
    return () => this.orderCreatedListeners.delete(listener);
  }

  onStockLow(listener: StockLowListener): () => void {
    this.stockLowListeners.add(listener);
    return () => this.stockLowListeners.delete(listener);
  }

  onQuestionAnswered(listener: QuestionAnsweredListener): () => void {
    this.questionAnsweredListeners.add(listener);
    return () => this.questionAnsweredListeners.delete(listener);
  }

  onQuestionAsked(listener: QuestionAskedListener): () => void {
    this.questionAskedListeners.add(listener);
    return () => this.questionAskedListeners.delete(listener);
  }

  /** A `stock:changed` event, or with `watch` the level answered when the product was watched. */
  push(change: StockChanged, source: StockSource = 'push'): void {
    for (const listener of this.listeners) listener(change, source);
  }

  /** An `order:status` event, or with `watch` the status answered when the order was watched. */
  pushOrderStatus(change: OrderStatusNow, source: OrderStatusSource = 'push'): void {
    for (const listener of this.orderStatusListeners) listener(change, source);
  }

  /** An `order:created` event, as admins get it. */
  pushOrderCreated(order: OrderCreated): void {
    for (const listener of this.orderCreatedListeners) listener(order);
  }

  /** A `stock:low` event, as admins get it. */
  pushStockLow(low: StockLow): void {
    for (const listener of this.stockLowListeners) listener(low);
  }

  /** A `question:answered` event, as the asker gets it. */
  pushQuestionAnswered(answered: QuestionAnswered): void {
    for (const listener of this.questionAnsweredListeners) listener(answered);
  }

  /** A `question:asked` event, as the product's seller (or the admins) get it. */
  pushQuestionAsked(asked: QuestionAsked): void {
    for (const listener of this.questionAskedListeners) listener(asked);
  }

  /** How many listen for each kind of event, so a spec can check that a page stops listening when it goes. */
  listenerCounts(): { stock: number; orderStatus: number; orderCreated: number; stockLow: number } {
    return { stock: this.listeners.size, orderStatus: this.orderStatusListeners.size, orderCreated: this.orderCreatedListeners.size, stockLow: this.stockLowListeners.size };
  }

  reconnect(): void {
    this.reconnections.update((count) => count + 1);
  }
}

export function provideFakeShopSocket(): Provider[] {
  return [FakeShopSocket, { provide: ShopSocket, useExisting: FakeShopSocket }];
}
