import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, numberAttribute, resource, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { AdminProduct, AdminProductBulk, ProductBulkAction, ProductStatus } from '@shared/catalog/product';
import { mediaUrl } from '../../../catalog/catalog-api';
import { ConfirmDialog } from '../../../core/confirm-dialog/confirm-dialog';
import { describeApiError } from '../../../core/http/api-error';
import { MoneyPipe } from '../../../core/money.pipe';
import { AdminProductsApi } from '../admin-products-api';
import { categoryOptions } from '../category-options';
import { isProductStatus, productStatusLabels, productStatusOptions } from '../product-status-labels';
import { Pager } from '../../../catalog/pager/pager';

export const adminProductsPageSize = 25;

/** A bulk action waiting for its confirmation, in the dialog's words. */
export interface PendingBulkAction {
  request: AdminProductBulk;
  heading: string;
  explanation: string;
  confirmLabel: string;
  /** What the status line says once done, given how many were changed. */
  done: (updated: number) => string;
}

function productsWord(count: number): string {
  return count === 1 ? '1 product' : `${count} products`;
}

/**
 * /admin/products: every product in any status, searched and filtered by status and category (all
 * in the URL), with a bulk bar for the selected rows: archive, activate or move to a category.
 */
@Component({
  selector: 'shop-admin-products-page',
  imports: [ConfirmDialog, DatePipe, MoneyPipe, Pager, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-products-page.html',
  styleUrl: './admin-products-page.scss',
})
export class AdminProductsPage {
  private readonly api = inject(AdminProductsApi);
  private readonly router = inject(Router);

  /** The filters live in the URL (`?q=&status=&category=&page=`), so they survive a reload and can be shared. */
  readonly q = input<string>();
  readonly status = input<ProductStatus | undefined, unknown>(undefined, { transform: (value: unknown) => (isProductStatus(value) ? value : undefined) });
  readonly category = input<string>();
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly filters = inject(NonNullableFormBuilder).group({ q: [''], status: ['' as ProductStatus | ''], category: [''] });
  protected readonly moveTarget = inject(NonNullableFormBuilder).control('');
  protected readonly statusLabels = productStatusLabels;
  protected readonly statusOptions = productStatusOptions;
  protected readonly mediaUrl = mediaUrl;

  private readonly query = computed(() => ({ q: this.q()?.trim() || undefined, status: this.status(), category: this.category() || undefined, page: this.page() }));
  protected readonly products = resource({
    params: () => this.query(),
    loader: ({ params }) => this.api.list({ ...params, limit: adminProductsPageSize }),
  });
  protected readonly categories = resource({ loader: () => this.api.categories() });
  protected readonly categoryOptions = computed(() => (this.categories.hasValue() ? categoryOptions(this.categories.value()) : []));

  protected readonly items = computed(() => (this.products.hasValue() ? this.products.value().items : []));
  protected readonly pageCount = computed(() => (this.products.hasValue() ? Math.max(1, Math.ceil(this.products.value().total / this.products.value().limit)) : 1));
  protected readonly loadError = computed(() => describeApiError(this.products.error()).message);
  protected readonly filtered = computed(() => Boolean(this.q() || this.status() || this.category()));

  /** Ids of the selected rows; only rows of the page shown count. */
  private readonly selectedIds = signal<ReadonlySet<string>>(new Set());
  protected readonly selected = computed(() => this.items().filter((product) => this.selectedIds().has(product.id)));
  protected readonly allSelected = computed(() => this.items().length > 0 && this.selected().length === this.items().length);
  protected readonly someSelected = computed(() => this.selected().length > 0 && !this.allSelected());

  protected readonly pending = signal<PendingBulkAction | null>(null);
  protected readonly busy = signal(false);
  protected readonly statusMessage = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  private readonly confirmDialog = viewChild.required(ConfirmDialog);

  constructor() {
    // The form shows the filters of the URL, also after back and forward.
    effect(() => this.filters.setValue({ q: this.q() ?? '', status: this.status() ?? '', category: this.category() ?? '' }, { emitEvent: false }));
    // Another page or filter is another set of rows: what was selected is forgotten.
    effect(() => {
      this.query();
      this.selectedIds.set(new Set());
    });
    // Picking a status or category filters at once; the text search waits for the Search button.
    this.filters.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => void this.search());
    this.filters.controls.category.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => void this.search());
  }

  protected async search(): Promise<void> {
    const { q, status, category } = this.filters.getRawValue();
    await this.router.navigate([], { queryParams: { q: q.trim() || null, status: status || null, category: category || null, page: null }, queryParamsHandling: 'merge' });
  }

  protected isSelected(product: AdminProduct): boolean {
    return this.selectedIds().has(product.id);
  }

  protected toggleSelected(product: AdminProduct, checked: boolean): void {
    this.selectedIds.update((ids) => {
      const next = new Set(ids);
      if (checked) next.add(product.id);
      else next.delete(product.id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selectedIds.set(new Set(checked ? this.items().map((product) => product.id) : []));
  }

  protected clearSelection(): void {
    this.selectedIds.set(new Set());
  }

  protected askToArchive(): void {
    this.ask('archive', {
      heading: `Archive ${productsWord(this.selected().length)}?`,
      explanation: 'Shoppers no longer see them or can buy them. Orders already placed are kept, and you can activate them again at any time.',
      confirmLabel: 'Archive',
      done: (updated) => `${productsWord(updated)} archived.`,
    });
  }

  protected askToActivate(): void {
    this.ask('activate', {
      heading: `Activate ${productsWord(this.selected().length)}?`,
      explanation: 'Shoppers can find and buy them at once, drafts included.',
      confirmLabel: 'Activate',
      done: (updated) => `${productsWord(updated)} activated.`,
    });
  }

  protected askToMove(): void {
    const target = this.categoryOptions().find((option) => option.id === this.moveTarget.value);
    if (!target) {
      this.statusMessage.set(null);
      this.actionError.set('Choose the category to move the products to.');
      return;
    }
    this.ask('set_category', {
      categoryId: target.id,
      heading: `Move ${productsWord(this.selected().length)} to ${target.name}?`,
      explanation: `They will be listed under ${target.path} in the shop at once.`,
      confirmLabel: 'Move',
      done: (updated) => `${productsWord(updated)} moved to ${target.name}.`,
    });
  }

  protected cancelBulk(): void {
    this.pending.set(null);
  }

  protected async confirmBulk(): Promise<void> {
    const action = this.pending();
    if (!action || this.busy()) return;
    this.busy.set(true);
    try {
      const result = await this.api.bulk(action.request);
      const missing = result.notFound.length > 0 ? ` ${productsWord(result.notFound.length)} no longer existed.` : '';
      this.statusMessage.set(`${action.done(result.updated)}${missing}`);
      this.clearSelection();
      this.moveTarget.setValue('');
      this.products.reload();
    } catch (error) {
      this.actionError.set(`Nothing was changed: ${describeApiError(error).message}`);
    } finally {
      this.busy.set(false);
      this.pending.set(null);
      this.confirmDialog().close();
    }
  }

  private ask(action: ProductBulkAction, words: Omit<PendingBulkAction, 'request'> & { categoryId?: string }): void {
    const productIds = this.selected().map((product) => product.id);
    if (productIds.length === 0 || this.busy()) return;
    const { categoryId, ...rest } = words;
    this.statusMessage.set(null);
    this.actionError.set(null);
    this.pending.set({ ...rest, request: { productIds, action, ...(categoryId ? { categoryId } : {}) } });
    this.confirmDialog().open();
  }
}
