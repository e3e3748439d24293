import { once } from 'node:events';
import type { Response } from 'express';
import { minorUnitExponent, type Money } from '@shared/money';
import type { QueryFilter } from 'mongoose';
import { OrderModel, type OrderDocument } from './order.model';

export const orderCsvHeader = ['number', 'created_at', 'status', 'email', 'customer_name', 'item_count', 'subtotal', 'discount', 'shipping', 'tax', 'total', 'currency', 'payment_status'] as const;

/**
 * One CSV cell: RFC 4180 quoting, and a leading `'` before what a spreadsheet would run as a
 * formula (OWASP's CSV injection advice), since names and emails are typed by shoppers.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  // A plain number, negative or not, is not a formula: amounts stay numbers.
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** `1999 EUR` as `19.99`: the amount column stays a number, the currency has its own column. */
export function decimal(money: Money): string {
  const exponent = minorUnitExponent(money.currency);
  if (exponent === 0) return String(money.amount);
  const sign = money.amount < 0 ? '-' : '';
  const digits = String(Math.abs(money.amount)).padStart(exponent + 1, '0');
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export function orderCsvValues(order: OrderDocument): Array<string | number> {
  const { totals } = order;
  return [
    order.number,
    order.createdAt.toISOString(),
    order.status,
    order.email,
    order.shippingAddress.name ?? '',
    order.lines.reduce((count, line) => count + line.quantity, 0),
    decimal(totals.subtotal),
    decimal(totals.discount),
    decimal(totals.shipping),
    decimal(totals.tax),
    decimal(totals.total),
    totals.total.currency,
    order.payment.status,
  ];
}

/**
 * Writes the orders of `filter` (null: none), newest first, as CSV to `res`, a database batch at a
 * time and waiting for the socket to drain, so a large export never sits in memory whole.
 */
export async function streamOrdersCsv(res: Response, filter: QueryFilter<OrderDocument> | null, filename: string): Promise<void> {
  res.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
  res.write(csvRow(orderCsvHeader));
  if (filter) {
    const cursor = OrderModel.find(filter).sort({ _id: -1 }).lean<OrderDocument[]>().cursor({ batchSize: 200 });
    try {
      for await (const order of cursor) {
        if (res.destroyed) break;
        if (!res.write(csvRow(orderCsvValues(order as OrderDocument)))) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }
  res.end();
}
