import type { StatsQuery } from '@shared/admin/stats';
import { addDays, localDay } from '@shared/admin/stats-days';

/** The periods the overview offers; `7d` unless the address says otherwise. */
export const statsPeriods = ['today', '7d', '30d'] as const;
export type StatsPeriod = (typeof statsPeriods)[number];
export const defaultStatsPeriod: StatsPeriod = '7d';

interface PeriodInfo {
  /** Local days in the period, today included. */
  days: number;
  /** On the segmented control. */
  label: string;
  /** What the figures are compared with, after "vs". */
  previous: string;
}

export const statsPeriodInfo: Readonly<Record<StatsPeriod, PeriodInfo>> = {
  today: { days: 1, label: 'Today', previous: 'yesterday' },
  '7d': { days: 7, label: '7 days', previous: 'the previous 7 days' },
  '30d': { days: 30, label: '30 days', previous: 'the previous 30 days' },
};

export function isStatsPeriod(value: unknown): value is StatsPeriod {
  return typeof value === 'string' && (statsPeriods as readonly string[]).includes(value);
}

/** The query for a period that ends today, the admin's today: local days in the browser's zone. */
export function statsQueryFor(period: StatsPeriod, now: Date, timeZone: string): Required<StatsQuery> {
  const to = localDay(now, timeZone);
  return { from: addDays(to, 1 - statsPeriodInfo[period].days), to, tz: timeZone };
}
