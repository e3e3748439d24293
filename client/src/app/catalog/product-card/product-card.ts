import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProductSummary } from '@shared/catalog/product';
import { addToCart, type CartAddition } from '../../cart/add-to-cart';
import { CartStore } from '../../cart/cart-store';
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
  private readonly cart = inject(CartStore);

  /** Live: whoever shows the card follows its stock (the grid does). */
  protected readonly available = computed(() => this.liveStock.availableOf(this.product()));
  protected readonly soldOut = computed(() => stockState(this.available()) === 'out');
  protected readonly onSale = computed(() => isOnSale(this.product().price, this.product().compareAtPrice));
  protected readonly adding = signal(false);
  protected readonly cartStatus = signal<CartAddition | null>(null);

  /** One at a time from a card; the product page is where a quantity is chosen. */
  protected async addToCart(): Promise<void> {
    if (this.adding() || this.soldOut()) return;
    this.adding.set(true);
    this.cartStatus.set(null);
    try {
      this.cartStatus.set(await addToCart(this.cart, { productId: this.product().id, quantity: 1 }, 'Added to your cart.'));
    } finally {
      this.adding.set(false);
    }
  }
}
