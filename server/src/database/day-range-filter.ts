import { addDays } from '@shared/admin/stats-days';
import { trusted } from 'mongoose';

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)!.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(instant / 1000) * 1000;
}

/** The instant local day `day` begins in `timeZone` (DST included: the offset is read again at the guess). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  return new Date(midnightUtc - zoneOffsetMs(guess, timeZone));
}

/**
 * The condition on a date field for local days `from`..`to` (both included) in `tz`, or undefined
 * with neither. A range, so FerretDB v1 filters it after the indexed equalities beside it.
 */
export function dayRangeCondition({ from, to, tz }: { from?: string | undefined; to?: string | undefined; tz: string }): ReturnType<typeof trusted> | undefined {
  if (!from && !to) return undefined;
  return trusted({
    ...(from ? { $gte: startOfLocalDay(from, tz) } : {}),
    ...(to ? { $lt: startOfLocalDay(addDays(to, 1), tz) } : {}),
  });
}
