import { addDays, daysBetween, isTimeZone, localDay } from './stats-days';

describe('calendar days for the sales figures', () => {
  it('add days across months, leap years and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2026-02-09', '2026-03-10')).toBe(29);
  });

  it('tell the local day of an instant in any zone, half-hour and DST zones included', () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z');
    expect(localDay(lateEvening, 'UTC')).toBe('2026-03-10');
    expect(localDay(lateEvening, 'Pacific/Auckland')).toBe('2026-03-11');
    expect(localDay(lateEvening, 'America/Los_Angeles')).toBe('2026-03-10');
    expect(localDay(new Date('2026-03-10T18:29:00Z'), 'Asia/Kolkata')).toBe('2026-03-10');
    expect(localDay(new Date('2026-03-10T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-11');
    // Dublin moves to summer time on 29 March 2026 at 01:00 UTC.
    expect(localDay(new Date('2026-03-29T23:30:00Z'), 'Europe/Dublin')).toBe('2026-03-30');
  });

  it('know a time zone from a made-up one', () => {
    expect(isTimeZone('Europe/Dublin')).toBeTrue();
    expect(isTimeZone('Mars/Olympus')).toBeFalse();
  });
});
