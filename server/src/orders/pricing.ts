import { percentageOf, sumMoney, type Money } from '@shared/money';
import type { OrderTotals } from '@shared/orders/order';

/**
 * An order's totals, from amounts the server read itself: prices are exclusive of tax, the
 * discount comes off the subtotal, and tax is charged on what remains plus shipping, rounded half
 * away from zero to the cent (shared/money.ts).
 */
export function orderTotals(lineTotals: readonly Money[], discount: Money, shipping: Money, taxRateBasisPoints: number, currency: string): OrderTotals {
  const subtotal = sumMoney(lineTotals, currency);
  const taxable = sumMoney([subtotal, { amount: -discount.amount, currency }, shipping], currency);
  const tax = percentageOf(taxable, taxRateBasisPoints);
  return { subtotal, discount, shipping, tax, total: sumMoney([taxable, tax], currency) };
}
