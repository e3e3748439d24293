import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, numberAttribute, resource, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { AdminProduct, ProductStatus, StockLevels } from '@shared/catalog/product';
import { isProductStatus, productStatusLabels, productStatusOptions } from '../../../admin/products/product-status-labels';
import { StockAdjustmentForm } from '../../../admin/stock/stock-adjustment-form/stock-adjustment-form';
import { StockChangesApi } from '../../../admin/stock/stock-changes-api';
import { stockStateLabels, stockStateOf, withLevels, type StockState } from '../../../admin/stock/stock-state';
import { StockMovementHistory } from '../../../admin/stock/stock-movement-history/stock-movement-history';
import { mediaUrl } from '../../../catalog/catalog-api';
import { followStock, LiveStock } from '../../../catalog/live-stock/live-stock';
import { Pager } from '../../../catalog/pager/pager';
import { MoneyPipe } from '../../../core/money.pipe';
import { refetchOnReconnect } from '../../../core/realtime/shop-socket';
import { queryText } from '../../../core/routing/query-text';
import { describeSellerAreaError } from '../../seller-standing';
import { SellerProductsApi } from '../seller-products-api';

export const sellerProductsPageSize = 25;

/**
 * /seller/products: the seller's own products in any status, searched and filtered by status and
 * low stock (all in the URL), each with its stock to change in place, a reason for the log each
 * time. Availability is live: a shopper's checkout arrives over the socket while the page is open.
 */
@Component({
  selector: 'shop-seller-products-page',
  imports: [DatePipe, MoneyPipe, Pager, ReactiveFormsModule, RouterLink, StockAdjustmentForm, StockMovementHistory],
  // The dashboard's stock form and history, here for the seller's own products.
  providers: [{ provide: StockChangesApi, useExisting: SellerProductsApi }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-products-page.html',
  styleUrl: './seller-products-page.scss',
})
export class SellerProductsPage {
  private readonly api = inject(SellerProductsApi);
  private readonly router = inject(Router);
  private readonly liveStock = inject(LiveStock);

  /** The filters live in the URL (`?q=&status=&lowStock=true&page=`), so they survive a reload and can be shared. */
  readonly q = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly status = input<ProductStatus | undefined, unknown>(undefined, { transform: (value: unknown) => (isProductStatus(value) ? value : undefined) });
  readonly lowStock = input(false, { transform: (value: unknown) => value === true || value === 'true' });
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly filters = inject(NonNullableFormBuilder).group({ q: [''], status: ['' as ProductStatus | ''], lowStock: [false] });
  protected readonly statusLabels = productStatusLabels;
  protected readonly statusOptions = productStatusOptions;
  protected readonly mediaUrl = mediaUrl;

  protected readonly products = resource({
    params: () => ({ q: this.q(), status: this.status(), lowStock: this.lowStock(), page: this.page() }),
    loader: ({ params }) => this.api.list({ ...params, limit: sellerProductsPageSize }),
  });
  protected readonly items = computed(() => (this.products.hasValue() ? this.products.value().items : []));
  protected readonly total = computed(() => (this.products.hasValue() ? this.products.value().total : 0));
  protected readonly pageCount = computed(() => (this.products.hasValue() ? Math.max(1, Math.ceil(this.products.value().total / this.products.value().limit)) : 1));
  protected readonly loadError = computed(() => describeSellerAreaError(this.products.error()));
  protected readonly filtered = computed(() => Boolean(this.q() || this.status() || this.lowStock()));
  /** The product whose stock form is open; one at a time, so the table stays readable. */
  protected readonly expandedId = signal<string | null>(null);

  constructor() {
    // The form shows the filters of the URL, also after back and forward.
    effect(() => this.filters.setValue({ q: this.q() ?? '', status: this.status() ?? '', lowStock: this.lowStock() }, { emitEvent: false }));
    // Picking a status or low stock filters at once; the text search waits for the Search button.
    this.filters.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => void this.search());
    this.filters.controls.lowStock.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => void this.search());
    followStock(() => this.items().map((product) => product.id));
    refetchOnReconnect(() => this.products.reload());
  }

  protected available(product: AdminProduct): number {
    return this.liveStock.availableOf(product);
  }

  protected stockState(product: AdminProduct): StockState {
    return stockStateOf(this.available(product), product.lowStockThreshold);
  }

  protected stockStateLabel(product: AdminProduct): string {
    return stockStateLabels[this.stockState(product)];
  }

  protected async search(): Promise<void> {
    const { q, status, lowStock } = this.filters.getRawValue();
    this.expandedId.set(null);
    await this.router.navigate([], { queryParams: { q: q.trim() || null, status: status || null, lowStock: lowStock ? 'true' : null, page: null }, queryParamsHandling: 'merge' });
  }

  protected toggleStock(product: AdminProduct): void {
    this.expandedId.update((id) => (id === product.id ? null : product.id));
  }

  protected applyLevels(productId: string, levels: StockLevels): void {
    this.products.update((list) => list && { ...list, items: list.items.map((product) => (product.id === productId ? withLevels(product, levels) : product)) });
  }
}
