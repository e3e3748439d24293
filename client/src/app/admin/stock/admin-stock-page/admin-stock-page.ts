import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, numberAttribute, resource, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { AdminProduct, ProductStock, StockLevels } from '@shared/catalog/product';
import { LiveStock, followStock } from '../../../catalog/live-stock/live-stock';
import { describeApiError } from '../../../core/http/api-error';
import { reloadAfterPush } from '../../../core/realtime/reload-after-push';
import { refetchOnReconnect } from '../../../core/realtime/shop-socket';
import { AdminStockApi } from '../admin-stock-api';
import { StockChangesApi } from '../stock-changes-api';
import { stockStateLabels, stockStateOf, withLevels, type StockState } from '../stock-state';
import { StockAdjustmentForm } from '../stock-adjustment-form/stock-adjustment-form';
import { StockMovementHistory } from '../stock-movement-history/stock-movement-history';
import { StockThresholdForm } from '../stock-threshold-form/stock-threshold-form';
import { Pager } from '../../../catalog/pager/pager';

export const stockPageSize = 25;
/** A push says only the new availability; the row's stock and reservations are read again this soon after. */
export const rereadDelayMs = 300;

/**
 * Stock on hand, reserved and available for every product, with adjustments, thresholds and the
 * movement log inline. Availability is live: a checkout or another admin's change arrives over the
 * socket, and the row's other numbers are read again.
 */
@Component({
  selector: 'shop-admin-stock-page',
  imports: [Pager, ReactiveFormsModule, RouterLink, StockAdjustmentForm, StockMovementHistory, StockThresholdForm],
  // The adjustment form and the history are shared with the seller area; here they change any product.
  providers: [{ provide: StockChangesApi, useExisting: AdminStockApi }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-stock-page.html',
  styleUrl: './admin-stock-page.scss',
})
export class AdminStockPage {
  private readonly api = inject(AdminStockApi);
  private readonly router = inject(Router);
  private readonly liveStock = inject(LiveStock);

  /** The filters live in the URL (`?q=&category=&lowStock=true&page=`), so they survive a reload. */
  readonly q = input<string>();
  readonly category = input<string>();
  readonly lowStock = input(false, { transform: (value: unknown) => value === true || value === 'true' });
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly filters = inject(NonNullableFormBuilder).group({ q: [''], category: [''], lowStock: [false] });

  protected readonly products = resource({
    params: () => ({ q: this.q()?.trim() || undefined, category: this.category() || undefined, lowStock: this.lowStock(), page: this.page() }),
    loader: ({ params }) => this.api.list({ ...params, limit: stockPageSize }),
  });
  protected readonly categories = resource({ loader: () => this.api.categories() });

  protected readonly pageCount = computed(() => (this.products.hasValue() ? Math.max(1, Math.ceil(this.products.value().total / this.products.value().limit)) : 1));
  protected readonly loadError = computed(() => describeApiError(this.products.error()).message);
  protected readonly expandedId = signal<string | null>(null);

  /** Rows whose pushed availability is not what was loaded, as `id:available`. */
  private readonly drift = computed(() =>
    (this.products.hasValue() ? this.products.value().items : [])
      .filter((product) => this.liveStock.availableOf(product) !== product.available)
      .map((product) => `${product.id}:${this.liveStock.availableOf(product)}`)
      .join(','),
  );

  constructor() {
    effect(() => this.filters.setValue({ q: this.q() ?? '', category: this.category() ?? '', lowStock: this.lowStock() }, { emitEvent: false }));
    followStock(() => (this.products.hasValue() ? this.products.value().items.map((product) => product.id) : []));
    const reload = reloadAfterPush(this.products);
    refetchOnReconnect(reload);

    // Each new difference is read once; a push older than the reread then no longer asks for another.
    let reread: ReturnType<typeof setTimeout> | undefined;
    let lastDrift = '';
    effect(() => {
      const drift = this.drift();
      if (drift === '' || drift === lastDrift) return;
      lastDrift = drift;
      clearTimeout(reread);
      reread = setTimeout(() => untracked(reload), rereadDelayMs);
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(reread));
  }

  protected available(product: AdminProduct): number {
    return this.liveStock.availableOf(product);
  }

  protected state(product: AdminProduct): StockState {
    return stockStateOf(this.available(product), product.lowStockThreshold);
  }

  protected stateLabel(product: AdminProduct): string {
    return stockStateLabels[this.state(product)];
  }

  protected async search(): Promise<void> {
    const { q, category, lowStock } = this.filters.getRawValue();
    this.expandedId.set(null);
    await this.router.navigate([], { queryParams: { q: q.trim() || null, category: category || null, lowStock: lowStock ? 'true' : null, page: null }, queryParamsHandling: 'merge' });
  }

  protected toggle(product: AdminProduct): void {
    this.expandedId.update((id) => (id === product.id ? null : product.id));
  }

  /** The server's answer replaces the row's numbers. */
  protected applyLevels(productId: string, levels: StockLevels): void {
    this.updateRow(productId, (product) => withLevels(product, levels));
  }

  protected applyStock(stock: ProductStock): void {
    this.updateRow(stock.productId, (product) => ({ ...product, stock: stock.stock, reserved: stock.reserved, available: stock.available, lowStockThreshold: stock.lowStockThreshold }));
  }

  private updateRow(productId: string, change: (product: AdminProduct) => AdminProduct): void {
    this.products.update((list) => list && { ...list, items: list.items.map((product) => (product.id === productId ? change(product) : product)) });
  }
}
