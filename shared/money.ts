import { z } from 'zod';

/** Money is an integer count of minor units (cents) plus an ISO 4217 currency code; never a float. */
export const moneySchema = z
  .object({
    amount: z.number().int().meta({ description: 'Amount in minor units, e.g. 1999 for 19.99' }),
    currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: 'ISO 4217 currency code', example: 'EUR' }),
  })
  .meta({ id: 'Money' });

export type Money = z.infer<typeof moneySchema>;

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
