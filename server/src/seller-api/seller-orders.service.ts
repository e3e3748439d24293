import { once } from 'node:events';
import { addDays, localDay } from '@shared/admin/stats-days';
import { sumMoney, type Money } from '@shared/money';
import { lineShippableStatuses } from '@shared/orders/order-status';
import type { SellerOrder, SellerOrderList, SellerOrderSummary, SellerSalesDay, SellerSalesReport } from '@shared/sellers/seller-orders';
import type { Response } from 'express';
import { isValidObjectId, trusted, Types, type QueryFilter } from 'mongoose';
import { dayRangeCondition } from '../database/day-range-filter';
import { AppError } from '../http/app-error';
import { soldStatuses } from '../orders/order-lifecycle';
import { OrderModel, type OrderDocument } from '../orders/order.model';
import { csvRow, decimal } from '../orders/order-export';
import { orderLineView, shippingAddressView, statusHistoryView } from '../orders/order-view';
import { decodeCursor, encodeCursor } from './seller-products.service';

type OrderLine = OrderDocument['lines'][number];

const copy = (value: Money): Money => ({ amount: value.amount, currency: value.currency });

/** The seller's own lines of an order: the only part of it a seller ever sees. */
const linesOf = (order: OrderDocument, sellerId: Types.ObjectId): OrderLine[] => order.lines.filter((line) => line.sellerId?.equals(sellerId));

const commissionOf = (line: OrderLine): Money => (line.commission ? copy(line.commission.amount) : { amount: 0, currency: line.lineTotal.currency });

const payoutOf = (line: OrderLine): Money => ({ amount: line.lineTotal.amount - commissionOf(line).amount, currency: line.lineTotal.currency });

function totalsOf(lines: readonly OrderLine[], currency: string): SellerOrder['totals'] {
  const gross = sumMoney(lines.map((line) => line.lineTotal), currency);
  const commission = sumMoney(lines.map(commissionOf), currency);
  return { gross, commission, payout: { amount: gross.amount - commission.amount, currency } };
}

const mayShip = (order: OrderDocument, lines: readonly OrderLine[]) => (order.status === 'paid' || order.status === 'fulfilling') && lines.some((line) => !line.shipment);

/** An order as its seller sees it: their lines with commission, payout and shipment, and where to send them; never the shopper's email or the other sellers' lines. */
export function toSellerOrder(order: OrderDocument, sellerId: Types.ObjectId): SellerOrder {
  const lines = linesOf(order, sellerId);
  return {
    id: order._id.toString(),
    number: order.number,
    status: order.status,
    lines: lines.map((line) => {
      // The seller's own lines: who sells them goes without saying.
      const { sellerId: _seller, sellerName: _name, ...view } = orderLineView(line);
      return { ...view, commission: { basisPoints: line.commission?.basisPoints ?? 0, amount: commissionOf(line) }, payout: payoutOf(line) };
    }),
    totals: totalsOf(lines, order.totals.total.currency),
    otherSellersLineCount: order.lines.length - lines.length,
    shippingAddress: shippingAddressView(order.shippingAddress),
    shippingMethod: order.shippingMethod,
    statusHistory: statusHistoryView(order),
    mayShip: mayShip(order, lines),
    createdAt: order.createdAt.toISOString(),
  };
}

function toSellerOrderSummary(order: OrderDocument, sellerId: Types.ObjectId): SellerOrderSummary {
  const lines = linesOf(order, sellerId);
  return {
    id: order._id.toString(),
    number: order.number,
    status: order.status,
    totals: totalsOf(lines, order.totals.total.currency),
    mayShip: mayShip(order, lines),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    itemCount: lines.reduce((count, line) => count + line.quantity, 0),
    lineCount: lines.length,
    shippedLineCount: lines.filter((line) => line.shipment).length,
  };
}

/** One order of the seller's, or 404: another seller's order does not exist for them. */
export async function readSellerOrder(sellerId: Types.ObjectId, orderId: string): Promise<SellerOrder> {
  const order = await OrderModel.findOne({ _id: new Types.ObjectId(orderId), sellerIds: sellerId }).lean();
  if (!order) throw AppError.notFound('Order');
  return toSellerOrder(order, sellerId);
}

const invalidCursor = () => new AppError(400, 'validation_failed', 'Invalid query', [{ path: 'query.cursor', message: 'is not a cursor from this list' }]);

/**
 * Where a page starts. Newest first (the seller area), after the `_id` of the last order shown, as
 * the shoppers' list. With `updatedSince` (an integration's sync), in `(updatedAt, _id)` order
 * after the last one, as the products' sync list and for the same reason: an order that changes
 * while a client pages moves behind the cursor and comes again, none is skipped.
 */
function pageStart(query: { updatedSince?: string | undefined; cursor?: string | undefined }): { conditions: object[]; sort: Record<string, 1 | -1> } {
  if (query.updatedSince) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const conditions: object[] = [{ updatedAt: trusted({ $gte: new Date(query.updatedSince) }) }];
    if (after) conditions.push({ $or: [{ updatedAt: trusted({ $gt: after.updatedAt }) }, { updatedAt: after.updatedAt, _id: trusted({ $gt: after.id }) }] });
    return { conditions, sort: { updatedAt: 1, _id: 1 } };
  }
  if (query.cursor !== undefined && !isValidObjectId(query.cursor)) throw invalidCursor();
  return { conditions: query.cursor ? [{ _id: trusted({ $lt: new Types.ObjectId(query.cursor) }) }] : [], sort: { _id: -1 } };
}

/**
 * The seller's orders, a page at a time: the equality on `sellerIds` (indexed with `createdAt`) is
 * what FerretDB hands to PostgreSQL, the rest narrows that seller's orders. "To ship" is the paid
 * statuses, then, in code, the orders with a line of the seller's still unshipped.
 */
export async function listSellerOrders(
  sellerId: Types.ObjectId,
  query: { status?: OrderDocument['status'] | undefined; toShip: boolean; limit: number; updatedSince?: string | undefined; cursor?: string | undefined },
): Promise<SellerOrderList> {
  const { conditions, sort } = pageStart(query);
  const filter: QueryFilter<OrderDocument> = { sellerIds: sellerId, ...(conditions.length > 0 ? { $and: conditions } : {}) };
  if (query.status) filter.status = query.status;
  else if (query.toShip) filter.status = trusted({ $in: [...lineShippableStatuses] });
  const items: SellerOrderSummary[] = [];
  let last: OrderDocument | undefined;
  let more = false;
  // "To ship" leaves out orders whose lines of this seller are all shipped, so a page may take more than one read.
  for await (const order of OrderModel.find(filter).sort(sort).lean<OrderDocument[]>().cursor({ batchSize: query.limit + 1 })) {
    const current = order as OrderDocument;
    if (query.toShip && !mayShip(current, linesOf(current, sellerId))) continue;
    if (items.length === query.limit) {
      more = true;
      break;
    }
    items.push(toSellerOrderSummary(current, sellerId));
    last = current;
  }
  const nextCursor = more && last ? (query.updatedSince ? encodeCursor({ updatedAt: last.updatedAt, id: last._id }) : last._id.toString()) : null;
  return { items, nextCursor };
}

interface SalesPeriod {
  from: string;
  to: string;
  tz: string;
}

function salesFilter(sellerId: Types.ObjectId, period: SalesPeriod): QueryFilter<OrderDocument> {
  const filter: QueryFilter<OrderDocument> = { sellerIds: sellerId };
  const days = dayRangeCondition(period);
  if (days) filter.createdAt = days;
  return filter;
}

type SalesTotals = Omit<SellerSalesDay, 'day'>;

const noSales = (currency: string): SalesTotals => ({
  orderCount: 0,
  unitCount: 0,
  gross: { amount: 0, currency },
  commission: { amount: 0, currency },
  payout: { amount: 0, currency },
});

function addLines(day: SalesTotals, lines: readonly OrderLine[]): void {
  day.orderCount += 1;
  for (const line of lines) {
    day.unitCount += line.quantity;
    day.gross.amount += line.lineTotal.amount;
    day.commission.amount += commissionOf(line).amount;
    day.payout.amount += payoutOf(line).amount;
  }
}

/**
 * The seller's sales in orders placed on local days `from`..`to` in `tz`: only orders whose money
 * the shop keeps (paid to delivered), each under the day it was placed; those refunded afterwards
 * are counted apart. Read with the indexed equality on `sellerIds` and summed in code (SPEC 8).
 */
export async function sellerSalesReport(sellerId: Types.ObjectId, period: SalesPeriod, currency: string): Promise<SellerSalesReport> {
  const days = new Map<string, SellerSalesDay>();
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.set(day, { day, ...noSales(currency) });
  const totals = noSales(currency);
  const refunded = { orderCount: 0, gross: { amount: 0, currency } };
  const orders = await OrderModel.find(salesFilter(sellerId, period), { lines: 1, status: 1, createdAt: 1, 'payment.status': 1 }).lean<OrderDocument[]>();
  for (const order of orders) {
    const lines = linesOf(order, sellerId);
    if (soldStatuses.has(order.status)) {
      addLines(days.get(localDay(order.createdAt, period.tz))!, lines);
      addLines(totals, lines);
    } else if (order.payment.status === 'refunded') {
      refunded.orderCount += 1;
      refunded.gross.amount += sumMoney(lines.map((line) => line.lineTotal), currency).amount;
    }
  }
  return { from: period.from, to: period.to, tz: period.tz, totals, refunded, days: [...days.values()] };
}

export const sellerSalesCsvHeader = [
  'order_number', 'ordered_at', 'order_status', 'product_id', 'title', 'quantity', 'unit_price', 'line_total', 'commission_rate_percent', 'commission', 'payout', 'currency', 'shipped_at', 'carrier', 'tracking_number',
] as const;

/** The report's lines, one row per order line, oldest first: what the report's totals add up. */
export async function streamSellerSalesCsv(res: Response, sellerId: Types.ObjectId, period: SalesPeriod): Promise<void> {
  res.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="sales-${period.from}-to-${period.to}.csv"`,
    'Cache-Control': 'no-store',
  });
  res.write(csvRow(sellerSalesCsvHeader));
  const cursor = OrderModel.find(salesFilter(sellerId, period)).sort({ _id: 1 }).lean<OrderDocument[]>().cursor({ batchSize: 200 });
  try {
    for await (const found of cursor) {
      const order = found as OrderDocument;
      if (res.destroyed) break;
      if (!soldStatuses.has(order.status)) continue;
      const rows = linesOf(order, sellerId).map((line) =>
        csvRow([
          order.number,
          order.createdAt.toISOString(),
          order.status,
          line.productId.toString(),
          line.title,
          line.quantity,
          decimal(line.unitPrice),
          decimal(line.lineTotal),
          ((line.commission?.basisPoints ?? 0) / 100).toFixed(2),
          decimal(commissionOf(line)),
          decimal(payoutOf(line)),
          line.lineTotal.currency,
          line.shipment?.shippedAt.toISOString() ?? '',
          line.shipment?.carrier ?? '',
          line.shipment?.trackingNumber ?? '',
        ]),
      );
      if (!res.write(rows.join(''))) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  } finally {
    await cursor.close().catch(() => undefined);
  }
  res.end();
}
