import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProductSummary } from '@shared/catalog/product';
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

  protected readonly soldOut = computed(() => stockState(this.product().available) === 'out');
  protected readonly onSale = computed(() => isOnSale(this.product().price, this.product().compareAtPrice));
}
