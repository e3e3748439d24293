import type { ErrorBody } from '@shared/errors';
import type { Order, OrderList } from '@shared/orders/order';
import { Types } from 'mongoose';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placedOrder, type Shopper } from '../../test/checkout-helpers';
import { useTestShop } from '../../test/test-shop';
import { startOfLocalDay } from '../database/day-range-filter';
import { orderNumberOf } from './admin-order-filter';
import { OrderModel } from './order.model';
import { csvCell, orderCsvHeader } from './order-export';

/** The rows of an RFC 4180 document whose cells hold no line breaks, unquoted. */
function csvRows(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replaceAll('""', '"') : cell!)));
}

describe('admin order filters and CSV export (GET /api/admin/orders, /api/admin/orders/export.csv)', () => {
  const shop = useTestShop();
  let admin: Session;
  let sellerId: string;
  /** Every order of this spec has a line of this seller, so that `seller=` keeps other specs' orders out. */
  let sellerProductId: string;
  let plainProductId: string;

  beforeAll(async () => {
    let seller: Session;
    [admin, seller] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'seller')]);
    sellerId = seller.auth.user.id;
    const category = await createCategory(shop, 'Order filter lamps');
    sellerProductId = (await createProduct(shop, { category, stock: 500, price: 1500, sellerId: new Types.ObjectId(sellerId) }))._id.toString();
    plainProductId = (await createProduct(shop, { category, stock: 500, price: 900 }))._id.toString();
  });

  async function order(shopper: Shopper, options: { email?: string; name?: string; withSellerLine?: boolean } = {}): Promise<Order> {
    if (options.withSellerLine !== false) await addToCart(shop, shopper, sellerProductId);
    await addToCart(shop, shopper, plainProductId, 2);
    const base = orderRequest(options.email ? { email: options.email } : {});
    return placedOrder(shop, shopper, options.name ? { ...base, shippingAddress: { ...base.shippingAddress, name: options.name } } : base);
  }

  async function list(query: string, session: Session = admin): Promise<OrderList> {
    const response = await shop.request(`/api/admin/orders?${query}`, { headers: bearer(session) });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as OrderList;
  }

  const numbersOf = (answer: OrderList) => answer.items.map((item) => item.number);

  it('finds an order by its number however it is typed, or by its email, exactly', async () => {
    const guestEmail = `Filter.Guest.${Date.now()}@Example.test`;
    const placed = await order({}, { email: guestEmail });
    const other = await order({}, { email: `filter.other.${Date.now()}@example.test` });
    const [, digits] = /^MS-(.+)$/.exec(placed.number)!;

    for (const typed of [placed.number, placed.number.toLowerCase(), digits!.replace('-', ' '), digits!.replace('-', '')]) {
      expect(numbersOf(await list(`q=${encodeURIComponent(typed)}`))).withContext(typed).toEqual([placed.number]);
    }
    expect(numbersOf(await list(`q=${encodeURIComponent(guestEmail.toUpperCase())}`))).toEqual([placed.number]);
    expect(numbersOf(await list(`email=${encodeURIComponent(guestEmail)}`))).toEqual([placed.number]);
    // Neither a number nor an email, a part of one, or an operator: nothing, never a pattern.
    for (const typed of ['Filter.Guest', 'example.test', '.*', '{"$ne":null}']) {
      expect((await list(`q=${encodeURIComponent(typed)}`)).items).withContext(typed).toEqual([]);
    }
    expect(numbersOf(await list(`seller=${sellerId}`))).toContain(other.number);
  });

  it('combines status, customer and seller, and pages newest first', async () => {
    const customer: Shopper = { session: await signUp(shop) };
    const email = customer.session!.auth.user.email;
    const first = await order(customer);
    const second = await order(customer, { withSellerLine: false });
    const third = await order(customer);
    const packing = await shop.request(`/api/admin/orders/${third.id}/status`, { method: 'POST', headers: bearer(admin), json: { status: 'fulfilling', note: 'Packing' } });
    expect(packing.status).toBe(200);

    expect(numbersOf(await list(`email=${email}`))).toEqual([third.number, second.number, first.number]);
    expect(numbersOf(await list(`email=${email}&seller=${sellerId}`))).toEqual([third.number, first.number]);
    expect(numbersOf(await list(`email=${email}&status=paid`))).toEqual([second.number, first.number]);
    expect(numbersOf(await list(`email=${email}&status=fulfilling&seller=${sellerId}`))).toEqual([third.number]);
    // q and email must agree.
    expect((await list(`email=${email}&q=someone-else@example.test`)).items).toEqual([]);
  });

  it('takes from and to as local days of the time zone asked for', async () => {
    const email = `days.${Date.now()}@example.test`;
    // 23:30 UTC on 9 March is 10 March in Tokyo; 03:30 UTC on 10 March is still 9 March in New York (UTC-4 after the DST change of 8 March).
    const placedAt = ['2026-03-09T23:30:00Z', '2026-03-10T03:30:00Z', '2026-03-11T12:00:00Z'];
    const orders: Order[] = [];
    for (const instant of placedAt) {
      const placed = await order({}, { email });
      await OrderModel.collection.updateOne({ _id: new Types.ObjectId(placed.id) }, { $set: { createdAt: new Date(instant) } });
      orders.push(placed);
    }
    const [lateNight, earlyMorning, later] = orders.map((placed) => placed.number);
    const days = async (query: string) => numbersOf(await list(`email=${email}&${query}`)).sort();

    expect(await days('from=2026-03-10&to=2026-03-10')).toEqual([earlyMorning!]);
    expect(await days('from=2026-03-10&to=2026-03-10&tz=Asia/Tokyo')).toEqual([lateNight!, earlyMorning!].sort());
    expect(await days('from=2026-03-09&to=2026-03-09&tz=America/New_York')).toEqual([lateNight!, earlyMorning!].sort());
    expect(await days('from=2026-03-11')).toEqual([later!]);
    expect(await days('to=2026-03-09')).toEqual([lateNight!]);
  });

  it('exports the filtered orders as CSV, with formulas neutralised', async () => {
    const email = `csv.${Date.now()}@example.test`;
    const hostile = await order({}, { email, name: '=HYPERLINK("http://evil.test","Click")' });
    const plain = await order({}, { email, name: 'Ada, Countess "Lovelace"' });

    const response = await shop.request(`/api/admin/orders/export.csv?email=${email}`, { headers: bearer(admin) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = csvRows(await response.text());
    expect(header).toEqual([...orderCsvHeader]);
    expect(rows.map((row) => row[0])).toEqual([plain.number, hostile.number]);
    const cell = (row: string[], column: (typeof orderCsvHeader)[number]) => row[orderCsvHeader.indexOf(column)];
    expect(cell(rows[1]!, 'customer_name')).toBe('\'=HYPERLINK("http://evil.test","Click")');
    expect(cell(rows[0]!, 'customer_name')).toBe('Ada, Countess "Lovelace"');
    expect(cell(rows[0]!, 'email')).toBe(email);
    expect(cell(rows[0]!, 'item_count')).toBe('3');
    expect(cell(rows[0]!, 'total')).toBe((plain.totals.total.amount / 100).toFixed(2));
    expect(cell(rows[0]!, 'currency')).toBe('EUR');
    expect(cell(rows[0]!, 'status')).toBe('paid');

    const nothing = await shop.request('/api/admin/orders/export.csv?q=not-an-order', { headers: bearer(admin) });
    expect(nothing.status).toBe(200);
    expect(csvRows(await nothing.text())).toEqual([[...orderCsvHeader]]);
  });

  it('refuses bad filters with 400 and anyone but an admin with 401 or 403', async () => {
    const bad = ['status=lost', 'from=2026-13-01', 'from=yesterday', 'from=2026-03-10&to=2026-03-09', 'from=2000-01-01&to=2026-01-01', 'tz=Mars/Olympus', 'email=not-an-email', 'seller=42', 'q[$ne]=x', 'email[$gt]=', 'unknown=1'];
    for (const query of bad) {
      for (const path of ['/api/admin/orders', '/api/admin/orders/export.csv']) {
        const response = await shop.request(`${path}?${query}`, { headers: bearer(admin) });
        expect(response.status).withContext(`${path}?${query}`).toBe(400);
        expect(((await response.json()) as ErrorBody).error.code).toBe('validation_failed');
      }
    }
    const [customer, seller] = await Promise.all([signInAs(shop, 'customer'), signInAs(shop, 'seller')]);
    for (const path of ['/api/admin/orders', '/api/admin/orders/export.csv']) {
      expect((await shop.request(path)).status).toBe(401);
      expect((await shop.request(path, { headers: bearer(customer) })).status).toBe(403);
      expect((await shop.request(path, { headers: bearer(seller) })).status).toBe(403);
    }
  });
});

describe('order numbers as typed', () => {
  it('reads case, spaces, a missing prefix and look-alike letters, and nothing else', () => {
    expect(orderNumberOf('ms-7k3q-9xwd')).toBe('MS-7K3Q-9XWD');
    expect(orderNumberOf('7K3Q 9XWD')).toBe('MS-7K3Q-9XWD');
    expect(orderNumberOf('MS-7K3Q-9XWO')).toBe('MS-7K3Q-9XW0');
    expect(orderNumberOf('MS-1LI0-0000')).toBe('MS-1110-0000');
    expect(orderNumberOf('MS-7K3Q-9XW')).toBeUndefined();
    expect(orderNumberOf('someone@example.test')).toBeUndefined();
    expect(orderNumberOf('MS-UUUU-UUUU')).toBeUndefined();
  });
});

describe('the start of a local day', () => {
  it('follows the zone offset, summer time included', () => {
    expect(startOfLocalDay('2026-03-10', 'UTC').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-10', 'Asia/Tokyo').toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(startOfLocalDay('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-07T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', 'Europe/Dublin').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Asia/Kolkata').toISOString()).toBe('2026-06-30T18:30:00.000Z');
  });
});

describe('CSV cells', () => {
  it('quote separators and neutralise what a spreadsheet would run', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const formula of ['=1+1', '+1', '-1+2', '-A1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(formula).replace(/^"/, '')).withContext(formula).toMatch(/^'/);
    // A plain number is no formula, negative ones included: amount columns stay numbers.
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell(-3)).toBe('-3');
  });
});
