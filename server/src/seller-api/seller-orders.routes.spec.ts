import type { ErrorBody } from '@shared/errors';
import type { Order } from '@shared/orders/order';
import type { CreatedSellerApiKey } from '@shared/sellers/seller-api';
import type { SellerOrder, SellerOrderList, SellerSalesReport } from '@shared/sellers/seller-orders';
import { Types } from 'mongoose';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placedOrder, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { nextEvent, SocketClients } from '../../test/socket-clients';
import { useTestShop } from '../../test/test-shop';
import { localDay } from '@shared/admin/stats-days';
import { OrderModel } from '../orders/order.model';
import { SellerModel } from '../sellers/seller.model';
import { ensureSellerRecords } from '../sellers/sellers.service';

describe('Seller orders (/api/seller/orders, /api/seller/sales)', () => {
  const shop = useTestShop();
  const sockets = new SocketClients(shop);
  let category: Awaited<ReturnType<typeof createCategory>>;
  let admin: Session;

  beforeAll(async () => {
    category = await createCategory(shop, 'Seller order lamps');
    admin = await signInAs(shop, 'admin');
  });
  afterEach(() => sockets.closeAll());

  interface Seller {
    session: Session;
    id: Types.ObjectId;
    /** A read-and-write API key of theirs. */
    key: string;
    product: { _id: Types.ObjectId };
  }

  async function newSeller(price = 2000, title?: string): Promise<Seller> {
    const session = await signInAs(shop, 'seller');
    await ensureSellerRecords({ userId: session.auth.user.id });
    const id = new Types.ObjectId(session.auth.user.id);
    const created = await shop.request('/api/seller/keys', { method: 'POST', headers: bearer(session), json: { name: 'Sync', scopes: ['read', 'write'] } });
    const key = ((await created.json()) as CreatedSellerApiKey).key;
    const product = await createProduct(shop, { category, price, stock: 50, sellerId: id, ...(title ? { title } : {}) });
    return { session, id, key, product };
  }

  const withKey = (key: string) => ({ authorization: `Bearer ${key}` });
  /** The two ways a seller is let in: their session, and their key. */
  const credentialsOf = (seller: Seller) => [bearer(seller.session), withKey(seller.key)];

  async function buy(lines: Array<[{ _id: Types.ObjectId }, number]>): Promise<{ order: Order; shopper: Shopper }> {
    const shopper: Shopper = { session: await signUp(shop) };
    for (const [product, quantity] of lines) await addToCart(shop, shopper, product._id.toString(), quantity);
    return { order: await placedOrder(shop, shopper), shopper };
  }

  const ship = (seller: Seller, orderId: string, productId: Types.ObjectId, json: unknown = { carrier: 'DHL', trackingNumber: 'JJD0099887766' }, headers = bearer(seller.session)) =>
    shop.request(`/api/seller/orders/${orderId}/lines/${productId.toString()}/shipment`, { method: 'POST', headers, json });

  async function sellerOrder(seller: Seller, orderId: string): Promise<SellerOrder> {
    const response = await shop.request(`/api/seller/orders/${orderId}`, { headers: bearer(seller.session) });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as SellerOrder;
  }

  const errorCodeOf = async (response: Response) => ((await response.json()) as ErrorBody).error.code;

  it('shows each seller of a multi-seller order only their own lines, totals and commission, and never the shopper\'s email', async () => {
    const [a, b] = await Promise.all([newSeller(2000), newSeller(1500)]);
    const own = await createProduct(shop, { category, price: 700, stock: 10 });
    const { order } = await buy([[a.product, 2], [b.product, 1], [own, 1]]);

    for (const [seller, product, gross] of [[a, a.product, 4000], [b, b.product, 1500]] as const) {
      for (const headers of credentialsOf(seller)) {
        const list = (await (await shop.request('/api/seller/orders', { headers })).json()) as SellerOrderList;
        expect(list.items.map((item) => item.id)).toEqual([order.id]);
        const response = await shop.request(`/api/seller/orders/${order.id}`, { headers });
        const text = await response.text();
        expect(text).not.toContain(order.email);
        const view = JSON.parse(text) as SellerOrder;
        expect(view.lines.map((line) => line.productId)).toEqual([product._id.toString()]);
        expect(view.otherSellersLineCount).toBe(2);
        // The default commission, 10%, as recorded on the line at purchase.
        expect(view.totals).toEqual({ gross: { amount: gross, currency: 'EUR' }, commission: { amount: gross / 10, currency: 'EUR' }, payout: { amount: gross * 0.9, currency: 'EUR' } });
        expect(view.mayShip).toBeTrue();
      }
    }
  });

  it('moves the order to fulfilling at the first shipped line and to shipped only when every line is, live for the shopper', async () => {
    const [a, b] = await Promise.all([newSeller(), newSeller()]);
    const { order, shopper } = await buy([[a.product, 1], [b.product, 3]]);
    const socket = await sockets.connect(shopper.session);

    const fulfilling = nextEvent(socket, 'order:status', (event) => event.orderId === order.id && event.status === 'fulfilling');
    const first = await ship(a, order.id, a.product._id);
    expect(first.status).withContext(await first.clone().text()).toBe(200);
    expect(((await first.json()) as SellerOrder).status).toBe('fulfilling');
    await fulfilling;
    expect((await sellerOrder(b, order.id)).mayShip).toBeTrue();
    expect((await sellerOrder(a, order.id)).mayShip).withContext('A has nothing left to ship').toBeFalse();

    const shipped = nextEvent(socket, 'order:status', (event) => event.orderId === order.id && event.status === 'shipped');
    const last = await ship(b, order.id, b.product._id, { carrier: 'An Post', trackingNumber: 'CE 123 456 789 IE' });
    expect(((await last.json()) as SellerOrder).status).toBe('shipped');
    await shipped;

    const seen = (await (await shop.request(`/api/orders/${order.id}`, { headers: bearer(shopper.session!) })).json()) as Order;
    expect(seen.status).toBe('shipped');
    expect(seen.lines.map((line) => line.shipment && [line.shipment.carrier, line.shipment.trackingNumber])).toEqual([
      ['DHL', 'JJD0099887766'],
      ['An Post', 'CE 123 456 789 IE'],
    ]);
    expect(seen.statusHistory.map((change) => [change.status, change.by])).toEqual([
      ['pending_payment', 'shopper'],
      ['paid', 'payment'],
      ['fulfilling', 'seller'],
      ['shipped', 'seller'],
    ]);
    // Shipping captures the authorised payment, as an admin's shipping does.
    expect((await OrderModel.findById(order.id).lean())!.payment.status).toBe('captured');
  });

  it('lets an admin ship the shop\'s own lines of a mixed order, and only those; the last line shipped ships the order', async () => {
    const a = await newSeller();
    await SellerModel.updateOne({ _id: a.id }, { $set: { shopName: 'Lamp Works A' } });
    const own = await createProduct(shop, { category, price: 900, stock: 10 });
    const { order } = await buy([[own, 1], [a.product, 1]]);
    // "Sold by", as the seller's shop was named when the order was placed; nobody for the shop's own line.
    expect(order.lines.map((line) => line.sellerName)).toEqual([null, 'Lamp Works A']);
    const shipOwn = (productId: Types.ObjectId, headers = bearer(admin), json: unknown = { carrier: 'GLS', trackingNumber: 'GLS-4410-2231' }) =>
      shop.request(`/api/admin/orders/${order.id}/lines/${productId.toString()}/shipment`, { method: 'POST', headers, json });

    const sellersLine = await shipOwn(a.product._id);
    expect(sellersLine.status).withContext('the seller ships their own line').toBe(404);
    expect((await shipOwn(own._id, bearer(a.session))).status).withContext('a seller').toBe(403);
    expect((await shipOwn(own._id, bearer(admin), { carrier: 'GLS', trackingNumber: '<b>' })).status).toBe(400);

    const first = await shipOwn(own._id);
    expect(first.status).withContext(await first.clone().text()).toBe(200);
    const moved = (await first.json()) as Order;
    expect(moved.status).toBe('fulfilling');
    expect(moved.lines.map((line) => line.shipment?.carrier ?? null)).toEqual(['GLS', null]);
    expect((await sellerOrder(a, order.id)).mayShip).withContext('the seller\'s line still waits').toBeTrue();
    expect((await shipOwn(own._id)).status).withContext('the same shipment again').toBe(200);
    expect((await shipOwn(own._id, bearer(admin), { carrier: 'DHL', trackingNumber: 'JJD0099887766' })).status).withContext('another one').toBe(409);

    expect((await ship(a, order.id, a.product._id)).status).toBe(200);
    const stored = (await OrderModel.findById(order.id).lean())!;
    expect(stored.status).toBe('shipped');
    expect(stored.statusHistory.map((change) => [change.status, change.by, change.note ?? null])).toEqual([
      ['pending_payment', 'shopper', null],
      ['paid', 'payment', null],
      ['fulfilling', 'admin', 'The shop shipped with GLS, tracking number GLS-4410-2231'],
      ['shipped', 'seller', 'Every line has shipped'],
    ]);
  });

  it('ships the order exactly once when its two sellers ship their last lines at the same moment', async () => {
    const [a, b] = await Promise.all([newSeller(), newSeller()]);
    const { order } = await buy([[a.product, 1], [b.product, 1]]);
    const answers = await Promise.all([ship(a, order.id, a.product._id), ship(b, order.id, b.product._id)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const stored = (await OrderModel.findById(order.id).lean())!;
    expect(stored.status).toBe('shipped');
    expect(stored.statusHistory.filter((change) => change.status === 'shipped').length).toBe(1);
    expect(stored.statusHistory.filter((change) => change.status === 'fulfilling').length).toBe(1);
    expect(stored.lines.every((line) => line.shipment)).toBeTrue();
  });

  it('takes a retried shipment as the same one, refuses another tracking number, an unpaid or cancelled order, and bad input', async () => {
    const [a, b] = await Promise.all([newSeller(), newSeller()]);
    const { order } = await buy([[a.product, 1], [b.product, 1]]);
    expect((await ship(a, order.id, a.product._id)).status).toBe(200);
    const again = await ship(a, order.id, a.product._id);
    expect(again.status).toBe(200);
    expect(((await again.json()) as SellerOrder).lines[0]!.shipment!.trackingNumber).toBe('JJD0099887766');
    const other = await ship(a, order.id, a.product._id, { carrier: 'DHL', trackingNumber: 'OTHER123' });
    expect(other.status).toBe(409);

    for (const json of [{}, { carrier: 'D', trackingNumber: 'JJD0099887766' }, { carrier: 'DHL', trackingNumber: { $gt: '' } }, { carrier: 'DHL', trackingNumber: '<b>x</b>' }, { carrier: 'DHL', trackingNumber: 'ABC123', status: 'delivered' }]) {
      const response = await ship(b, order.id, b.product._id, json);
      expect(response.status).withContext(JSON.stringify(json)).toBe(400);
      expect(await errorCodeOf(response)).toBe('validation_failed');
    }

    const unpaid = await placeOrder(shop, await (async () => {
      const shopper: Shopper = { session: await signUp(shop) };
      await addToCart(shop, shopper, b.product._id.toString());
      return shopper;
    })(), orderRequest({}, '4000000000000077'));
    const pending = (await unpaid.json()) as Order;
    expect(pending.status).toBe('pending_payment');
    const tooEarly = await ship(b, pending.id, b.product._id);
    expect(tooEarly.status).toBe(409);
    expect(((await tooEarly.json()) as ErrorBody).error.message).toContain('not paid yet');

    const cancelled = await shop.request(`/api/admin/orders/${order.id}/status`, { method: 'POST', headers: bearer(admin), json: { status: 'cancelled' } });
    expect(cancelled.status).withContext(await cancelled.clone().text()).toBe(200);
    expect((await ship(b, order.id, b.product._id)).status).toBe(409);
  });

  it('never lets seller A read or change seller B\'s orders, lines, products, stock, questions or keys, by session or by key', async () => {
    const [a, b] = await Promise.all([newSeller(), newSeller()]);
    const { order: shared, shopper } = await buy([[a.product, 1], [b.product, 1]]);
    const asked = await shop.request(`/api/products/${b.product._id.toString()}/questions`, { method: 'POST', headers: bearer(shopper.session!), json: { text: 'Does it come with a plug for Ireland?' } });
    expect(asked.status).withContext(await asked.clone().text()).toBe(201);
    const question = (await asked.json()) as { id: string };
    const { order: onlyB } = await buy([[b.product, 1]]);
    const bKeys = (await (await shop.request('/api/seller/keys', { headers: bearer(b.session) })).json()) as { items: Array<{ id: string }> };
    const bProduct = b.product._id.toString();

    for (const headers of credentialsOf(a)) {
      const calls: Array<[string, string, unknown?]> = [
        ['GET', `/api/seller/orders/${onlyB.id}`],
        ['POST', `/api/seller/orders/${onlyB.id}/lines/${bProduct}/shipment`, { carrier: 'DHL', trackingNumber: 'JJD1' + '000' }],
        // A's own order, B's line in it.
        ['POST', `/api/seller/orders/${shared.id}/lines/${bProduct}/shipment`, { carrier: 'DHL', trackingNumber: 'JJD2000' }],
        ['GET', `/api/seller/products/${bProduct}`],
        ['PATCH', `/api/seller/products/${bProduct}`, { title: 'Taken over' }],
        ['POST', `/api/seller/products/${bProduct}/stock`, { set: 0, reason: 'Sabotage' }],
        ['GET', `/api/seller/products/${bProduct}/stock-movements`],
        ['POST', `/api/questions/${question.id}/answers`, { text: 'Yes, it does.' }],
      ];
      for (const [method, path, json] of calls) {
        const response = await shop.request(path, { method, headers, ...(json ? { json } : {}) });
        expect(response.status).withContext(`${method} ${path}`).toBe(404);
        expect(await errorCodeOf(response)).toBe('not_found');
      }
      const list = (await (await shop.request('/api/seller/orders', { headers })).json()) as SellerOrderList;
      expect(list.items.map((item) => item.id)).toEqual([shared.id]);
      const sold = (await (await shop.request('/api/seller/catalogue', { headers })).json()) as { items: Array<{ id: string }> };
      expect(sold.items.map((item) => item.id)).toEqual([a.product._id.toString()]);
      const questions = (await (await shop.request('/api/seller/questions?status=unanswered', { headers })).json()) as { items: unknown[] };
      expect(questions.items).toEqual([]);
    }
    // B answers their own question with their key.
    const answered = await shop.request(`/api/questions/${question.id}/answers`, { method: 'POST', headers: withKey(b.key), json: { text: 'Yes, it does.' } });
    expect(answered.status).withContext(await answered.clone().text()).toBe(201);
    // Keys are managed with a session only; B's key is not A's to revoke.
    expect((await shop.request(`/api/seller/keys/${bKeys.items[0]!.id}`, { method: 'DELETE', headers: bearer(a.session) })).status).toBe(404);
    expect((await shop.request('/api/seller/orders', { headers: withKey(b.key) })).status).withContext('B\'s key still works').toBe(200);

    const untouched = (await OrderModel.findById(shared.id).lean())!;
    expect(untouched.lines.map((line) => line.shipment ?? null)).toEqual([null, null]);
    expect(untouched.status).toBe('paid');
  });

  it('syncs orders changed since a time, oldest change first, by cursor: one shipped while paging comes again, none is missed', async () => {
    const a = await newSeller();
    const since = new Date().toISOString();
    const placed = [];
    for (let index = 0; index < 3; index += 1) placed.push((await buy([[a.product, 1]])).order);
    const page = async (cursor?: string) => {
      const response = await shop.request(`/api/seller/orders?limit=2&updatedSince=${encodeURIComponent(since)}${cursor ? `&cursor=${cursor}` : ''}`, { headers: withKey(a.key) });
      expect(response.status).withContext(await response.clone().text()).toBe(200);
      return (await response.json()) as SellerOrderList;
    };
    const first = await page();
    expect(first.items.map((item) => item.id)).toEqual([placed[0]!.id, placed[1]!.id]);
    // The first order changes while the client pages: it moves behind the cursor and comes again.
    expect((await ship(a, placed[0]!.id, a.product._id)).status).toBe(200);
    const second = await page(first.nextCursor!);
    expect(second.items.map((item) => [item.id, item.status])).toEqual([
      [placed[2]!.id, 'paid'],
      [placed[0]!.id, 'shipped'],
    ]);
    expect(second.nextCursor).toBeNull();
    expect(Date.parse(second.items[1]!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(second.items[0]!.updatedAt));

    const garbage = await shop.request(`/api/seller/orders?updatedSince=${encodeURIComponent(since)}&cursor=bm90LWEtY3Vyc29y`, { headers: withKey(a.key) });
    expect(garbage.status).toBe(400);
  });

  it('lets a read key read orders but not ship them, and keeps customers and admins out', async () => {
    const a = await newSeller();
    const { order } = await buy([[a.product, 1]]);
    const readKey = ((await (await shop.request('/api/seller/keys', { method: 'POST', headers: bearer(a.session), json: { name: 'Read', scopes: ['read'] } })).json()) as CreatedSellerApiKey).key;
    expect((await shop.request(`/api/seller/orders/${order.id}`, { headers: withKey(readKey) })).status).toBe(200);
    const refused = await ship(a, order.id, a.product._id, undefined, withKey(readKey));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.message).toContain('`write`');

    const customer = await signUp(shop);
    for (const session of [customer, admin]) {
      for (const path of ['/api/seller/orders', `/api/seller/orders/${order.id}`, '/api/seller/sales?from=2026-01-01&to=2026-01-31']) {
        expect((await shop.request(path, { headers: bearer(session) })).status).withContext(`${path} as ${session.auth.user.role}`).toBe(403);
      }
    }
    expect((await shop.request('/api/seller/orders')).status).toBe(401);
  });

  it('tells each seller of a new order of their own lines only, and no other seller', async () => {
    const [a, b, bystander] = await Promise.all([newSeller(1000), newSeller(3000), newSeller()]);
    const [aSocket, bSocket, bystanderSocket, adminSocket] = await Promise.all([sockets.connect(a.session), sockets.connect(b.session), sockets.connect(bystander.session), sockets.connect(admin)]);
    const heardByBystander: unknown[] = [];
    bystanderSocket.on('order:created', (event) => heardByBystander.push(event));
    const toA = nextEvent(aSocket, 'order:created');
    const toB = nextEvent(bSocket, 'order:created');
    const toAdmin = nextEvent(adminSocket, 'order:created');

    const { order } = await buy([[a.product, 2], [b.product, 1]]);
    const [heardA, heardB, heardAdmin] = await Promise.all([toA, toB, toAdmin]);
    expect(heardA).toEqual({ orderId: order.id, number: order.number, status: jasmine.any(String) as never, total: { amount: 2000, currency: 'EUR' }, itemCount: 2, createdAt: order.createdAt });
    expect(heardB.total).toEqual({ amount: 3000, currency: 'EUR' });
    expect(heardB.itemCount).toBe(1);
    expect('email' in heardA).toBeFalse();
    expect(heardAdmin.email).toBe(order.email);
    expect(heardAdmin.total).toEqual(order.totals.total);
    // The admin heard it after both sellers' emits were sent; a bystander's would have come with them.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(heardByBystander).toEqual([]);
  });

  it('reports gross, commission and payout by day, leaving refunded orders apart, and exports the same lines as CSV', async () => {
    const a = await newSeller(1999, '=HYPERLINK("http://evil")');
    const other = await newSeller(5000);
    const kept = await buy([[a.product, 3], [other.product, 1]]);
    const refunded = await buy([[a.product, 1]]);
    const cancelled = await shop.request(`/api/admin/orders/${refunded.order.id}/status`, { method: 'POST', headers: bearer(admin), json: { status: 'cancelled' } });
    expect(cancelled.status).toBe(200);

    const today = localDay(new Date(kept.order.createdAt), 'Pacific/Auckland');
    const query = `from=${today}&to=${today}&tz=Pacific%2FAuckland`;
    const report = (await (await shop.request(`/api/seller/sales?${query}`, { headers: withKey(a.key) })).json()) as SellerSalesReport;
    // 3 × 19.99 = 59.97; 10% is 5.997, half up to 6.00.
    expect(report.totals).toEqual({
      orderCount: 1,
      unitCount: 3,
      gross: { amount: 5997, currency: 'EUR' },
      commission: { amount: 600, currency: 'EUR' },
      payout: { amount: 5397, currency: 'EUR' },
    });
    expect(report.refunded).toEqual({ orderCount: 1, gross: { amount: 1999, currency: 'EUR' } });
    expect(report.days).toEqual([{ day: today, ...report.totals }]);

    const csv = await shop.request(`/api/seller/sales/export.csv?${query}`, { headers: bearer(a.session) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows.length).toBe(2);
    expect(rows[0]).toBe('order_number,ordered_at,order_status,product_id,title,quantity,unit_price,line_total,commission_rate_percent,commission,payout,currency,shipped_at,carrier,tracking_number');
    expect(rows[1]).toContain(`${kept.order.number},`);
    expect(rows[1]).toContain(`,"'=HYPERLINK(""http://evil"")",3,19.99,59.97,10.00,6.00,53.97,EUR,,,`);

    for (const bad of ['from=2026-02-01&to=2026-01-01', 'from=2025-01-01&to=2026-06-01', 'from=2026-01-01&to=2026-01-31&tz=Mars%2FOlympus', 'from=2026-01-01', 'from=2026-01-01&to=2026-01-02&seller=x']) {
      const response = await shop.request(`/api/seller/sales?${bad}`, { headers: bearer(a.session) });
      expect(response.status).withContext(bad).toBe(400);
    }
  });
});
