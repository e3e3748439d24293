import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('says how long ago, in the largest unit that fits', () => {
    expect(relativeTime(ago(10), now)).toBe('just now');
    expect(relativeTime(ago(60), now)).toBe('1 minute ago');
    expect(relativeTime(ago(25 * 60), now)).toBe('25 minutes ago');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3 hours ago');
  });

  it('says "just now" for an instant a little ahead of the browser’s clock', () => {
    expect(relativeTime(ago(-5), now)).toBe('just now');
  });

  it('gives the date and time after a day', () => {
    expect(relativeTime('2026-03-08T09:05:00Z', now)).toMatch(/^8 Mar, \d\d:05$/);
  });
});
