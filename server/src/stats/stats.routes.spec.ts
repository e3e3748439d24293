import type { Stats } from '@shared/admin/stats';
import { Types } from 'mongoose';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placedOrder, type Shopper } from '../../test/checkout-helpers';
import { useTestShop } from '../../test/test-shop';
import { OrderModel } from '../orders/order.model';
import { recountSales } from './sales-stats';

describe('sales figures (GET /api/admin/stats)', () => {
  const shop = useTestShop();
  let admin: Session;
  let category: Awaited<ReturnType<typeof createCategory>>;
  let leaf: Awaited<ReturnType<typeof createCategory>>;

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    category = await createCategory(shop, 'Stats home');
    leaf = await createCategory(shop, 'Stats lamps', category);
  });

  async function stats(query: string): Promise<Stats> {
    const response = await shop.request(`/api/admin/stats?${query}`, { headers: bearer(admin) });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as Stats;
  }

  const today = () => new Date().toISOString().slice(0, 10);
  const amountOf = (answer: Stats, day: string) => answer.revenueByDay.find((entry) => entry.day === day)?.revenue.amount ?? 0;

  it('counts paid orders as they are placed, and takes a refunded one back out', async () => {
    const lamp = await createProduct(shop, { category: leaf, stock: 10, price: 2000, title: 'Figures lamp' });
    const before = await stats(`from=${today()}&to=${today()}`);
    const shopper: Shopper = { session: await signUp(shop) };
    await addToCart(shop, shopper, lamp._id.toString(), 2);
    const first = await placedOrder(shop, shopper);
    await addToCart(shop, shopper, lamp._id.toString(), 1);
    const second = await placedOrder(shop, shopper);
    const guest: Shopper = {};
    await addToCart(shop, guest, lamp._id.toString(), 3);
    const third = await placedOrder(shop, guest, orderRequest({ email: 'figures-guest@example.test' }));

    const after = await stats(`from=${today()}&to=${today()}`);
    const placedTotal = first.totals.total.amount + second.totals.total.amount + third.totals.total.amount;
    expect(after.current.orders - before.current.orders).toBe(3);
    expect(after.current.revenue.amount - before.current.revenue.amount).toBe(placedTotal);
    expect(after.current.unitsSold - before.current.unitsSold).toBe(6);
    // The shopper's second order does not make them new again.
    expect(after.current.newCustomers - before.current.newCustomers).toBe(2);
    expect(after.current.averageOrderValue.amount).toBe(Math.round(after.current.revenue.amount / after.current.orders));
    expect(amountOf(after, today()) - amountOf(before, today())).toBe(placedTotal);
    expect(after.topProducts).toContain({ productId: lamp._id.toString(), title: 'Figures lamp', unitsSold: 6, revenue: { amount: 12_000, currency: 'EUR' } });
    // Sales of a leaf category count in its top-level category.
    const homeUnits = (answer: Stats) => answer.salesByCategory.find((entry) => entry.categoryId === category._id.toString())?.unitsSold ?? 0;
    expect(after.salesByCategory).toContain(jasmine.objectContaining({ categoryId: category._id.toString(), name: 'Stats home' }));
    expect(homeUnits(after) - homeUnits(before)).toBe(6);
    expect(after.ordersByStatus.find((entry) => entry.status === 'paid')!.count - before.ordersByStatus.find((entry) => entry.status === 'paid')!.count).toBe(3);

    const cancelled = await shop.request(`/api/admin/orders/${third.id}/status`, { method: 'POST', headers: bearer(admin), json: { status: 'cancelled', note: 'Refund asked' } });
    expect(cancelled.status).toBe(200);
    const refunded = await stats(`from=${today()}&to=${today()}`);
    expect(refunded.current.orders - before.current.orders).toBe(2);
    expect(refunded.current.revenue.amount - before.current.revenue.amount).toBe(first.totals.total.amount + second.totals.total.amount);
    expect(refunded.current.unitsSold - before.current.unitsSold).toBe(3);
  });

  it('puts each order in the local day of the time zone asked for, across a day boundary, and compares with the period before', async () => {
    const lamp = await createProduct(shop, { category: leaf, stock: 10, price: 1000 });
    const placedAt = ['2026-03-09T23:30:00Z', '2026-03-10T00:30:00Z', '2026-03-08T12:00:00Z'];
    const orders = [];
    for (const [index, instant] of placedAt.entries()) {
      const guest: Shopper = {};
      await addToCart(shop, guest, lamp._id.toString());
      const order = await placedOrder(shop, guest, orderRequest({ email: `zone${index}@example.test` }));
      // Through the driver: mongoose keeps createdAt immutable.
      await OrderModel.collection.updateOne({ _id: new Types.ObjectId(order.id) }, { $set: { createdAt: new Date(instant) } });
      orders.push(order);
    }
    // Figures are counted when orders are paid; moved back in time here, they are counted again from the orders.
    await recountSales();
    const [late, early, sunday] = orders.map((order) => order.totals.total.amount) as [number, number, number];

    const utc = await stats('from=2026-03-09&to=2026-03-10&tz=UTC');
    expect(utc.revenueByDay).toEqual([
      { day: '2026-03-09', revenue: { amount: late, currency: 'EUR' }, orders: 1 },
      { day: '2026-03-10', revenue: { amount: early, currency: 'EUR' }, orders: 1 },
    ]);
    // The two days before: 7 and 8 March, with Sunday's order.
    expect(utc.previous).toEqual(jasmine.objectContaining({ from: '2026-03-07', to: '2026-03-08', orders: 1, revenue: { amount: sunday, currency: 'EUR' } }));

    // New York (UTC-4 since 8 March): both evening orders fall on the 9th.
    const newYork = await stats('from=2026-03-09&to=2026-03-10&tz=America/New_York');
    expect(newYork.revenueByDay.map((entry) => [entry.day, entry.orders])).toEqual([
      ['2026-03-09', 2],
      ['2026-03-10', 0],
    ]);
    // Tokyo (UTC+9): both fall on the 10th.
    const tokyo = await stats('from=2026-03-10&to=2026-03-10&tz=Asia/Tokyo');
    expect(tokyo.current.orders).toBe(2);
    expect(tokyo.current.revenue.amount).toBe(late + early);
  });

  it('lists active products at or below their low-stock threshold', async () => {
    const low = await createProduct(shop, { category: leaf, stock: 2, title: 'Nearly gone lamp' });
    await createProduct(shop, { category: leaf, stock: 50, title: 'Plenty lamp' });
    const answer = await stats(`from=${today()}&to=${today()}`);
    expect(answer.lowStock).toContain({ productId: low._id.toString(), title: 'Nearly gone lamp', available: 2, threshold: 5 });
    expect(answer.lowStock.map((entry) => entry.title)).not.toContain('Plenty lamp');
  });

  it('refuses bad periods and time zones with 400, and anyone but an admin', async () => {
    for (const query of ['from=2026-03-10&to=2026-03-09', 'from=2026-03-10&to=2026-03-10&tz=Mars/Olympus', 'from=2026-13-01&to=2026-13-02', 'from=2025-01-01&to=2026-03-01', 'to=2026-03-01', 'from[$gt]=&to=2026-03-01']) {
      const response = await shop.request(`/api/admin/stats?${query}`, { headers: bearer(admin) });
      expect(response.status).withContext(query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).withContext(query).toBe('validation_failed');
    }
    const customer = await signInAs(shop, 'customer');
    expect((await shop.request(`/api/admin/stats?from=${today()}&to=${today()}`, { headers: bearer(customer) })).status).toBe(403);
    const seller = await signInAs(shop, 'seller');
    expect((await shop.request(`/api/admin/stats?from=${today()}&to=${today()}`, { headers: bearer(seller) })).status).toBe(403);
    expect((await shop.request(`/api/admin/stats?from=${today()}&to=${today()}`)).status).toBe(401);
  });
});
