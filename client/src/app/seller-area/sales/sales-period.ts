import { addDays, daysBetween, localDay } from '@shared/admin/stats-days';
import { maxSalesReportDays } from '@shared/sellers/seller-orders';

/** The periods the sales page offers; this month unless the address says otherwise. */
export const salesPeriods = ['this-month', 'last-month', '30d', 'custom'] as const;
export type SalesPeriod = (typeof salesPeriods)[number];
export const defaultSalesPeriod: SalesPeriod = 'this-month';

export const salesPeriodLabels: Readonly<Record<SalesPeriod, string>> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  '30d': 'Last 30 days',
  custom: 'Custom',
};

export function isSalesPeriod(value: unknown): value is SalesPeriod {
  return typeof value === 'string' && (salesPeriods as readonly string[]).includes(value);
}

export interface SalesDays {
  from: string;
  to: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why `from`..`to` is not a period the report can be of, in the words of the form's To field
 * (`must not be before From`), or null when it is one: the server's own rules, checked first.
 */
export function customDaysProblem(from: string, to: string): string | null {
  if (!isoDay.test(from) || !isoDay.test(to)) return null;
  if (to < from) return 'must not be before From';
  return daysBetween(from, to) >= maxSalesReportDays ? `must be within ${maxSalesReportDays} days of From` : null;
}

/**
 * The local days of a period, in the seller's zone: this month and the last 30 days end today;
 * `custom` is the days given, or null while they are missing or not a period the report allows.
 */
export function salesDaysFor(period: SalesPeriod, now: Date, timeZone: string, custom: Partial<SalesDays> = {}): SalesDays | null {
  const today = localDay(now, timeZone);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (period) {
    case 'this-month':
      return { from: firstOfMonth, to: today };
    case 'last-month': {
      const lastOfPrevious = addDays(firstOfMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
    case '30d':
      return { from: addDays(today, -29), to: today };
    case 'custom': {
      const { from, to } = custom;
      return from && to && isoDay.test(from) && isoDay.test(to) && !customDaysProblem(from, to) ? { from, to } : null;
    }
  }
}
