import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ProductSummary } from '@shared/catalog/product';
import { MoneyPipe } from '../../core/money.pipe';
import { mediaUrl } from '../catalog-api';

/** Few enough left that shoppers should know. */
export const lowStockThreshold = 5;

export type StockState = 'in_stock' | 'low' | 'out';

export function stockState(available: number): StockState {
  if (available <= 0) return 'out';
  return available <= lowStockThreshold ? 'low' : 'in_stock';
}

@Component({
  selector: 'shop-product-card',
  imports: [MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-card.html',
  styleUrl: './product-card.scss',
})
export class ProductCard {
  readonly product = input.required<ProductSummary>();

  protected readonly imageUrl = computed(() => {
    const [firstImage] = this.product().images;
    return firstImage ? mediaUrl(firstImage) : undefined;
  });

  protected readonly stock = computed(() => stockState(this.product().available));

  protected readonly stockLabel = computed(() => {
    switch (this.stock()) {
      case 'out':
        return 'Out of stock';
      case 'low':
        return `Only ${this.product().available} left`;
      default:
        return 'In stock';
    }
  });

  protected readonly onSale = computed(() => {
    const { price, compareAtPrice } = this.product();
    return compareAtPrice !== undefined && compareAtPrice.amount > price.amount;
  });
}
