import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** Few enough left that shoppers should know. */
export const lowStockThreshold = 5;

export type StockState = 'in_stock' | 'low' | 'out';

export function stockState(available: number): StockState {
  if (available <= 0) return 'out';
  return available <= lowStockThreshold ? 'low' : 'in_stock';
}

/** "In stock", "Only 3 left" or "Out of stock", in the colour of its state. */
@Component({
  selector: 'shop-stock-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'stock', '[attr.data-stock]': 'state()' },
  template: `{{ label() }}`,
  styles: `
    :host { font-size: 0.82rem; font-weight: 600; }
    :host([data-stock='in_stock']) { color: var(--shop-success); }
    :host([data-stock='low']) { color: var(--shop-warning); }
    :host([data-stock='out']) { color: var(--shop-muted); }
  `,
})
export class StockBadge {
  /** Units that can be bought now. */
  readonly available = input.required<number>();

  protected readonly state = computed(() => stockState(this.available()));

  protected readonly label = computed(() => {
    switch (this.state()) {
      case 'out':
        return 'Out of stock';
      case 'low':
        return `Only ${this.available()} left`;
      default:
        return 'In stock';
    }
  });
}
