import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, numberAttribute, resource } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { CatalogApi } from '../../catalog/catalog-api';
import { Pager } from '../../catalog/pager/pager';
import { ProductGrid } from '../../catalog/product-grid/product-grid';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { refetchOnReconnect } from '../../core/realtime/shop-socket';
import { SellersApi } from '../sellers-api';

export const sellerProductsPageSize = 24;

/** Only an id can name a seller; anything else (a mistyped link) is not found without asking. */
const sellerIdPattern = /^[a-f0-9]{24}$/i;

/**
 * /sellers/:id: a marketplace seller's shop window — the shop's name, what it sells and since when,
 * and its products for sale now, newest first, by page (`?page=`), as cards with live stock.
 */
@Component({
  selector: 'shop-seller-page',
  imports: [DatePipe, LoadError, Pager, ProductGrid, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-page.html',
  styleUrl: './seller-page.scss',
})
export class SellerPage {
  private readonly sellers = inject(SellersApi);
  private readonly catalog = inject(CatalogApi);
  private readonly title = inject(Title);

  /** `:id` from the route. */
  readonly id = input.required<string>();
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  private readonly validId = computed(() => (sellerIdPattern.test(this.id()) ? this.id() : undefined));
  protected readonly seller = resource({ params: () => this.validId(), loader: ({ params }) => this.sellers.profile(params) });
  // Asked at the same time as the profile: a seller who is not found has no products listed either.
  protected readonly products = resource({
    params: () => {
      const seller = this.validId();
      return seller ? { seller, page: this.page() } : undefined;
    },
    loader: ({ params }) => this.catalog.listProducts({ seller: params.seller, page: params.page, limit: sellerProductsPageSize, sort: 'newest' }),
  });

  protected readonly notFound = computed(() => {
    if (!this.validId()) return true;
    const error = this.seller.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  });
  protected readonly sellerError = computed(() => describeApiError(this.seller.error()).message);
  protected readonly productsError = computed(() => describeApiError(this.products.error()).message);
  protected readonly total = computed(() => (this.products.hasValue() ? this.products.value().total : 0));
  protected readonly pageCount = computed(() => (this.products.hasValue() ? Math.max(1, Math.ceil(this.products.value().total / this.products.value().limit)) : 1));

  constructor() {
    refetchOnReconnect(() => this.products.reload());
    effect(() => {
      if (this.seller.hasValue()) this.title.setTitle(`${this.seller.value().shopName} · Sellers · MEAN Shop`);
      else if (this.notFound()) this.title.setTitle('Seller not found · MEAN Shop');
    });
  }
}
