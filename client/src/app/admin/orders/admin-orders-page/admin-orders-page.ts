import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { orderStatuses, type OrderStatus } from '@shared/orders/order-status';
import { ShopSocket } from '../../../core/realtime/shop-socket';
import { OrderList } from '../../../orders/order-list/order-list';
import { OrderPages } from '../../../orders/order-pages';
import { orderStatusLabels } from '../../../orders/order-status-chip/order-status-chip';
import { AdminOrdersApi } from '../admin-orders-api';

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value);
}

/** /admin/orders: every order, newest first, optionally of one status; new orders appear on top live. */
@Component({
  selector: 'shop-admin-orders-page',
  imports: [OrderList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="admin-page">
      <header class="page-head">
        <h1>Orders</h1>
        <div class="field">
          <label for="orders-status">Status</label>
          <select #statusSelect id="orders-status" (change)="filterBy(statusSelect.value)">
            <option value="" [selected]="!status()">All orders</option>
            @for (option of statuses; track option) {
              <option [value]="option" [selected]="option === status()">{{ labels[option] }}</option>
            }
          </select>
        </div>
      </header>
      <p class="visually-hidden" role="status">{{ liveMessage() }}</p>
      <shop-order-list [pages]="pages" what="the orders" linkBase="/admin/orders" label="Orders, newest first" [showEmail]="true">
        <p>{{ emptyMessage() }}</p>
      </shop-order-list>
    </section>
  `,
  styles: `
    :host { display: block; }
    .admin-page { padding: clamp(1.5rem, 4vw, 2.5rem) clamp(1rem, 4vw, 2.5rem) 3rem; max-width: 72rem; margin: 0 auto; }
    .page-head { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 0.5rem 1rem; margin-bottom: 0.5rem; }
    h1 { margin: 0 0 1rem; font-size: clamp(1.6rem, 4vw, 2rem); color: var(--shop-ink); }
    .field { min-width: 12rem; }
    p { margin: 0; }
  `,
})
export class AdminOrdersPage {
  private readonly api = inject(AdminOrdersApi);
  private readonly router = inject(Router);

  /** `?status=` keeps the filter in the address, so it can be shared and survives a reload. */
  readonly status = input<OrderStatus | undefined, unknown>(undefined, { transform: (value: unknown) => (isOrderStatus(value) ? value : undefined) });

  protected readonly statuses = orderStatuses;
  protected readonly labels = orderStatusLabels;
  protected readonly liveMessage = signal('');
  protected readonly emptyMessage = computed(() => {
    const status = this.status();
    return status ? `No orders are ${orderStatusLabels[status].toLowerCase()} at the moment.` : 'No orders yet.';
  });
  protected readonly pages = new OrderPages({ params: () => this.status(), loader: (status, cursor) => this.api.list({ status, cursor }) });

  constructor() {
    const stopListening = inject(ShopSocket).onOrderCreated((order) => {
      this.liveMessage.set(`New order ${order.number} from ${order.email}.`);
      const status = this.status();
      if (!status || status === order.status) void this.pages.refreshTop();
    });
    inject(DestroyRef).onDestroy(stopListening);
  }

  protected async filterBy(value: string): Promise<void> {
    await this.router.navigate([], { queryParams: { status: isOrderStatus(value) ? value : null }, queryParamsHandling: 'merge' });
  }
}
