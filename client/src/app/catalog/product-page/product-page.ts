import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, linkedSignal, resource, signal } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { addToCart, type CartAddition } from '../../cart/add-to-cart';
import { CartStore, maxQuantityPerLine } from '../../cart/cart-store';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { refetchOnReconnect } from '../../core/realtime/shop-socket';
import { CatalogApi } from '../catalog-api';
import { PriceTag } from '../price-tag/price-tag';
import { followStock, LiveStock } from '../live-stock/live-stock';
import { ProductGrid } from '../product-grid/product-grid';
import { StockBadge } from '../stock-badge/stock-badge';
import { ProductGallery } from './product-gallery/product-gallery';
import { QuantityPicker } from '../quantity-picker/quantity-picker';
import { ProductQuestions } from '../../questions/product-questions/product-questions';

/** Search engines show about this many characters of a description. */
const metaDescriptionLength = 160;

/** The text cut at a word boundary to fit `length`, with an ellipsis when anything was cut. */
export function summarise(text: string, length = metaDescriptionLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

@Component({
  selector: 'shop-product-page',
  imports: [RouterLink, ProductGallery, PriceTag, StockBadge, QuantityPicker, ProductGrid, LoadError, ProductQuestions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-page.html',
  styleUrl: './product-page.scss',
})
export class ProductPage {
  private readonly catalog = inject(CatalogApi);
  private readonly cart = inject(CartStore);
  private readonly title = inject(Title);
  private readonly meta = inject(Meta);
  private readonly liveStock = inject(LiveStock);

  /** `:slug` from the route. */
  readonly slug = input.required<string>();

  protected readonly product = resource({ params: () => this.slug(), loader: ({ params }) => this.catalog.getProduct(params) });
  protected readonly related = resource({ params: () => this.slug(), loader: ({ params }) => this.catalog.relatedProducts(params) });

  /** A malformed slug (400) names no product either. */
  protected readonly notFound = computed(() => {
    const error = this.product.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  });
  protected readonly loadError = computed(() => (this.product.error() ? describeApiError(this.product.error()).message : null));

  /** What can be bought now, kept live by the server's stock pushes. */
  protected readonly available = computed(() => (this.product.hasValue() ? this.liveStock.availableOf(this.product.value()) : 0));
  protected readonly maxQuantity = computed(() => Math.min(this.available(), maxQuantityPerLine));
  /** Back to 1 for every product. */
  protected readonly quantity = linkedSignal({ source: this.slug, computation: () => 1 });
  protected readonly canAddToCart = computed(() => this.maxQuantity() > 0);
  protected readonly addingToCart = signal(false);
  /** Cleared when a related product opens in this same page. */
  protected readonly cartStatus = linkedSignal<string, CartAddition | null>({ source: this.slug, computation: () => null });

  /** Why the button is disabled, said next to it. */
  protected readonly cartNote = computed(() => (this.product.hasValue() && this.maxQuantity() === 0 ? 'Out of stock for now. Please check back soon.' : null));

  constructor() {
    followStock(() => (this.product.hasValue() ? [this.product.value().id] : []));
    refetchOnReconnect(() => {
      this.product.reload();
      this.related.reload();
    });
    const shopDescription = this.meta.getTag('name="description"')?.content ?? '';
    effect(() => {
      if (this.product.hasValue()) {
        const { title, description } = this.product.value();
        this.title.setTitle(`${title} · MEAN Shop`);
        this.meta.updateTag({ name: 'description', content: summarise(description || title) });
      } else if (this.notFound()) {
        this.title.setTitle('Product not found · MEAN Shop');
      }
    });
    // Other pages do not set a description: they get the shop's back, not this product's.
    inject(DestroyRef).onDestroy(() => this.meta.updateTag({ name: 'description', content: shopDescription }));
  }

  protected async addToCart(): Promise<void> {
    if (!this.product.hasValue() || !this.canAddToCart() || this.addingToCart()) return;
    const { id, title } = this.product.value();
    const quantity = Math.min(this.quantity(), this.maxQuantity());
    this.addingToCart.set(true);
    this.cartStatus.set(null);
    try {
      this.cartStatus.set(await addToCart(this.cart, { productId: id, quantity }, `Added ${quantity} × ${title} to your cart.`));
    } finally {
      this.addingToCart.set(false);
    }
  }
}
