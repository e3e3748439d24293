import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, input, resource, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import type { FieldIssue } from '@shared/errors';
import type { AdminOrderFilters } from '@shared/orders/order';
import { orderStatuses, type OrderStatus } from '@shared/orders/order-status';
import { attachmentFileName, FileDownloads } from '../../../core/downloads/file-downloads';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { focusFirstInvalidField } from '../../../core/forms/form-api-errors';
import { describeApiError } from '../../../core/http/api-error';
import { ShopSocket } from '../../../core/realtime/shop-socket';
import { queryText } from '../../../core/routing/query-text';
import { OrderList } from '../../../orders/order-list/order-list';
import { OrderPages } from '../../../orders/order-pages';
import { orderStatusLabels } from '../../../orders/order-status-chip/order-status-chip';
import { AdminOrdersApi } from '../admin-orders-api';

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value);
}


/** The filters of the form, in the order of the address: `?status=&from=&to=&email=&seller=&q=`. */
const filterNames = ['status', 'from', 'to', 'email', 'seller', 'q'] as const;
type FilterName = (typeof filterNames)[number];

/** The form's words for the fields of a refused query, so the server's 400 reads like the form. */
const filterLabels: Readonly<Record<string, string>> = {
  'query.status': 'Status',
  'query.from': 'From',
  'query.to': 'To',
  'query.tz': 'The time zone',
  'query.email': 'Customer email',
  'query.seller': 'Seller',
  'query.q': 'Search',
  'query.cursor': 'The page',
};

/** `{ path: 'query.to', message: 'must not be before from' }` → `To must not be before from`. */
function issueInWords({ path, message }: FieldIssue): string {
  const label = filterLabels[path];
  if (!label) return message;
  return /^[A-Z]/.test(message) ? `${label}: ${message}` : `${label} ${message}`;
}

/**
 * A 400 for the filters names each bad one in words ("From: Invalid ISO date") instead of the
 * API's "Invalid query", which would tell the admin nothing.
 */
export function withFilterIssuesInWords(error: unknown): unknown {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return error;
  const problem = describeApiError(error);
  if (problem.code !== 'validation_failed' || problem.details.length === 0) return error;
  const message = `These filters cannot be used: ${problem.details.map(issueInWords).join('; ')}.`;
  return new HttpErrorResponse({
    error: { error: { code: problem.code, message, details: problem.details } },
    headers: error.headers,
    status: error.status,
    statusText: error.statusText,
    url: error.url ?? undefined,
  });
}

/** To may not be before From; ISO dates compare as text. Read from the parent, so it is checked again when From changes. */
function notBeforeFrom(control: AbstractControl<string>): ValidationErrors | null {
  const from = (control.parent?.get('from')?.value as string | undefined) ?? '';
  return from && control.value && control.value < from ? { schema: 'must not be before From' } : null;
}

/** The browser's zone: the days of From and To are the admin's own calendar days. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function sameFilters(a: AdminOrderFilters, b: AdminOrderFilters): boolean {
  return a.tz === b.tz && filterNames.every((name) => a[name] === b[name]);
}

/**
 * /admin/orders: every order, newest first, filtered by status, local days, customer, seller or a
 * search, all kept in the address; new orders appear on top live, and the filtered list exports as CSV.
 */
@Component({
  selector: 'shop-admin-orders-page',
  imports: [FieldError, OrderList, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-orders-page.html',
  styleUrl: './admin-orders-page.scss',
})
export class AdminOrdersPage {
  private readonly api = inject(AdminOrdersApi);
  private readonly router = inject(Router);
  private readonly downloads = inject(FileDownloads);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The filters live in the address, so they can be shared and survive a reload. */
  readonly status = input<OrderStatus | undefined, unknown>(undefined, { transform: (value: unknown) => (isOrderStatus(value) ? value : undefined) });
  readonly from = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly to = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly email = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly seller = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly q = input<string | undefined, unknown>(undefined, { transform: queryText });

  protected readonly statuses = orderStatuses;
  protected readonly labels = orderStatusLabels;
  protected readonly timeZone = browserTimeZone();
  protected readonly showsError = showsError;

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as OrderStatus | ''],
    from: [''],
    to: ['', notBeforeFrom],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    seller: [''],
    q: ['', Validators.maxLength(200)],
  });

  /** What the list and the export are of: exactly the filters in the address. */
  protected readonly filters = computed<AdminOrderFilters>(
    () => ({ status: this.status(), from: this.from(), to: this.to(), email: this.email(), seller: this.seller(), q: this.q(), tz: this.timeZone }),
    { equal: sameFilters },
  );
  protected readonly filtered = computed(() => filterNames.some((name) => this.filters()[name] !== undefined));
  protected readonly emptyMessage = computed(() => (this.filtered() ? 'No orders match these filters.' : 'No orders yet.'));
  protected readonly liveMessage = signal('');

  protected readonly pages = new OrderPages({
    params: () => this.filters(),
    loader: (filters, cursor) => this.api.list({ ...filters, cursor }).catch((error: unknown) => Promise.reject(withFilterIssuesInWords(error))),
  });

  protected readonly sellers = resource({ loader: () => this.api.sellers() });
  /** Every seller by name, and the one in the address even when it is no seller (any more). */
  protected readonly sellerOptions = computed(() => {
    const options = (this.sellers.hasValue() ? this.sellers.value() : []).map((seller) => ({ id: seller.id, label: `${seller.name} (${seller.email})` }));
    const chosen = this.seller();
    return chosen && !options.some((option) => option.id === chosen) ? [...options, { id: chosen, label: `Seller ${chosen}` }] : options;
  });
  protected readonly sellersError = computed(() => (this.sellers.error() ? describeApiError(this.sellers.error()).message : null));

  protected readonly exporting = signal(false);
  protected readonly exportMessage = signal<string | null>(null);
  protected readonly exportError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const filters = this.filters();
      this.form.setValue(
        { status: filters.status ?? '', from: filters.from ?? '', to: filters.to ?? '', email: filters.email ?? '', seller: filters.seller ?? '', q: filters.q ?? '' },
        { emitEvent: false },
      );
      this.form.markAsUntouched();
    });
    this.form.controls.from.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.to.updateValueAndValidity());

    const stopListening = inject(ShopSocket).onOrderCreated((order) => {
      this.liveMessage.set(`New order ${order.number} from ${order.email}.`);
      // The status is known from the event; any other filter is the server's to apply when the top is read again.
      const status = this.status();
      if (!status || status === order.status) void this.pages.refreshTop();
    });
    inject(DestroyRef).onDestroy(stopListening);
  }

  protected async search(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalidField(this.host.nativeElement);
      return;
    }
    const values = this.form.getRawValue();
    const queryParams = Object.fromEntries(filterNames.map((name) => [name, values[name].trim() || null])) as Record<FilterName, string | null>;
    // The same address again would be no navigation at all: the admin asked for a fresh look.
    if (filterNames.every((name) => (queryParams[name] ?? undefined) === this.filters()[name])) return this.pages.reload();
    await this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  protected async clear(): Promise<void> {
    this.form.reset();
    const queryParams = Object.fromEntries(filterNames.map((name) => [name, null])) as Record<FilterName, null>;
    await this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  protected async exportCsv(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportMessage.set(null);
    this.exportError.set(null);
    try {
      const response = await this.api.exportCsv(this.filters());
      const fileName = attachmentFileName(response.headers.get('Content-Disposition'), 'orders.csv');
      this.downloads.save(response.body ?? new Blob([], { type: 'text/csv' }), fileName);
      this.exportMessage.set(`The orders were saved as ${fileName}.`);
    } catch (error) {
      this.exportError.set(`The orders were not exported. ${describeApiError(withFilterIssuesInWords(error)).message}`);
    } finally {
      this.exporting.set(false);
    }
  }
}
