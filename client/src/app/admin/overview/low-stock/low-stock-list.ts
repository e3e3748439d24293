import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LowStockItem } from '../stats-store';

/**
 * Products at or below their low-stock threshold, each linking to its page. There is no admin
 * product page yet, so the link opens the storefront's, which takes an id as well as a slug.
 */
@Component({
  selector: 'shop-low-stock-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="low-stock-heading">
      <h2 id="low-stock-heading">Low stock</h2>
      @if (loading()) {
        <p class="empty" aria-busy="true">Loading…</p>
      } @else if (items().length === 0) {
        <p class="empty">Nothing is running low.</p>
      } @else {
        <ul class="items">
          @for (item of items(); track item.productId) {
            <li [class.out]="item.available === 0">
              <a [routerLink]="['/products', item.productId]">{{ item.title }}</a>
              <span class="left"> {{ item.available === 0 ? 'Sold out' : item.available + ' left' }}<span class="threshold"> · alert at {{ item.threshold }}</span></span>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styleUrl: './low-stock-list.scss',
})
export class LowStockList {
  readonly items = input.required<readonly LowStockItem[]>();
  readonly loading = input(false);
}
