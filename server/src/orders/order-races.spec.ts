import type { Order, OrderList } from '@shared/orders/order';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placedOrder, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { nextEvent, SocketClients } from '../../test/socket-clients';
import { useTestShop } from '../../test/test-shop';
import { DiscountCodeModel } from './discounts/discount-code.model';
import { idempotencyKeyLifetimeMs, IdempotentRequests } from './idempotent-requests';

interface ErrorBody { error: { code: string; message: string } }

describe('orders under contention, admin order routes and live order status', () => {
  const shop = useTestShop({ TEST_PAYMENT_WEBHOOK_DELAY_MS: '200' });
  const sockets = new SocketClients(shop);
  let category: Awaited<ReturnType<typeof createCategory>>;
  let admin: Session;

  beforeAll(async () => {
    category = await createCategory(shop, 'Contended goods');
    admin = await signInAs(shop, 'admin');
  });

  afterEach(() => sockets.closeAll());

  const moveAs = (session: Session, orderId: string, status: string, note?: string) =>
    shop.request(`/api/admin/orders/${orderId}/status`, { method: 'POST', headers: bearer(session), json: { status, ...(note ? { note } : {}) } });

  it('redeems a single-use code once under 50 parallel checkouts; the other 49 are told it is used up and keep their stock', async () => {
    const product = await createProduct(shop, { category, stock: 100, price: 2000 });
    await DiscountCodeModel.create({ code: 'ONLYONCE', kind: 'percent', value: 5000, maxUses: 1 });
    const guests: Shopper[] = Array.from({ length: 50 }, () => ({}));
    for (const guest of guests) await addToCart(shop, guest, product._id.toString());

    const answers = await Promise.all(
      guests.map((guest, index) => placeOrder(shop, guest, orderRequest({ email: `racer-${index}@example.test`, discountCode: 'onlyonce' }))),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    const unexpected = await Promise.all(answers.filter((answer) => answer.status !== 201 && answer.status !== 422).map((answer) => answer.clone().text()));
    expect(unexpected).toEqual([]);
    expect(statuses.filter((status) => status === 201).length).toBe(1);
    expect(statuses.filter((status) => status === 422).length).toBe(49);
    const winner = (await answers.find((answer) => answer.status === 201)!.json()) as Order;
    expect(winner.discountCode).toBe('ONLYONCE');
    expect(winner.totals.discount.amount).toBe(1000);
    const loser = (await answers.find((answer) => answer.status === 422)!.json()) as ErrorBody;
    expect(loser.error.message).toBe('This discount code has been used up');

    expect((await DiscountCodeModel.findOne({ code: 'ONLYONCE' }).lean())!.usedCount).toBe(1);
    // A refused checkout releases what it reserved: only the winner's unit is gone.
    const after = (await shop.request(`/api/products/${product.slug}`).then((response) => response.json())) as { available: number };
    expect(after.available).toBe(99);
  });

  it('lets one of two admins who move an order at once win; the other gets 409 and the history holds one move', async () => {
    const product = await createProduct(shop, { category, stock: 10 });
    const secondAdmin = await signInAs(shop, 'admin');
    for (let round = 0; round < 5; round += 1) {
      const shopper: Shopper = {};
      await addToCart(shop, shopper, product._id.toString());
      const order = await placedOrder(shop, shopper, orderRequest({ email: 'contested@example.test' }));

      // The same move by both: however the two requests interleave, only one of them can make it.
      const [first, second] = await Promise.all([moveAs(admin, order.id, 'fulfilling'), moveAs(secondAdmin, order.id, 'fulfilling', 'Picked by the second admin')]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const refused = (await (first.status === 409 ? first : second).json()) as ErrorBody;
      expect(refused.error.code).toBe('illegal_transition');

      const stored = (await (await shop.request(`/api/admin/orders/${order.id}`, { headers: bearer(admin) })).json()) as Order;
      expect(stored.statusHistory.map((change) => change.status)).toEqual(['pending_payment', 'paid', 'fulfilling']);
    }
  });

  it('refuses illegal moves with 409 and unknown statuses with 400', async () => {
    const product = await createProduct(shop, { category, stock: 2 });
    const shopper: Shopper = {};
    await addToCart(shop, shopper, product._id.toString());
    const order = await placedOrder(shop, shopper, orderRequest({ email: 'illegal@example.test' }));

    expect((await moveAs(admin, order.id, 'delivered')).status).toBe(409);
    expect((await moveAs(admin, order.id, 'returned')).status).toBe(409);
    expect((await moveAs(admin, order.id, 'teleported')).status).toBe(400);
    expect((await moveAs(admin, order.id, { $ne: null } as unknown as string)).status).toBe(400);
    expect((await moveAs(admin, '0123456789abcdef01234567', 'fulfilling')).status).toBe(404);
  });

  it('keeps the admin order routes to admins: a customer and a seller get 403, a stranger 401', async () => {
    const customer = await signUp(shop);
    const seller = await signInAs(shop, 'seller');
    const someId = '0123456789abcdef01234567';
    for (const session of [customer, seller]) {
      expect((await shop.request('/api/admin/orders', { headers: bearer(session) })).status).toBe(403);
      expect((await shop.request(`/api/admin/orders/${someId}`, { headers: bearer(session) })).status).toBe(403);
      expect((await moveAs(session, someId, 'fulfilling')).status).toBe(403);
    }
    expect((await shop.request('/api/admin/orders')).status).toBe(401);
  });

  it('lists every order for admins, filtered by status, newest first, in pages', async () => {
    const product = await createProduct(shop, { category, stock: 30 });
    const placed: Order[] = [];
    for (let index = 0; index < 3; index += 1) {
      const shopper: Shopper = {};
      await addToCart(shop, shopper, product._id.toString());
      placed.push(await placedOrder(shop, shopper, orderRequest({ email: `listed-${index}@example.test` })));
    }
    expect((await moveAs(admin, placed[1]!.id, 'fulfilling')).status).toBe(200);

    const fulfilling = (await (await shop.request('/api/admin/orders?status=fulfilling', { headers: bearer(admin) })).json()) as OrderList;
    expect(fulfilling.items.map((order) => order.id)).toContain(placed[1]!.id);
    expect(fulfilling.items.every((order) => order.status === 'fulfilling')).toBeTrue();
    const all = (await (await shop.request('/api/admin/orders', { headers: bearer(admin) })).json()) as OrderList;
    const positions = placed.map((order) => all.items.findIndex((item) => item.id === order.id));
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    expect((await shop.request('/api/admin/orders?cursor=nope', { headers: bearer(admin) })).status).toBe(400);
    expect((await shop.request('/api/admin/orders?status=lost', { headers: bearer(admin) })).status).toBe(400);
  });

  it('pushes a guest order\'s moves to its watcher (with the link token only), to admins, and tells admins of new orders', async () => {
    const product = await createProduct(shop, { category, stock: 5 });
    const adminSocket = await sockets.connect(admin);
    const shopper: Shopper = {};
    await addToCart(shop, shopper, product._id.toString());

    const created = nextEvent(adminSocket, 'order:created');
    const order = await placedOrder(shop, shopper, orderRequest({ email: 'watcher@example.test' }));
    expect(await created).toEqual(jasmine.objectContaining({ orderId: order.id, number: order.number, email: 'watcher@example.test', itemCount: 1 }));

    const guestSocket = await sockets.connect();
    const stranger = await sockets.connect(await signUp(shop));
    expect(await guestSocket.timeout(5000).emitWithAck('watchOrder', { orderId: order.id })).toEqual({ error: { code: 'not_found', message: 'Order not found' } });
    expect(await stranger.timeout(5000).emitWithAck('watchOrder', { orderId: order.id, token: 'forged' })).toEqual({ error: { code: 'not_found', message: 'Order not found' } });
    expect(await guestSocket.timeout(5000).emitWithAck('watchOrder', { orderId: order.id, token: order.accessToken! })).toEqual({ data: { status: 'paid' } });

    const strangerEvents: unknown[] = [];
    stranger.on('order:status', (event) => strangerEvents.push(event));
    const toGuest = nextEvent(guestSocket, 'order:status', (event) => event.status === 'fulfilling');
    const toAdmin = nextEvent(adminSocket, 'order:status', (event) => event.orderId === order.id && event.status === 'fulfilling');
    expect((await moveAs(admin, order.id, 'fulfilling')).status).toBe(200);
    expect(await toGuest).toEqual(jasmine.objectContaining({ orderId: order.id, number: order.number, status: 'fulfilling' }));
    expect(await toAdmin).toEqual(jasmine.objectContaining({ orderId: order.id, status: 'fulfilling' }));
    // A round trip on the stranger's socket proves nothing was queued for it.
    await stranger.timeout(5000).emitWithAck('watch', { productIds: [] });
    expect(strangerEvents).toEqual([]);
  });

  it('pushes a signed-in shopper\'s own order moves to all their sockets without a watch', async () => {
    const product = await createProduct(shop, { category, stock: 5 });
    const session = await signUp(shop);
    const shopperSocket = await sockets.connect(session);
    await addToCart(shop, { session }, product._id.toString());
    const order = await placedOrder(shop, { session });

    const shipped = nextEvent(shopperSocket, 'order:status', (event) => event.status === 'fulfilling');
    expect((await moveAs(admin, order.id, 'fulfilling')).status).toBe(200);
    expect(await shipped).toEqual(jasmine.objectContaining({ orderId: order.id, status: 'fulfilling' }));
    expect(await shopperSocket.timeout(5000).emitWithAck('watchOrder', { orderId: order.id })).toEqual({ data: { status: 'fulfilling' } });
  });

  it('keeps an idempotency key through its lifetime and forgets it after twice that, on the sweeper\'s purge', async () => {
    const product = await createProduct(shop, { category, stock: 5 });
    const shopper: Shopper = {};
    await addToCart(shop, shopper, product._id.toString());
    const key = 'kept-then-forgotten';
    expect((await placeOrder(shop, shopper, orderRequest({ email: 'kept@example.test' }), key)).status).toBe(201);

    expect(await IdempotentRequests.removeExpired(Date.now() + idempotencyKeyLifetimeMs)).toBe(0);
    const replay = await placeOrder(shop, shopper, orderRequest({ email: 'kept@example.test' }), key);
    expect(replay.status).toBe(201);
    expect(await IdempotentRequests.removeExpired(Date.now() + idempotencyKeyLifetimeMs * 2 + 60_000)).toBeGreaterThanOrEqual(1);
  });
});
