import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Money } from '@shared/money';
import { MoneyPipe } from '../../core/money.pipe';

/** A compare-at price only means a sale when it is higher than the price. */
export function isOnSale(price: Money, compareAtPrice: Money | undefined): compareAtPrice is Money {
  return compareAtPrice !== undefined && compareAtPrice.currency === price.currency && compareAtPrice.amount > price.amount;
}

/** The price, and the struck-through compare-at price when the product is on sale. */
@Component({
  selector: 'shop-price-tag',
  imports: [MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'price' },
  template: `
    <span class="now" [class.discounted]="onSale()">{{ price() | money }}</span>
    @if (onSale()) {
      <s class="was"><span class="visually-hidden">was </span>{{ compareAtPrice() | money }}</s>
    }
  `,
  styles: `
    :host { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5rem; }
    .now { font-weight: 700; font-size: 1.05em; }
    .now.discounted { color: var(--shop-accent-strong); }
    .was { color: var(--shop-muted); font-size: 0.85em; }
  `,
})
export class PriceTag {
  readonly price = input.required<Money>();
  readonly compareAtPrice = input<Money>();

  protected readonly onSale = computed(() => isOnSale(this.price(), this.compareAtPrice()));
}
