import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { formatMoney } from '@shared/money';
import { lineShippableStatuses, orderStatuses, type OrderStatus } from '@shared/orders/order-status';
import type { SellerOrderSummary } from '@shared/sellers/seller-orders';
import { MoneyPipe } from '../../../core/money.pipe';
import { ShopSocket } from '../../../core/realtime/shop-socket';
import { OrderPages } from '../../../orders/order-pages';
import { OrderStatusChip, orderStatusLabels } from '../../../orders/order-status-chip/order-status-chip';
import { type SellerOrdersShown, SellerOrdersApi } from '../seller-orders-api';

/** `?show=` of the list: nothing for what waits on the seller (the default), `all`, or one status. */
export type SellerOrdersFilter = 'to-ship' | 'all' | OrderStatus;

export function sellerOrdersFilter(value: unknown): SellerOrdersFilter {
  if (value === 'all') return value;
  // Not the admin list's isOrderStatus: importing it would bring the admin page into the seller area's bundle.
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value) ? (value as OrderStatus) : 'to-ship';
}

function shownBy(filter: SellerOrdersFilter): SellerOrdersShown {
  if (filter === 'to-ship') return { toShip: true };
  return filter === 'all' ? { all: true } : { status: filter };
}

/** Whether an order in `status` may belong in the list; the server decides the rest when the top is read again. */
function mayBelong(filter: SellerOrdersFilter, status: OrderStatus): boolean {
  if (filter === 'all') return true;
  return filter === 'to-ship' ? lineShippableStatuses.includes(status) : filter === status;
}

/**
 * /seller/orders: the orders with lines of the seller's, newest first, a page at a time. What still
 * waits to be shipped by default; every order or one status with `?show=`. New orders and moves
 * arrive over the socket and are read again from the server, so the counts are the server's.
 */
@Component({
  selector: 'shop-seller-orders-page',
  imports: [DatePipe, MoneyPipe, OrderStatusChip, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-orders-page.html',
  styleUrl: './seller-orders-page.scss',
})
export class SellerOrdersPage {
  private readonly api = inject(SellerOrdersApi);
  private readonly router = inject(Router);

  /** In the address, so the choice survives a reload and the back button. */
  readonly show = input<SellerOrdersFilter, unknown>('to-ship', { transform: sellerOrdersFilter });

  protected readonly statuses = orderStatuses;
  protected readonly labels = orderStatusLabels;
  protected readonly liveMessage = signal('');

  protected readonly pages = new OrderPages<SellerOrdersFilter, SellerOrderSummary>({
    params: () => this.show(),
    loader: (filter, cursor) => this.api.list(shownBy(filter), cursor),
    belongs: mayBelong,
  });

  protected readonly emptyMessage = computed(() => {
    const filter = this.show();
    if (filter === 'to-ship') return 'Nothing to ship: every paid order of yours is on its way.';
    if (filter === 'all') return 'No orders with your products yet.';
    return `No orders of yours are ${orderStatusLabels[filter].toLowerCase()}.`;
  });

  constructor() {
    const socket = inject(ShopSocket);
    const stopCreated = socket.onOrderCreated((order) => {
      const items = `${order.itemCount} ${order.itemCount === 1 ? 'item' : 'items'}`;
      this.liveMessage.set(`New order ${order.number}: ${items} of yours, ${formatMoney(order.total)}.`);
      if (mayBelong(this.show(), order.status)) void this.pages.refreshTop();
    });
    // The pages patch the status in place; reading the top again also brings an order that has just
    // become one to ship, and the shipped counts after another seller (or the shop) shipped lines.
    const stopStatus = socket.onOrderStatus((_change, source) => {
      if (source === 'push') void this.pages.refreshTop();
    });
    inject(DestroyRef).onDestroy(() => {
      stopCreated();
      stopStatus();
    });
  }

  protected async showOrders(value: string): Promise<void> {
    const filter = sellerOrdersFilter(value);
    await this.router.navigate([], { queryParams: { show: filter === 'to-ship' ? null : filter }, queryParamsHandling: 'merge' });
  }
}
