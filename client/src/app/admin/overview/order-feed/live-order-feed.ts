import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { Money } from '@shared/money';
import type { OrderStatus } from '@shared/orders/order-status';
import { Clock } from '../../../core/clock';
import { ShopSocket } from '../../../core/realtime/shop-socket';

/** The feed keeps about this many events, newest first. */
export const feedLength = 20;

interface FeedEventBase {
  /** Unique in the feed, for `track`. */
  key: string;
  orderId: string;
  number: string;
  status: OrderStatus;
  /** ISO instant the event happened. */
  at: string;
}
export interface OrderPlacedEvent extends FeedEventBase {
  kind: 'created';
  total: Money;
  itemCount: number;
  email: string;
}
export interface OrderMovedEvent extends FeedEventBase {
  kind: 'status';
}
export type FeedEvent = OrderPlacedEvent | OrderMovedEvent;

/**
 * New orders and status changes as they reach the admins' room (`order:created`, `order:status`),
 * newest first. Provided by the admin shell, so the feed keeps what it saw while the admin looks
 * at an order and comes back; it starts empty: the socket does not replay what came before.
 */
@Injectable()
export class LiveOrderFeed {
  private readonly clock = inject(Clock);
  private readonly list = signal<readonly FeedEvent[]>([]);
  private count = 0;

  readonly events = this.list.asReadonly();

  constructor() {
    const socket = inject(ShopSocket);
    const stopListening = [
      socket.onOrderCreated(({ orderId, number, status, total, itemCount, email, createdAt }) =>
        this.add({ kind: 'created', orderId, number, status, total, itemCount, email: email ?? '', at: createdAt }),
      ),
      socket.onOrderStatus(({ orderId, status, number, at }, source) => {
        // An answer to a watch repeats a status; only pushes are moves.
        if (source !== 'push') return;
        this.add({ kind: 'status', orderId, number: number ?? '', status, at: at ?? this.clock.now().toISOString() });
      }),
    ];
    inject(DestroyRef).onDestroy(() => {
      for (const stop of stopListening) stop();
    });
  }

  private add(event: Omit<OrderPlacedEvent, 'key'> | Omit<OrderMovedEvent, 'key'>): void {
    const key = `${event.orderId}:${event.kind}:${++this.count}`;
    this.list.update((events) => [{ ...event, key } as FeedEvent, ...events].slice(0, feedLength));
  }
}
