import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, resource, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { withFilterIssuesInWords } from '../../../admin/orders/admin-orders-page/admin-orders-page';
import { valueFormat } from '../../../admin/overview/charts/overview-charts';
import { dayRange } from '../../../admin/overview/overview-page/overview-page';
import { ShopChart } from '../../../core/chart/chart';
import { Clock } from '../../../core/clock';
import { attachmentFileName, FileDownloads } from '../../../core/downloads/file-downloads';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { focusFirstInvalidField } from '../../../core/forms/form-api-errors';
import { describeApiError } from '../../../core/http/api-error';
import { LoadError } from '../../../core/load-error';
import { MoneyPipe } from '../../../core/money.pipe';
import { queryText } from '../../../core/routing/query-text';
import { describeSellerAreaError } from '../../seller-standing';
import { salesByDayChart } from '../sales-chart';
import { customDaysProblem, defaultSalesPeriod, isSalesPeriod, type SalesDays, type SalesPeriod, salesDaysFor, salesPeriodLabels, salesPeriods } from '../sales-period';
import { type SellerSalesPeriod, SellerSalesApi } from '../seller-sales-api';

/** To may not be before From, nor a year and a day after it; read from the parent, so it is checked again when From changes. */
function withinReportDays(control: AbstractControl<string>): ValidationErrors | null {
  const from = (control.parent?.get('from')?.value as string | undefined) ?? '';
  const problem = from && control.value ? customDaysProblem(from, control.value) : null;
  return problem ? { schema: problem } : null;
}

const weekday = new Intl.DateTimeFormat('en-IE', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayWithYear = new Intl.DateTimeFormat('en-IE', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const sameQuery = (a: SellerSalesPeriod | undefined, b: SellerSalesPeriod | undefined) => a?.from === b?.from && a?.to === b?.to && a?.tz === b?.tz;

/**
 * /seller/sales: what the seller sold in a period of their own calendar days (this month unless
 * `?period=` says otherwise; `?period=custom&from=&to=` for any other days), gross, commission and
 * payout, by day as a chart and a table, and the lines behind it as CSV.
 */
@Component({
  selector: 'shop-seller-sales-page',
  imports: [FieldError, LoadError, MoneyPipe, ReactiveFormsModule, ShopChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-sales-page.html',
  styleUrl: './seller-sales-page.scss',
})
export class SellerSalesPage {
  private readonly api = inject(SellerSalesApi);
  private readonly router = inject(Router);
  private readonly clock = inject(Clock);
  private readonly downloads = inject(FileDownloads);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The period lives in the address, so it can be shared and survives a reload. */
  readonly period = input<SalesPeriod, unknown>(defaultSalesPeriod, { transform: (value: unknown) => (isSalesPeriod(value) ? value : defaultSalesPeriod) });
  readonly from = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly to = input<string | undefined, unknown>(undefined, { transform: queryText });

  protected readonly periods = salesPeriods;
  protected readonly periodLabels = salesPeriodLabels;
  /** The browser's zone: the days of the report are the seller's own calendar days. */
  protected readonly timeZone = this.clock.timeZone();
  protected readonly showsError = showsError;

  /** What the report and the CSV are of; none while custom days are missing. */
  protected readonly query = computed<SellerSalesPeriod | undefined>(
    () => {
      const days = salesDaysFor(this.period(), this.clock.now(), this.timeZone, { from: this.from(), to: this.to() });
      return days ? { ...days, tz: this.timeZone } : undefined;
    },
    { equal: sameQuery },
  );
  protected readonly report = resource({
    params: () => this.query(),
    loader: ({ params }) => this.api.report(params).catch((error: unknown) => Promise.reject(withFilterIssuesInWords(error))),
  });
  protected readonly loadError = computed(() => `We couldn't load your sales. ${describeSellerAreaError(this.report.error())}`);
  protected readonly range = computed(() => {
    const query = this.query();
    return query ? dayRange(query.from, query.to) : null;
  });

  protected readonly totals = computed(() => {
    if (!this.report.hasValue()) return [];
    const { totals } = this.report.value();
    return [
      { name: 'Gross sales', money: totals.gross, key: 'gross' },
      { name: 'Commission', money: totals.commission, key: 'commission' },
      { name: 'Net payout', money: totals.payout, key: 'payout' },
      { name: 'Orders', count: totals.orderCount, key: 'orders' },
      { name: 'Units sold', count: totals.unitCount, key: 'units' },
    ];
  });
  /** The table lists the days with sales; the chart shows every day, zeros too. */
  protected readonly daysWithSales = computed(() => (this.report.hasValue() ? this.report.value().days.filter((day) => day.orderCount > 0) : []));
  protected readonly chart = computed(() => {
    if (!this.report.hasValue()) return null;
    const report = this.report.value();
    return { config: salesByDayChart(report), format: valueFormat(report.totals.gross.currency, [0]) };
  });

  /** A period across New Year names the year of each day; otherwise the range above the page says it once. */
  private readonly dayFormat = computed(() => {
    const query = this.query();
    return query && query.from.slice(0, 4) !== query.to.slice(0, 4) ? weekdayWithYear : weekday;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    from: ['', Validators.required],
    to: ['', [Validators.required, withinReportDays]],
  });

  protected readonly exporting = signal(false);
  protected readonly exportMessage = signal<string | null>(null);
  protected readonly exportError = signal<string | null>(null);

  constructor() {
    // The custom days start as the days on screen, so "Custom" changes nothing until they are edited.
    effect(() => {
      const shown = this.query();
      this.form.setValue({ from: this.from() ?? shown?.from ?? '', to: this.to() ?? shown?.to ?? '' }, { emitEvent: false });
      this.form.markAsUntouched();
    });
    this.form.controls.from.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.to.updateValueAndValidity());
  }

  /** `2026-03-09` → `Mon, 9 Mar`: a local day of the report, a calendar date rather than an instant. */
  protected dayLabel(day: string): string {
    return this.dayFormat().format(new Date(`${day}T00:00:00Z`));
  }

  protected async choose(period: SalesPeriod): Promise<void> {
    this.exportMessage.set(null);
    this.exportError.set(null);
    if (period !== 'custom') {
      await this.router.navigate([], { queryParams: { period: period === defaultSalesPeriod ? null : period, from: null, to: null }, queryParamsHandling: 'merge' });
      return;
    }
    const shown: Partial<SalesDays> = this.query() ?? {};
    await this.router.navigate([], { queryParams: { period, from: shown.from ?? null, to: shown.to ?? null }, queryParamsHandling: 'merge' });
  }

  protected async showCustomDays(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalidField(this.host.nativeElement);
      return;
    }
    const { from, to } = this.form.getRawValue();
    // The same days again would be no navigation at all: the seller asked for a fresh look.
    if (this.period() === 'custom' && from === this.from() && to === this.to()) {
      this.report.reload();
      return;
    }
    await this.router.navigate([], { queryParams: { period: 'custom', from, to }, queryParamsHandling: 'merge' });
  }

  protected async exportCsv(): Promise<void> {
    const query = this.query();
    if (!query || this.exporting()) return;
    this.exporting.set(true);
    this.exportMessage.set(null);
    this.exportError.set(null);
    try {
      const response = await this.api.exportCsv(query);
      const fileName = attachmentFileName(response.headers.get('Content-Disposition'), 'sales.csv');
      this.downloads.save(response.body ?? new Blob([], { type: 'text/csv' }), fileName);
      this.exportMessage.set(`Your sales were saved as ${fileName}.`);
    } catch (error) {
      const problem = describeApiError(withFilterIssuesInWords(error));
      this.exportError.set(`Your sales were not downloaded. ${problem.status === 403 ? describeSellerAreaError(error) : problem.message}`);
    } finally {
      this.exporting.set(false);
    }
  }
}
