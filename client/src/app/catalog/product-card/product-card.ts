import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProductSummary } from '@shared/catalog/product';
import { LiveStock } from '../live-stock/live-stock';
import { isOnSale, PriceTag } from '../price-tag/price-tag';
import { ProductImage } from '../product-image/product-image';
import { StockBadge, stockState } from '../stock-badge/stock-badge';

/** A card in a grid column: half a phone, a third of a tablet, about 300 px on a wide screen. */
export const gridCardImageSizes = '(max-width: 480px) 50vw, (max-width: 1024px) 33vw, 300px';

@Component({
  selector: 'shop-product-card',
  imports: [RouterLink, ProductImage, PriceTag, StockBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-card.html',
  styleUrl: './product-card.scss',
})
export class ProductCard {
  readonly product = input.required<ProductSummary>();
  /** How wide the card is drawn, for the image's `sizes`. */
  readonly imageSizes = input(gridCardImageSizes);

  private readonly liveStock = inject(LiveStock);

  /** Live: whoever shows the card follows its stock (the grid does). */
  protected readonly available = computed(() => this.liveStock.availableOf(this.product()));
  protected readonly soldOut = computed(() => stockState(this.available()) === 'out');
  protected readonly onSale = computed(() => isOnSale(this.product().price, this.product().compareAtPrice));
}
