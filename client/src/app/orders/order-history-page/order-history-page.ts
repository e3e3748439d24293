import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AccountNav } from '../../accounts/account-nav';
import { OrderList } from '../order-list/order-list';
import { OrderPages } from '../order-pages';
import { OrdersApi } from '../orders-api';

/** /account/orders: the signed-in shopper's orders, newest first, with live statuses. */
@Component({
  selector: 'shop-order-history-page',
  imports: [RouterLink, AccountNav, OrderList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="form-page">
      <header class="page-head">
        <h1>Your orders</h1>
        <shop-account-nav />
      </header>
      <shop-order-list class="list" [pages]="pages" what="your orders" linkBase="/orders" label="Your orders, newest first">
        <p>You haven't ordered anything yet. <a routerLink="/products">Find something you like</a>.</p>
      </shop-order-list>
    </div>
  `,
  styles: `
    .page-head, .list { width: 100%; max-width: 60rem; }
    .list { display: block; }
    .page-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem 1rem; }
    h1 { margin: 0; font-size: clamp(1.6rem, 4vw, 2rem); color: var(--shop-ink); }
    p { margin: 0; }
  `,
})
export class OrderHistoryPage {
  private readonly api = inject(OrdersApi);

  protected readonly pages = new OrderPages({ params: () => null, loader: (_params, cursor) => this.api.list(cursor) });
}
