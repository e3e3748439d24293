import type { Stats } from '@shared/admin/stats';
import { formatMoney, minorUnitExponent } from '@shared/money';
import type { OrderStatus } from '@shared/orders/order-status';
import type { TooltipItem } from 'chart.js';
import type { ChartValueFormat, ShopChartConfig } from '../../../core/chart/chart';
import { orderStatusLabels } from '../../../orders/order-status-chip/order-status-chip';

const ink = '#1d3557';
const accent = '#f4a261';

/** Each status its own colour, near the tone of its chip; the legend and the table name them. */
const statusColours: Readonly<Record<OrderStatus, string>> = {
  pending_payment: accent,
  paid: '#457b9d',
  fulfilling: '#2a9d8f',
  shipped: ink,
  delivered: '#1b7a43',
  cancelled: '#8a949e',
  returned: '#b5381c',
};

const count = new Intl.NumberFormat('en-IE');
const dayLabel = new Intl.DateTimeFormat('en-IE', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `2026-03-09` → `9 Mar`: a local day of the period, which is a calendar date, not an instant. */
export function shortDay(day: string): string {
  return dayLabel.format(new Date(`${day}T00:00:00Z`));
}

/** Amounts in minor units, as an axis shows them: `€1.2K`. */
function compactMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount / 10 ** minorUnitExponent(currency));
}

function shorten(label: string, length = 24): string {
  return label.length <= length ? label : `${label.slice(0, length - 1).trimEnd()}…`;
}

/** The value of a tooltip's item, whichever axis carries it. */
function valueOf(item: TooltipItem<'bar' | 'line' | 'doughnut'>): number {
  return typeof item.raw === 'number' ? item.raw : 0;
}

function currencyOf(stats: Stats): string {
  return stats.current.revenue.currency;
}

/** The table's cells: money for the datasets listed in `moneyDatasets`, plain counts for the others. */
export function valueFormat(currency: string, moneyDatasets: readonly number[]): ChartValueFormat {
  return (value, dataset) => (moneyDatasets.includes(dataset) ? formatMoney({ amount: value, currency }) : count.format(value));
}

/** One local day of a money-and-orders chart. */
export interface MoneyAndOrdersDay {
  day: string;
  /** Minor units. */
  amount: number;
  orders: number;
}

/**
 * An amount as bars and orders as a line on an axis of their own, one of each per local day: the
 * overview's revenue, and a seller's gross sales in the seller area.
 */
export function moneyAndOrdersByDayChart(days: readonly MoneyAndOrdersDay[], moneyLabel: string, currency: string, pointRadius = 3): ShopChartConfig {
  return {
    type: 'bar',
    data: {
      labels: days.map((day) => shortDay(day.day)),
      datasets: [
        { type: 'bar', label: moneyLabel, data: days.map((day) => day.amount), backgroundColor: ink, borderRadius: 4, maxBarThickness: 36, yAxisID: 'y', order: 2 },
        {
          type: 'line', label: 'Orders', data: days.map((day) => day.orders), borderColor: accent, backgroundColor: accent,
          pointRadius, tension: 0.25, yAxisID: 'orders', order: 1,
        },
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { callback: (value) => compactMoney(Number(value), currency) } },
        orders: { position: 'right', beginAtZero: true, grid: { display: false }, ticks: { precision: 0 } },
      },
      plugins: {
        // The money first, as in the datasets: `order` (the line drawn over the bars) would sort it last.
        legend: { position: 'bottom', labels: { boxWidth: 12, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
        tooltip: {
          itemSort: (a, b) => a.datasetIndex - b.datasetIndex,
          callbacks: {
            label: (item) => `${item.dataset.label}: ${item.datasetIndex === 0 ? formatMoney({ amount: valueOf(item), currency }) : count.format(valueOf(item))}`,
          },
        },
      },
    },
  };
}

/** Revenue as bars and orders as a line, one of each per local day of the period. */
export function revenueByDayChart(stats: Stats): ShopChartConfig {
  return moneyAndOrdersByDayChart(
    stats.revenueByDay.map((day) => ({ day: day.day, amount: day.revenue.amount, orders: day.orders })),
    'Revenue',
    currencyOf(stats),
  );
}

/** Every order in the shop by its status now; statuses no order is in are left out. */
export function ordersByStatusChart(stats: Stats, legendBelow: boolean): ShopChartConfig {
  const shown = stats.ordersByStatus.filter((entry) => entry.count > 0);
  return {
    type: 'doughnut',
    data: {
      labels: shown.map((entry) => orderStatusLabels[entry.status]),
      datasets: [{ type: 'doughnut', label: 'Orders', data: shown.map((entry) => entry.count), backgroundColor: shown.map((entry) => statusColours[entry.status]), borderColor: '#fff', borderWidth: 2 }],
    },
    options: {
      plugins: {
        legend: { position: legendBelow ? 'bottom' : 'right', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: (item) => `${count.format(valueOf(item))} ${valueOf(item) === 1 ? 'order' : 'orders'}` } },
      },
    },
  };
}

/** The best sellers of the period by revenue, as horizontal bars; units sold in the tooltip. Phones get shorter names. */
export function topProductsChart(stats: Stats, narrow: boolean): ShopChartConfig {
  const currency = currencyOf(stats);
  const products = stats.topProducts;
  return {
    type: 'bar',
    data: {
      labels: products.map((product) => product.title),
      datasets: [{ label: 'Revenue', data: products.map((product) => product.revenue.amount), backgroundColor: '#2a9d8f', borderRadius: 4, maxBarThickness: 22 }],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, ticks: { callback: (value) => compactMoney(Number(value), currency) } },
        y: { grid: { display: false }, ticks: { autoSkip: false, callback: (_value, index) => shorten(products[index]?.title ?? '', narrow ? 14 : 20) } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => `${formatMoney({ amount: valueOf(item), currency })} · ${count.format(products[item.dataIndex]?.unitsSold ?? 0)} sold`,
          },
        },
      },
    },
  };
}

/** Revenue per top-level category in the period. */
export function salesByCategoryChart(stats: Stats): ShopChartConfig {
  const currency = currencyOf(stats);
  const categories = stats.salesByCategory;
  return {
    type: 'bar',
    data: {
      labels: categories.map((category) => category.name),
      datasets: [{ label: 'Revenue', data: categories.map((category) => category.revenue.amount), backgroundColor: '#457b9d', borderRadius: 4, maxBarThickness: 36 }],
    },
    options: {
      scales: {
        x: { grid: { display: false }, ticks: { callback: (_value, index) => shorten(categories[index]?.name ?? '', 14) } },
        y: { beginAtZero: true, ticks: { callback: (value) => compactMoney(Number(value), currency) } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => `${formatMoney({ amount: valueOf(item), currency })} · ${count.format(categories[item.dataIndex]?.unitsSold ?? 0)} sold`,
          },
        },
      },
    },
  };
}
