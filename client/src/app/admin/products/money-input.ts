import { minorUnitExponent, type Money } from '@shared/money';

/**
 * Money as an admin types it, `19.99` or `19,99` (an optional currency sign and spaces around),
 * read as whole minor units from the digits themselves: no float ever holds the amount, so
 * `0.29` is 29 cents and never 28.999…. `null` when it is not an amount in this currency's
 * precision (too many decimals, thousands separators, signs, letters).
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const exponent = minorUnitExponent(currency);
  const trimmed = text.trim().replace(/^€\s*|\s*€$/g, '').trim();
  const match = /^(\d{1,12})(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const amount = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return Number.isSafeInteger(amount) ? amount : null;
}

/** The amount as the input shows it for editing: `1999` EUR is `19.99`, with no grouping or sign. */
export function formatMoneyInput(money: Money): string {
  const exponent = minorUnitExponent(money.currency);
  if (exponent === 0) return String(money.amount);
  const digits = String(Math.abs(money.amount)).padStart(exponent + 1, '0');
  return `${money.amount < 0 ? '-' : ''}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
