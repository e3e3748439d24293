import type { SalesFigures, Stats } from '@shared/admin/stats';
import type { Clock } from '../../../core/clock';

const euros = (amount: number) => ({ amount, currency: 'EUR' });

export function figures(overrides: Partial<SalesFigures> = {}): SalesFigures {
  return { revenue: euros(125_000), orders: 20, averageOrderValue: euros(6250), unitsSold: 41, newCustomers: 6, ...overrides };
}

/** A week's figures, 5–11 March 2026, against the week before. */
export function statsOf(overrides: Partial<Stats> = {}): Stats {
  const days = ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11'];
  return {
    from: '2026-03-05',
    to: '2026-03-11',
    tz: 'Pacific/Auckland',
    current: figures(),
    previous: { ...figures({ revenue: euros(100_000), orders: 25, averageOrderValue: euros(5000), unitsSold: 41, newCustomers: 0 }), from: '2026-02-26', to: '2026-03-04' },
    revenueByDay: days.map((day, index) => ({ day, revenue: euros(index * 1000), orders: index })),
    ordersByStatus: [
      { status: 'pending_payment', count: 1 },
      { status: 'paid', count: 4 },
      { status: 'fulfilling', count: 2 },
      { status: 'shipped', count: 3 },
      { status: 'delivered', count: 9 },
      { status: 'cancelled', count: 1 },
      { status: 'returned', count: 0 },
    ],
    topProducts: [
      { productId: 'a00000000000000000000001', title: 'Kettle', unitsSold: 12, revenue: euros(30_000) },
      { productId: 'a00000000000000000000002', title: 'Teapot', unitsSold: 5, revenue: euros(12_500) },
    ],
    salesByCategory: [{ categoryId: 'c00000000000000000000001', name: 'Kitchen', revenue: euros(42_500), unitsSold: 17 }],
    lowStock: [{ productId: 'a00000000000000000000003', title: 'Mug', available: 2, threshold: 5 }],
    ...overrides,
  };
}

/** 23:30 on 10 March in UTC is already 11 March in Auckland (UTC+13 in March). */
export const aucklandEvening: Pick<Clock, 'now' | 'timeZone'> = {
  now: () => new Date('2026-03-10T23:30:00Z'),
  timeZone: () => 'Pacific/Auckland',
};
