import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ProductSummary } from '@shared/catalog/product';
import { followStock } from '../live-stock/live-stock';
import { gridCardImageSizes, ProductCard } from '../product-card/product-card';

/** Card widths, for the images' `sizes`: the grid's columns, or the strip's fixed cards. */
const imageSizesByLayout = {
  grid: gridCardImageSizes,
  strip: '(max-width: 480px) 45vw, 14rem',
} as const;

/**
 * Product cards in a responsive grid, or in a strip that scrolls sideways on narrow screens. Until
 * the products arrive it shows skeleton cards of the same shape, so the page does not jump. Their
 * stock is followed live while they are shown.
 */
@Component({
  selector: 'shop-product-grid',
  imports: [ProductCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-grid.html',
  styleUrl: './product-grid.scss',
})
export class ProductGrid {
  /** `undefined` while loading. */
  readonly products = input.required<readonly ProductSummary[] | undefined>();
  readonly layout = input<'grid' | 'strip'>('grid');
  readonly skeletonCount = input(8);

  protected readonly skeletons = computed(() => Array.from({ length: this.skeletonCount() }, (_, index) => index));
  protected readonly imageSizes = computed(() => imageSizesByLayout[this.layout()]);

  constructor() {
    followStock(() => this.products()?.map((product) => product.id) ?? []);
  }
}
