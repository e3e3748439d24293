import { addDays, daysBetween, localDay, type SalesFigures, type Stats, type statsQuerySchema } from '@shared/admin/stats';
import { orderStatuses } from '@shared/orders/order-status';
import { trusted } from 'mongoose';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { CatalogSource, CategoryRecord } from '../catalog/catalog-source';
import { isDuplicateKeyError } from '../database/errors';
import type { OrderEvent, ShopEvents } from '../events/shop-events';
import { OrderModel, type OrderDocument } from '../orders/order.model';
import { soldStatuses } from '../orders/order-lifecycle';
import { toOrderEvent } from '../orders/order-view';
import { FirstOrderModel, SalesHourModel, hourKeyOf, type SalesHourDocument } from './sales-hour.model';

const topProductCount = 8;
const lowStockCount = 20;
/** The low products read to pick the lowest `lowStockCount` of. */
const lowStockCandidates = 1000;
/** No time zone is further than this from UTC: the hours read around a period cover all of its local days. */
const widestOffsetMs = 14 * 60 * 60 * 1000;
const uncategorised = 'none';

type Sale = Pick<OrderEvent, 'orderId' | 'email' | 'total' | 'lines' | 'createdAt'>;

/**
 * The overview's sales figures (SPEC section 6, `GET /api/admin/stats`). An order counts once it
 * is paid, in the hour it was placed, and counts no more once refunded (cancelled after payment,
 * or returned): each of those moves happens once, guarded by the order's status, and adds or takes
 * away its totals with one `$inc` on the hour. The report sums at most two periods' hours in code.
 *
 * A crash between an order's move and its `$inc` leaves that order out of the figures, never in
 * them twice; `recountSales` counts every order again from the orders themselves.
 */
export class SalesStats {
  constructor(
    private readonly catalog: CatalogSource,
    private readonly currency: string,
    private readonly log: Logger,
  ) {}

  subscribe(events: ShopEvents): void {
    events.on('order.status_changed', async (order, origin) => {
      // Every instance sees every move; only the one that made it counts it.
      if (origin !== 'local') return;
      const paid = order.from === 'pending_payment' && order.status === 'paid';
      const refunded = soldStatuses.has(order.from) && (order.status === 'cancelled' || order.status === 'returned');
      if (!paid && !refunded) return;
      try {
        await countSale(order, paid ? 1 : -1);
      } catch (error) {
        this.log.error({ err: error, orderId: order.orderId }, 'could not count an order in the sales figures');
      }
    });
  }

  async report(query: z.output<typeof statsQuerySchema>): Promise<Stats> {
    const { from, to, tz } = query;
    const length = daysBetween(from, to) + 1;
    const previous = { from: addDays(from, -length), to: addDays(from, -1) };
    const hours = await SalesHourModel.find({
      _id: trusted({ $gte: hourKeyOf(new Date(Date.parse(`${previous.from}T00:00:00Z`) - widestOffsetMs)), $lte: hourKeyOf(new Date(Date.parse(`${to}T23:59:59Z`) + widestOffsetMs)) }),
    }).lean<SalesHourDocument[]>();

    const current: SalesHourDocument[] = [];
    const before: SalesHourDocument[] = [];
    const byDay = new Map<string, { revenue: number; orders: number }>();
    for (let day = from; day <= to; day = addDays(day, 1)) byDay.set(day, { revenue: 0, orders: 0 });
    for (const hour of hours) {
      const day = localDay(new Date(`${hour._id}:00:00Z`), tz);
      if (day >= from && day <= to) {
        current.push(hour);
        const total = byDay.get(day)!;
        total.revenue += hour.revenue;
        total.orders += hour.orders;
      } else if (day >= previous.from && day <= previous.to) {
        before.push(hour);
      }
    }

    const [ordersByStatus, categories, lowStock] = await Promise.all([this.ordersByStatus(), this.catalog.categories(), this.lowStock()]);
    return {
      from,
      to,
      tz,
      current: this.figures(current),
      previous: { ...this.figures(before), ...previous },
      revenueByDay: [...byDay].map(([day, total]) => ({ day, revenue: this.money(total.revenue), orders: total.orders })),
      ordersByStatus,
      topProducts: this.topProducts(current),
      salesByCategory: this.salesByCategory(current, categories),
      lowStock,
    };
  }

  private figures(hours: readonly SalesHourDocument[]): SalesFigures {
    const sum = (field: 'orders' | 'revenue' | 'units' | 'newCustomers') => hours.reduce((total, hour) => total + (hour[field] ?? 0), 0);
    const orders = sum('orders');
    const revenue = sum('revenue');
    return {
      revenue: this.money(revenue),
      orders,
      // Rounded half up to the cent.
      averageOrderValue: this.money(orders > 0 ? Math.round(revenue / orders) : 0),
      unitsSold: sum('units'),
      newCustomers: sum('newCustomers'),
    };
  }

  private topProducts(hours: readonly SalesHourDocument[]): Stats['topProducts'] {
    const products = new Map<string, { title: string; units: number; revenue: number }>();
    for (const hour of hours) {
      for (const [productId, sold] of Object.entries(hour.products ?? {})) {
        const total = products.get(productId) ?? { title: sold.title ?? 'A product', units: 0, revenue: 0 };
        total.units += sold.units ?? 0;
        total.revenue += sold.revenue ?? 0;
        products.set(productId, total);
      }
    }
    return [...products]
      .filter(([, total]) => total.units > 0)
      .sort(([, a], [, b]) => b.revenue - a.revenue || b.units - a.units)
      .slice(0, topProductCount)
      .map(([productId, total]) => ({ productId, title: total.title, unitsSold: total.units, revenue: this.money(total.revenue) }));
  }

  /** Sales per top-level category: a leaf's sales count in the root of its branch. */
  private salesByCategory(hours: readonly SalesHourDocument[], categories: readonly CategoryRecord[]): Stats['salesByCategory'] {
    const byId = new Map(categories.map((category) => [category.id, category]));
    const rootOf = (id: string): CategoryRecord | undefined => {
      let category = byId.get(id);
      for (let depth = 0; category?.parentId && depth < 10; depth += 1) category = byId.get(category.parentId) ?? category;
      return category;
    };
    const totals = new Map<string | null, { name: string; units: number; revenue: number }>();
    for (const hour of hours) {
      for (const [categoryId, sold] of Object.entries(hour.categories ?? {})) {
        const root = categoryId === uncategorised ? undefined : rootOf(categoryId);
        const key = root?.id ?? null;
        const total = totals.get(key) ?? { name: root?.name ?? 'Other', units: 0, revenue: 0 };
        total.units += sold.units ?? 0;
        total.revenue += sold.revenue ?? 0;
        totals.set(key, total);
      }
    }
    return [...totals]
      .filter(([, total]) => total.units > 0)
      .sort(([, a], [, b]) => b.revenue - a.revenue)
      .map(([categoryId, total]) => ({ categoryId, name: total.name, revenue: this.money(total.revenue), unitsSold: total.units }));
  }

  private async ordersByStatus(): Promise<Stats['ordersByStatus']> {
    // Equalities on the indexed status, one per status, rather than a $group FerretDB would run over every order.
    return Promise.all(orderStatuses.map(async (status) => ({ status, count: await OrderModel.countDocuments({ status }) })));
  }

  /** Active products at or below their low-stock threshold, fewest left first. */
  private async lowStock(): Promise<Stats['lowStock']> {
    // The admin list's own low-stock filter: from the memory copy where there is one, and on the
    // database only the products at or below the highest threshold are compared.
    const { products } = await this.catalog.adminList({ words: [], status: 'active', categoryId: undefined, lowStockOnly: true, skip: 0, limit: lowStockCandidates });
    return products
      .sort((a, b) => a.available - b.available || a.title.localeCompare(b.title))
      .slice(0, lowStockCount)
      .map((product) => ({ productId: product._id.toString(), title: product.title, available: product.available, threshold: product.lowStockThreshold }));
  }

  private money(amount: number): { amount: number; currency: string } {
    return { amount, currency: this.currency };
  }
}

/** Adds a paid order to the hour it was placed in (`sign` 1), or takes a refunded one out (-1), in one `$inc`. */
async function countSale(sale: Sale, sign: 1 | -1): Promise<void> {
  const inc: Record<string, number> = { orders: sign, revenue: sign * sale.total.amount, units: 0 };
  const set: Record<string, string> = {};
  const add = (path: string, value: number) => {
    inc[path] = (inc[path] ?? 0) + value;
  };
  for (const line of sale.lines) {
    add('units', sign * line.quantity);
    add(`products.${line.productId}.units`, sign * line.quantity);
    add(`products.${line.productId}.revenue`, sign * line.lineTotal.amount);
    add(`categories.${line.categoryId ?? uncategorised}.units`, sign * line.quantity);
    add(`categories.${line.categoryId ?? uncategorised}.revenue`, sign * line.lineTotal.amount);
    set[`products.${line.productId}.title`] = line.title;
  }
  if (sign === 1 && (await isFirstOrder(sale))) inc['newCustomers'] = 1;
  await SalesHourModel.updateOne({ _id: hourKeyOf(new Date(sale.createdAt)) }, { $inc: inc, $set: set }, { upsert: true });
}

/**
 * The first paid order of an email makes a new customer; a later refund does not unmake one. An
 * upsert, not an insert that fails on a repeat: on FerretDB v1 over PostgreSQL, the 33rd failed
 * insert of one `_id` in a row was seen to run for minutes (the demo shopper's orders, recounted).
 */
async function isFirstOrder(sale: Sale): Promise<boolean> {
  try {
    const { upsertedCount } = await FirstOrderModel.updateOne(
      { _id: sale.email.toLowerCase() },
      { $setOnInsert: { orderId: sale.orderId, at: new Date(sale.createdAt) } },
      { upsert: true },
    );
    return upsertedCount === 1;
  } catch (error) {
    // Two first orders at once on MongoDB: the other upsert made the record.
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Counts every order again, from scratch: after the demo orders are seeded, or to repair figures
 * a crash left short. Paid orders are read by an equality on each sold status, which FerretDB
 * answers from its index, and counted oldest first, so each shopper's first order is the one that
 * makes them new.
 */
export async function recountSales(): Promise<number> {
  await SalesHourModel.deleteMany({});
  await FirstOrderModel.deleteMany({});
  const sold: OrderDocument[] = [];
  for (const status of soldStatuses) sold.push(...(await OrderModel.find({ status }).lean()));
  sold.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const order of sold) await countSale(toOrderEvent(order), 1);
  return sold.length;
}
