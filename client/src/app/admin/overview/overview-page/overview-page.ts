import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { map } from 'rxjs';
import { ShopChart } from '../../../core/chart/chart';
import { LoadError } from '../../../core/load-error';
import { MoneyPipe } from '../../../core/money.pipe';
import { ordersByStatusChart, revenueByDayChart, salesByCategoryChart, topProductsChart, valueFormat } from '../charts/overview-charts';
import { kpisOf } from '../kpis';
import { LowStockList } from '../low-stock/low-stock-list';
import { OrderFeed } from '../order-feed/order-feed';
import { defaultStatsPeriod, isStatsPeriod, type StatsPeriod, statsPeriodInfo, statsPeriods } from '../stats-period';
import { StatsStore } from '../stats-store';

const dayFormat = new Intl.DateTimeFormat('en-IE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-IE', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** `2026-03-03`…`2026-03-09` → `3–9 Mar 2026`; one day alone → `9 Mar 2026`. */
export function dayRange(from: string, to: string): string {
  const start = new Date(`${from}T00:00:00Z`);
  return from === to ? dayFormat.format(start) : dayFormat.formatRange(start, new Date(`${to}T00:00:00Z`));
}

/** /admin: the shop's figures for a period, live, with the order feed and low stock beside them. */
@Component({
  selector: 'shop-overview-page',
  imports: [MoneyPipe, LoadError, ShopChart, OrderFeed, LowStockList],
  providers: [StatsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
})
export class OverviewPage {
  protected readonly store = inject(StatsStore);
  private readonly router = inject(Router);

  /** `?period=` keeps the choice in the address, so it survives a reload; 7 days when absent. */
  readonly period = input<StatsPeriod, unknown>(defaultStatsPeriod, { transform: (value: unknown) => (isStatsPeriod(value) ? value : defaultStatsPeriod) });

  protected readonly periods = statsPeriods;
  protected readonly periodInfo = statsPeriodInfo;
  protected readonly skeletons = [1, 2, 3, 4, 5];

  /** Phones put the doughnut's legend under it, and shorten product names. */
  private readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 599.98px)').pipe(map((state) => state.matches)), { initialValue: false });

  protected readonly previousLabel = computed(() => statsPeriodInfo[this.store.period() ?? this.period()].previous);
  protected readonly kpis = computed(() => {
    const stats = this.store.stats();
    return stats ? kpisOf(stats) : [];
  });
  protected readonly range = computed(() => {
    const stats = this.store.stats();
    return stats ? { current: dayRange(stats.from, stats.to), previous: dayRange(stats.previous.from, stats.previous.to) } : null;
  });
  protected readonly updatedAt = computed(() => {
    const at = this.store.updatedAt();
    return at ? timeFormat.format(at) : null;
  });

  protected readonly charts = computed(() => {
    const stats = this.store.stats();
    if (!stats) return null;
    const currency = stats.current.revenue.currency;
    return {
      revenue: { config: revenueByDayChart(stats), format: valueFormat(currency, [0]) },
      status: { config: ordersByStatusChart(stats, this.narrow()), format: valueFormat(currency, []), empty: stats.ordersByStatus.every((entry) => entry.count === 0) },
      products: { config: topProductsChart(stats, this.narrow()), format: valueFormat(currency, [0]), empty: stats.topProducts.length === 0 },
      categories: { config: salesByCategoryChart(stats), format: valueFormat(currency, [0]), empty: stats.salesByCategory.length === 0 },
    };
  });

  constructor() {
    effect(() => this.store.choose(this.period()));
  }

  protected async showPeriod(period: StatsPeriod): Promise<void> {
    await this.router.navigate([], { queryParams: { period: period === defaultStatsPeriod ? null : period }, queryParamsHandling: 'merge' });
  }
}
