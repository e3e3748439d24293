// Arithmetic and formatting, with no zod import, so the Angular bundle does not carry the schema
// library. Amounts are integers of minor units from the start to the end; no float ever holds money.
import type { Money } from './money.schema';

export type { Money };

/** The number of minor units in one major unit, for the currencies whose exponent is not 2. */
const minorUnitExponents: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3 };

export function minorUnitExponent(currency: string): number {
  return minorUnitExponents[currency] ?? 2;
}

/** Formats money for people, e.g. `€19.99`; the amount stays an integer until this last step. */
export function formatMoney(money: Money, locale = 'en-IE'): string {
  const exponent = minorUnitExponent(money.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(money.amount / 10 ** exponent);
}

function assertMinorUnits(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${what} must be a whole number of minor units, got ${amount}`);
}

/** The sum of amounts of one currency; an empty list sums to zero of `currency`. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let total = 0;
  for (const money of amounts) {
    if (money.currency !== currency) throw new RangeError(`Cannot add ${money.currency} to ${currency}`);
    assertMinorUnits(money.amount, 'An amount');
    total += money.amount;
  }
  assertMinorUnits(total, 'A sum');
  return { amount: total, currency };
}

/** A unit price times a whole quantity. */
export function multiplyMoney(unit: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`A quantity must be a whole number, got ${quantity}`);
  const amount = unit.amount * quantity;
  assertMinorUnits(amount, 'A product');
  return { amount, currency: unit.currency };
}

/**
 * A rate of an amount, the rate in basis points (1 % = 100, 7.5 % = 750), rounded to the minor
 * unit half away from zero: 20 % of €0.03 is €0.01 (0.6 rounds up), 50 % of €0.01 is €0.01 (0.5
 * rounds away from zero). Integer arithmetic throughout, so no binary fraction decides a cent.
 */
export function percentageOf(money: Money, basisPoints: number): Money {
  assertMinorUnits(money.amount, 'An amount');
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError(`A rate must be a whole number of basis points, got ${basisPoints}`);
  const product = Math.abs(money.amount * basisPoints);
  assertMinorUnits(product, 'An amount times a rate');
  const rounded = Math.floor((product + 5000) / 10_000);
  const negative = money.amount < 0 !== basisPoints < 0;
  return { amount: negative && rounded !== 0 ? -rounded : rounded, currency: money.currency };
}
