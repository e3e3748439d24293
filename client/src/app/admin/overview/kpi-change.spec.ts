import { kpiChange } from './kpi-change';
import { kpisOf } from './kpis';
import { figures, statsOf } from './testing/stats-fixtures';

describe('kpiChange', () => {
  it('is a rise as a signed percentage against the previous figure', () => {
    expect(kpiChange(125, 100)).toEqual({ direction: 'up', ratio: 0.25, label: '+25%' });
  });

  it('is a fall with a true minus sign', () => {
    expect(kpiChange(968, 1000)).toEqual({ direction: 'down', ratio: -0.032, label: '\u22123.2%' });
  });

  it('rounds to a tenth of a percent, and calls a change that rounds to nothing flat', () => {
    expect(kpiChange(2, 3).label).toBe('\u221233.3%');
    expect(kpiChange(100_004, 100_000)).toEqual(jasmine.objectContaining({ direction: 'flat', label: '0%' }));
    expect(kpiChange(7, 7)).toEqual({ direction: 'flat', ratio: 0, label: '0%' });
  });

  it('has no percentage when the previous figure is 0 (or below, as net refunds can make it)', () => {
    expect(kpiChange(5, 0)).toEqual({ direction: 'none', ratio: null, label: '—' });
    expect(kpiChange(0, 0)).toEqual({ direction: 'none', ratio: null, label: '—' });
    expect(kpiChange(500, -200)).toEqual({ direction: 'none', ratio: null, label: '—' });
  });

  it('falls by 100% to nothing, and rises past 100%', () => {
    expect(kpiChange(0, 40).label).toBe('\u2212100%');
    expect(kpiChange(150, 10).label).toBe('+1,400%');
  });
});

describe('kpisOf', () => {
  it('compares each of the five figures with the previous period, money as money', () => {
    const kpis = kpisOf(statsOf());
    expect(kpis.map((kpi) => kpi.name)).toEqual(['Revenue', 'Orders', 'Average order value', 'Units sold', 'New customers']);
    expect(kpis.map((kpi) => kpi.change.label)).toEqual(['+25%', '\u221220%', '+25%', '0%', '—']);
    expect(kpis[0]!.money).toEqual({ amount: 125_000, currency: 'EUR' });
    expect(kpis[1]!.count).toBe('20');
  });

  it('writes large counts with thousands separators', () => {
    expect(kpisOf({ current: figures({ unitsSold: 12_345 }), previous: statsOf().previous })[3]!.count).toBe('12,345');
  });
});
