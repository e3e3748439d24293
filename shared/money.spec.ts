import { multiplyMoney, percentageOf, sumMoney } from './money';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('Money arithmetic', () => {
  it('adds amounts of one currency, and refuses to add two currencies', () => {
    expect(sumMoney([eur(1999), eur(1), eur(500)], 'EUR')).toEqual(eur(2500));
    expect(sumMoney([], 'EUR')).toEqual(eur(0));
    expect(() => sumMoney([eur(100), { amount: 100, currency: 'USD' }], 'EUR')).toThrowError(RangeError, /USD to EUR/);
  });

  it('multiplies a unit price by a whole quantity only', () => {
    expect(multiplyMoney(eur(1999), 3)).toEqual(eur(5997));
    expect(() => multiplyMoney(eur(1999), 1.5)).toThrowError(RangeError);
    expect(() => multiplyMoney(eur(2 ** 52), 4)).toThrowError(RangeError);
  });

  it('takes a rate in basis points, rounding half away from zero to the minor unit', () => {
    expect(percentageOf(eur(10_000), 2000)).toEqual(eur(2000));
    expect(percentageOf(eur(1999), 2000)).toEqual(eur(400)); // 399.8
    expect(percentageOf(eur(3), 2000)).toEqual(eur(1)); // 0.6
    expect(percentageOf(eur(1), 5000)).toEqual(eur(1)); // 0.5 rounds away from zero
    expect(percentageOf(eur(1), 4999)).toEqual(eur(0));
    expect(percentageOf(eur(-1), 5000)).toEqual(eur(-1));
    expect(percentageOf(eur(1234), 750)).toEqual(eur(93)); // 92.55
    // A float rate would decide a cent by a binary fraction: 0.1 + 0.2 !== 0.3.
    expect(() => percentageOf(eur(1000), 7.5)).toThrowError(RangeError);
  });
});
