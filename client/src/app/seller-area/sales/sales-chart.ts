import type { SellerSalesReport } from '@shared/sellers/seller-orders';
import { moneyAndOrdersByDayChart } from '../../admin/overview/charts/overview-charts';
import type { ShopChartConfig } from '../../core/chart/chart';

/** Gross sales as bars and orders as a line, one of each per local day: the overview's revenue chart, for one seller. */
export function salesByDayChart(report: SellerSalesReport): ShopChartConfig {
  return moneyAndOrdersByDayChart(
    report.days.map((day) => ({ day: day.day, amount: day.gross.amount, orders: day.orderCount })),
    'Gross sales',
    report.totals.gross.currency,
    // A month of days or more: smaller points keep the line readable.
    2,
  );
}
