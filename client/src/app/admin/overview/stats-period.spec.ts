import { statsQuerySchema } from '@shared/admin/stats';
import { isStatsPeriod, statsQueryFor } from './stats-period';

describe('stats periods', () => {
  it('end today in the given zone, and make queries the server accepts', () => {
    const evening = new Date('2026-03-10T23:30:00Z');
    expect(statsQueryFor('today', evening, 'America/Los_Angeles')).toEqual({ from: '2026-03-10', to: '2026-03-10', tz: 'America/Los_Angeles' });
    expect(statsQueryFor('7d', evening, 'Pacific/Auckland')).toEqual({ from: '2026-03-05', to: '2026-03-11', tz: 'Pacific/Auckland' });
    expect(statsQueryFor('30d', evening, 'UTC')).toEqual({ from: '2026-02-09', to: '2026-03-10', tz: 'UTC' });
    for (const period of ['today', '7d', '30d'] as const) {
      expect(statsQuerySchema.safeParse(statsQueryFor(period, evening, 'Europe/Dublin')).success).toBeTrue();
    }
  });

  it('are only the three offered', () => {
    expect(['today', '7d', '30d'].every(isStatsPeriod)).toBeTrue();
    expect(isStatsPeriod('90d')).toBeFalse();
    expect(isStatsPeriod(undefined)).toBeFalse();
  });
});
