import { sellerSalesQuerySchema } from '@shared/sellers/seller-orders';
import { customDaysProblem, isSalesPeriod, salesDaysFor, salesPeriods } from './sales-period';

describe('sales periods', () => {
  const aucklandMorning = new Date('2026-02-28T12:30:00Z'); // 1 March, 01:30 in Auckland

  it('are local days of the seller\'s zone, ending today', () => {
    expect(salesDaysFor('this-month', aucklandMorning, 'Pacific/Auckland')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(salesDaysFor('this-month', aucklandMorning, 'Europe/Dublin')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(salesDaysFor('30d', aucklandMorning, 'Pacific/Auckland')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('make last month the whole calendar month before, across New Year too', () => {
    expect(salesDaysFor('last-month', aucklandMorning, 'Pacific/Auckland')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(salesDaysFor('last-month', new Date('2026-01-15T12:00:00Z'), 'UTC')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(salesDaysFor('last-month', new Date('2024-03-10T12:00:00Z'), 'UTC')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('take custom days as given, and none while they are missing or not a period the report allows', () => {
    expect(salesDaysFor('custom', aucklandMorning, 'UTC', { from: '2025-06-01', to: '2025-06-30' })).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(salesDaysFor('custom', aucklandMorning, 'UTC', { from: '2025-06-01' })).toBeNull();
    expect(salesDaysFor('custom', aucklandMorning, 'UTC', { from: 'June', to: '2025-06-30' })).toBeNull();
    expect(salesDaysFor('custom', aucklandMorning, 'UTC', { from: '2025-06-30', to: '2025-06-01' })).toBeNull();
  });

  it('allow at most 366 days, as the server does', () => {
    expect(customDaysProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(customDaysProblem('2025-01-01', '2026-01-01')).toBeNull();
    expect(customDaysProblem('2025-01-01', '2026-01-02')).toBe('must be within 366 days of From');
    expect(customDaysProblem('2025-01-02', '2025-01-01')).toBe('must not be before From');
    expect(sellerSalesQuerySchema.safeParse({ from: '2025-01-01', to: '2026-01-01', tz: 'UTC' }).success).toBeTrue();
    expect(sellerSalesQuerySchema.safeParse({ from: '2025-01-01', to: '2026-01-02', tz: 'UTC' }).success).toBeFalse();
  });

  it('make queries the server accepts', () => {
    for (const period of salesPeriods.filter((each) => each !== 'custom')) {
      const days = salesDaysFor(period, aucklandMorning, 'Pacific/Auckland')!;
      expect(sellerSalesQuerySchema.safeParse({ ...days, tz: 'Pacific/Auckland' }).success).withContext(period).toBeTrue();
    }
  });

  it('are only the four offered', () => {
    expect(salesPeriods.every(isSalesPeriod)).toBeTrue();
    expect(isSalesPeriod('7d')).toBeFalse();
    expect(isSalesPeriod(undefined)).toBeFalse();
  });
});
