import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LoadError } from '../../core/load-error';
import { refetchOnReconnect } from '../../core/realtime/shop-socket';
import { CatalogApi } from '../catalog-api';
import { ProductGrid } from '../product-grid/product-grid';

export const newArrivalsCount = 8;

/** The home page's "New in" strip: the newest products, and a link to all of them. */
@Component({
  selector: 'shop-new-arrivals',
  imports: [RouterLink, ProductGrid, LoadError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="new-in-heading">
      <div class="head">
        <h2 id="new-in-heading">New in</h2>
        <a routerLink="/products" [queryParams]="{ sort: 'newest' }">See all new products</a>
      </div>
      @if (products.error()) {
        <shop-load-error message="We couldn't load the newest products just now." (retry)="products.reload()" />
      } @else {
        <shop-product-grid layout="strip" [products]="products.hasValue() ? products.value().items : undefined" [skeletonCount]="4" />
      }
    </section>
  `,
  styles: `
    :host { display: block; }
    .head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; margin-bottom: 0.75rem; }
    h2 { font-size: 1.35rem; margin: 0; color: var(--shop-ink); }
    a { color: var(--shop-ink); font-weight: 600; }
  `,
})
export class NewArrivals {
  private readonly catalog = inject(CatalogApi);

  protected readonly products = resource({
    loader: () => this.catalog.listProducts({ sort: 'newest', limit: newArrivalsCount }),
  });

  constructor() {
    refetchOnReconnect(() => this.products.reload());
  }
}
