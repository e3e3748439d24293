import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LoadError } from '../../core/load-error';
import { refetchOnReconnect } from '../../core/realtime/shop-socket';
import { CatalogApi } from '../catalog-api';
import { ProductGrid } from '../product-grid/product-grid';
import { NewArrivals } from './new-arrivals';

/** Two full rows of the desktop grid; the whole catalogue is one click away in the listing. */
export const popularProductsCount = 10;

@Component({
  selector: 'shop-home-page',
  imports: [RouterLink, ProductGrid, LoadError, NewArrivals],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  protected readonly popularCount = popularProductsCount;
  private readonly catalog = inject(CatalogApi);

  protected readonly popular = resource({
    loader: () => this.catalog.listProducts({ sort: 'bestselling', limit: popularProductsCount }),
  });

  /** "Shop all 1,000 products" once the count is known. */
  protected readonly shopAllLabel = computed(() =>
    this.popular.hasValue() ? `Shop all ${this.popular.value().total.toLocaleString('en-IE')} products` : 'Shop all products',
  );

  protected readonly categories = resource({
    loader: async () => (await this.catalog.listCategories()).filter((category) => category.parentId === null),
  });

  constructor() {
    refetchOnReconnect(() => this.popular.reload());
  }
}
