// Formatting only, with no zod import, so the Angular bundle does not carry the schema library.
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
