import { MoneyPipe } from './money.pipe';

describe('MoneyPipe', () => {
  const pipe = new MoneyPipe();

  it('formats integer minor units in the currency given', () => {
    expect(pipe.transform({ amount: 1999, currency: 'EUR' })).toBe('€19.99');
    // Yen have no minor unit: 500 is ¥500, not ¥5.00.
    expect(pipe.transform({ amount: 500, currency: 'JPY' })).toBe('JP¥500');
    expect(pipe.transform({ amount: 0, currency: 'EUR' })).toBe('€0.00');
  });

  it('renders nothing for a missing amount', () => {
    expect(pipe.transform(undefined)).toBe('');
  });
});
