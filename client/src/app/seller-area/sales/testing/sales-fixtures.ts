import type { SellerSalesDay, SellerSalesReport } from '@shared/sellers/seller-orders';
import { euros } from '../../orders/testing/seller-order-fixtures';

/** One day of a sales report, at a 10% commission. */
export function salesDay(date: string, orderCount = 0, gross = 0, unitCount = orderCount): SellerSalesDay {
  return { day: date, orderCount, unitCount, gross: euros(gross), commission: euros(gross / 10), payout: euros(gross - gross / 10) };
}

/** A report of 1–3 March 2026: sales on the 1st and the 3rd, none on the 2nd, and one refunded order. */
export function salesReport(overrides: Partial<SellerSalesReport> = {}): SellerSalesReport {
  const days = overrides.days ?? [salesDay('2026-03-01', 2, 10_000, 3), salesDay('2026-03-02'), salesDay('2026-03-03', 1, 4500)];
  const sum = (pick: (entry: SellerSalesDay) => number) => days.reduce((total, entry) => total + pick(entry), 0);
  return {
    from: days[0]?.day ?? '2026-03-01',
    to: days.at(-1)?.day ?? '2026-03-03',
    tz: 'Pacific/Auckland',
    totals: {
      orderCount: sum((entry) => entry.orderCount),
      unitCount: sum((entry) => entry.unitCount),
      gross: euros(sum((entry) => entry.gross.amount)),
      commission: euros(sum((entry) => entry.commission.amount)),
      payout: euros(sum((entry) => entry.payout.amount)),
    },
    refunded: { orderCount: 1, gross: euros(2000) },
    days,
    ...overrides,
  };
}
