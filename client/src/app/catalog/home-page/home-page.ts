import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LoadError } from '../../core/load-error';
import { CatalogApi } from '../catalog-api';
import { Pager } from '../pager/pager';
import { ProductGrid } from '../product-grid/product-grid';
import { NewArrivals } from './new-arrivals';

export const homePageSize = 24;

@Component({
  selector: 'shop-home-page',
  imports: [RouterLink, ProductGrid, Pager, LoadError, NewArrivals],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly catalog = inject(CatalogApi);

  /** `?page=` from the URL, so a page of the catalogue can be linked and the back button works. */
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly products = resource({
    params: () => ({ page: this.page() }),
    loader: ({ params }) => this.catalog.listProducts({ page: params.page, limit: homePageSize, sort: 'relevance' }),
  });

  protected readonly categories = resource({
    loader: async () => (await this.catalog.listCategories()).filter((category) => category.parentId === null),
  });

  protected readonly pageCount = computed(() => {
    if (!this.products.hasValue()) return 1;
    const list = this.products.value();
    return Math.max(1, Math.ceil(list.total / list.limit));
  });
}
