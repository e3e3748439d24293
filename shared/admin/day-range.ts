import { z } from 'zod';
import { daysBetween, isTimeZone } from './stats-days';

/** The longest period of local days an admin list filter spans. */
export const maxFilterDays = 3660;

/**
 * `from`/`to`: local calendar days, both included, in the IANA time zone `tz`, for the admin lists
 * that filter by when something happened (orders, the audit log).
 */
export const dayRangeShape = {
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone, such as Europe/Dublin')
    .default('UTC'),
};

export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

const fromNotAfterTo = (query: DayRange) => !query.from || !query.to || query.from <= query.to;
const withinMaxDays = (query: DayRange) => !query.from || !query.to || daysBetween(query.from, query.to) < maxFilterDays;

/** Refuses a `to` before `from`, or a span longer than `maxFilterDays`, as a 400 on `to`. */
export function checkingDayRange<Schema extends z.ZodType<DayRange>>(schema: Schema): Schema {
  return schema
    .refine(fromNotAfterTo, { path: ['to'], message: 'must not be before from' })
    .refine(withinMaxDays, { path: ['to'], message: `must be within ${maxFilterDays} days of from` });
}
