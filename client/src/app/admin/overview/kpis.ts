import type { SalesFigures, Stats } from '@shared/admin/stats';
import type { Money } from '@shared/money';
import { kpiChange, type KpiChange } from './kpi-change';

export interface Kpi {
  key: keyof SalesFigures;
  name: string;
  /** What the figure is, where the name alone may leave it open. */
  note?: string;
  /** One of the two: an amount (through the money pipe) or a count, formatted. */
  money?: Money;
  count?: string;
  change: KpiChange;
}

const counts = new Intl.NumberFormat('en-IE');

/** The overview's cards, in the order they show: each figure of the period against the previous one. */
export function kpisOf({ current, previous }: Pick<Stats, 'current' | 'previous'>): Kpi[] {
  return [
    { key: 'revenue', name: 'Revenue', note: 'Paid orders, net of refunds', money: current.revenue, change: kpiChange(current.revenue.amount, previous.revenue.amount) },
    { key: 'orders', name: 'Orders', note: 'Paid orders placed', count: counts.format(current.orders), change: kpiChange(current.orders, previous.orders) },
    {
      key: 'averageOrderValue', name: 'Average order value', money: current.averageOrderValue,
      change: kpiChange(current.averageOrderValue.amount, previous.averageOrderValue.amount),
    },
    { key: 'unitsSold', name: 'Units sold', count: counts.format(current.unitsSold), change: kpiChange(current.unitsSold, previous.unitsSold) },
    { key: 'newCustomers', name: 'New customers', note: 'First paid order', count: counts.format(current.newCustomers), change: kpiChange(current.newCustomers, previous.newCustomers) },
  ];
}
