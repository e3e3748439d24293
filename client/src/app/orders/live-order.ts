import { DestroyRef, effect, inject, resource, type ResourceRef, untracked } from '@angular/core';
import type { Order } from '@shared/orders/order';
import { reloadAfterPush } from '../core/realtime/reload-after-push';
import { refetchOnReconnect, ShopSocket } from '../core/realtime/shop-socket';

export interface WatchedOrder {
  orderId: string;
  /** A guest's link token. */
  token?: string;
}

/**
 * The order a page shows, kept live: it is watched over the socket while the page lives, and
 * fetched again over REST whenever the socket learns of a status other than the one on screen, and
 * after every reconnection, so the status history stays exact. Call in an injection context.
 */
export function liveOrder(watched: () => WatchedOrder, load: (order: WatchedOrder) => Promise<Order>): ResourceRef<Order | undefined> {
  const order = resource({ params: watched, loader: ({ params }) => load(params) });
  const reload = reloadAfterPush(order);
  const socket = inject(ShopSocket);
  effect((onCleanup) => {
    const { orderId, token } = watched();
    untracked(() => socket.watchOrder(orderId, token));
    onCleanup(() => socket.unwatchOrder(orderId));
  });
  const stopListening = socket.onOrderStatus(({ orderId, status }) => {
    const shown = order.hasValue() ? order.value().status : undefined;
    if (untracked(watched).orderId === orderId && shown !== status) reload();
  });
  inject(DestroyRef).onDestroy(stopListening);
  refetchOnReconnect(reload);
  return order;
}
