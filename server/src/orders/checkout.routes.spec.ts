import { randomUUID } from 'node:crypto';
import { trusted } from 'mongoose';
import type { Cart } from '@shared/cart/cart';
import type { Order, OrderList } from '@shared/orders/order';
import { testCards } from '@shared/payments/test-cards';
import { bearer, signInAs, signUp } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, cartRequest, orderRequest, placedOrder, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { useTestShop } from '../../test/test-shop';
import { ProductModel } from '../catalog/product.model';
import { OrderModel } from './order.model';

describe('checkout through HTTP (POST /api/orders)', () => {
  const shop = useTestShop({ TEST_PAYMENT_WEBHOOK_DELAY_MS: '200' });
  let category: Awaited<ReturnType<typeof createCategory>>;

  beforeAll(async () => {
    category = await createCategory(shop, 'Checkout goods');
  });

  const stockOf = async (productId: string) => (await ProductModel.findById(productId, { stock: 1, reserved: 1, available: 1, holds: 1 }).lean())!;

  it('sells a guest their cart: paid, priced by the server, stock sold, cart emptied, readable with the link token only', async () => {
    const product = await createProduct(shop, { category, stock: 5, price: 2500 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString(), 2);

    const order = await placedOrder(shop, guest, orderRequest({ email: 'guest@example.test' }));
    expect(order.status).toBe('paid');
    expect(order.lines.map((line) => [line.quantity, line.unitPrice.amount])).toEqual([[2, 2500]]);
    // 50.00 + 4.95 shipping, 20 % tax on both: 10.99; total 65.94.
    expect(order.totals).toEqual({
      subtotal: { amount: 5000, currency: 'EUR' },
      discount: { amount: 0, currency: 'EUR' },
      shipping: { amount: 495, currency: 'EUR' },
      tax: { amount: 1099, currency: 'EUR' },
      total: { amount: 6594, currency: 'EUR' },
    });
    expect(order.number).toMatch(/^MS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(order.payment).toEqual(jasmine.objectContaining({ provider: 'test', status: 'authorized', card: { last4: '4242' } }));
    expect(await stockOf(product._id.toString())).toEqual(jasmine.objectContaining({ stock: 3, reserved: 0, available: 3, holds: [] }));
    const cart = (await (await cartRequest(shop, guest, '/api/cart')).json()) as Cart;
    expect(cart.lines).toEqual([]);

    expect((await shop.request(`/api/orders/${order.id}`)).status).toBe(404);
    expect((await shop.request(`/api/orders/${order.id}?token=${'x'.repeat(43)}`)).status).toBe(404);
    const byLink = await shop.request(`/api/orders/${order.id}?token=${order.accessToken!}`);
    expect(byLink.status).toBe(200);
    expect(((await byLink.json()) as Order).number).toBe(order.number);
  });

  it('asks a guest for an email, and refuses an empty cart', async () => {
    const product = await createProduct(shop, { category, stock: 5 });
    const guest: Shopper = {};
    const empty = await placeOrder(shop, guest, orderRequest({ email: 'nobody@example.test' }));
    expect(empty.status).toBe(409);
    await addToCart(shop, guest, product._id.toString());
    const noEmail = await placeOrder(shop, guest, orderRequest());
    expect(noEmail.status).toBe(400);
    expect(await noEmail.json()).toEqual({ error: jasmine.objectContaining({ code: 'validation_failed', details: [{ path: 'body.email', message: jasmine.any(String) }] }) });
    expect((await stockOf(product._id.toString())).available).toBe(5);
  });

  it('sells exactly the stock to 200 shoppers checking out at once: 10 orders, 190 out of stock, never below zero', async () => {
    const product = await createProduct(shop, { category, stock: 10 });
    const productId = product._id.toString();
    const shoppers: Shopper[] = Array.from({ length: 200 }, () => ({}));
    for (let start = 0; start < shoppers.length; start += 20) {
      await Promise.all(shoppers.slice(start, start + 20).map((shopper) => addToCart(shop, shopper, productId)));
    }
    let lowest = Number.POSITIVE_INFINITY;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        lowest = Math.min(lowest, (await stockOf(productId)).available);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    const responses = await Promise.all(shoppers.map((shopper, index) => placeOrder(shop, shopper, orderRequest({ email: `buyer${index}@example.test` }))));
    watching = false;
    await watcher;
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201).length).toBe(10);
    expect(statuses.filter((status) => status === 409).length).toBe(190);
    const refused = await Promise.all(responses.filter((response) => response.status === 409).map((response) => response.json() as Promise<{ error: { code: string } }>));
    expect(new Set(refused.map((body) => body.error.code))).toEqual(new Set(['out_of_stock']));

    const after = await stockOf(productId);
    expect(after).toEqual(jasmine.objectContaining({ stock: 0, reserved: 0, available: 0, holds: [] }));
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(await OrderModel.countDocuments({ 'lines.productId': product._id, status: 'paid' })).toBe(10);
    // A refused checkout leaves no order behind.
    expect(await OrderModel.countDocuments({ 'lines.productId': product._id })).toBe(10);
  }, 300_000);

  it('rejects a two-line order whose second line is out of stock, leaving the first line\'s stock as it was', async () => {
    const plenty = await createProduct(shop, { category, stock: 8 });
    const scarce = await createProduct(shop, { category, stock: 2, title: 'Scarce lamp' });
    const guest: Shopper = {};
    await addToCart(shop, guest, plenty._id.toString(), 3);
    await addToCart(shop, guest, scarce._id.toString(), 2);
    // Someone else buys one of the two scarce lamps first.
    await ProductModel.updateOne({ _id: scarce._id }, { $inc: { stock: -1, available: -1 } });

    const response = await placeOrder(shop, guest, orderRequest({ email: 'two-lines@example.test' }));
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('out_of_stock');
    expect(body.error.message).toContain('we updated your cart');
    expect(await stockOf(plenty._id.toString())).toEqual(jasmine.objectContaining({ stock: 8, reserved: 0, available: 8, holds: [] }));
    expect(await stockOf(scarce._id.toString())).toEqual(jasmine.objectContaining({ stock: 1, reserved: 0, available: 1, holds: [] }));
    const cart = (await (await cartRequest(shop, guest, '/api/cart')).json()) as Cart;
    expect(cart.lines.find((line) => line.productId === scarce._id.toString())?.quantity).toBe(1);
  });

  it('answers 20 identical requests with one key with one order, one charge and the same response', async () => {
    const product = await createProduct(shop, { category, stock: 50 });
    const session = await signUp(shop);
    const shopper: Shopper = { session };
    await addToCart(shop, shopper, product._id.toString(), 2);
    const key = randomUUID();
    const body = orderRequest();

    const responses = await Promise.all(Array.from({ length: 20 }, () => placeOrder(shop, shopper, body, key)));
    const texts = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
    expect(new Set(texts).size).toBe(1);
    const order = JSON.parse(texts[0]!) as Order;
    expect(await OrderModel.countDocuments({ userId: session.auth.user.id })).toBe(1);
    expect((await stockOf(product._id.toString())).available).toBe(48);
    const { TestPaymentModel } = await import('../payments/test-payment.model');
    expect(await TestPaymentModel.countDocuments({ orderId: order.id })).toBe(1);

    // A later repeat still answers the first response; a different body with the key is refused.
    const repeat = await placeOrder(shop, shopper, body, key);
    expect([repeat.status, await repeat.text()]).toEqual([201, texts[0]!]);
    const different = await placeOrder(shop, shopper, orderRequest({ shippingMethod: 'express' }), key);
    expect(different.status).toBe(422);
    expect(((await different.json()) as { error: { code: string } }).error.code).toBe('idempotency_mismatch');

    // Another user's request with the same key is theirs alone: it gets no answer of the first user's.
    const other: Shopper = { session: await signUp(shop) };
    await addToCart(shop, other, product._id.toString());
    const theirs = await placeOrder(shop, other, body, key);
    expect(theirs.status).toBe(201);
    const theirOrder = (await theirs.json()) as Order;
    expect(theirOrder.id).not.toBe(order.id);
    expect(theirOrder.email).toBe(other.session!.email);
  });

  it('never loses a product added in another tab while checking out: it is either bought or still in the cart', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [bought, addedMeanwhile] = await Promise.all([createProduct(shop, { category, stock: 5 }), createProduct(shop, { category, stock: 5 })]);
      const guest: Shopper = {};
      await addToCart(shop, guest, bought._id.toString());
      const [placed] = await Promise.all([placeOrder(shop, guest, orderRequest({ email: `tabs${round}@example.test` })), addToCart(shop, guest, addedMeanwhile._id.toString())]);
      expect(placed.status).toBe(201);
      const order = (await placed.json()) as Order;
      const cart = (await (await cartRequest(shop, guest, '/api/cart')).json()) as Cart;
      const inOrder = order.lines.some((line) => line.productId === addedMeanwhile._id.toString());
      const inCart = cart.lines.some((line) => line.productId === addedMeanwhile._id.toString());
      expect(inOrder !== inCart).withContext(`round ${round}: in the order ${inOrder}, in the cart ${inCart}`).toBeTrue();
      expect(cart.lines.map((line) => line.productId)).not.toContain(bought._id.toString());
    }
  });

  it('requires an Idempotency-Key', async () => {
    const response = await shop.request('/api/orders', { method: 'POST', json: orderRequest({ email: 'x@example.test' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]!.path).toBe('headers.idempotency-key');
  });

  it('ignores any price or total the client sends by refusing the request outright', async () => {
    const product = await createProduct(shop, { category, stock: 5, price: 9900 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    for (const extra of [{ totals: { total: { amount: 1, currency: 'EUR' } } }, { lines: [{ productId: product._id.toString(), quantity: 1, unitPrice: { amount: 1, currency: 'EUR' } }] }, { total: 1 }]) {
      const response = await placeOrder(shop, guest, { ...orderRequest({ email: 'cheap@example.test' }), ...extra });
      expect(response.status).withContext(JSON.stringify(extra)).toBe(400);
    }
    const order = await placedOrder(shop, guest, orderRequest({ email: 'cheap@example.test' }));
    expect(order.totals.subtotal.amount).toBe(9900);
  });

  it('refuses bad quantities with 400', async () => {
    const product = await createProduct(shop, { category, stock: 5 });
    const guest: Shopper = {};
    for (const quantity of [0, -1, 1.5, 1e9, '2', null, { $gt: 0 }]) {
      const response = await cartRequest(shop, guest, '/api/cart/items', { method: 'POST', json: { productId: product._id.toString(), quantity } });
      expect(response.status).withContext(JSON.stringify(quantity)).toBe(400);
    }
    await addToCart(shop, guest, product._id.toString());
    for (const quantity of [0, -3, 2.5, 100, 'many']) {
      const response = await cartRequest(shop, guest, `/api/cart/items/${product._id.toString()}`, { method: 'PATCH', json: { quantity } });
      expect(response.status).withContext(JSON.stringify(quantity)).toBe(400);
    }
    const injected = await cartRequest(shop, guest, '/api/cart/items', { method: 'POST', json: { productId: { $ne: null }, quantity: 1 } });
    expect(injected.status).toBe(400);
  });

  it('declines the decline card with 422 and keeps no paid order nor stock held', async () => {
    const product = await createProduct(shop, { category, stock: 3 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    for (const card of [testCards.declined, testCards.insufficientFunds]) {
      const response = await placeOrder(shop, guest, orderRequest({ email: 'declined@example.test' }, card));
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('payment_declined');
      expect(body.error.message).toMatch(/declined|insufficient/i);
    }
    expect(await OrderModel.countDocuments({ 'lines.productId': product._id, status: trusted({ $ne: 'cancelled' }) })).toBe(0);
    expect(await stockOf(product._id.toString())).toEqual(jasmine.objectContaining({ available: 3, reserved: 0, holds: [] }));
    // The cart is kept, so the shopper can try another card.
    const cart = (await (await cartRequest(shop, guest, '/api/cart')).json()) as Cart;
    expect(cart.lines.length).toBe(1);
  });

  it('leaves a slow payment pending until its signed webhook arrives over HTTP, then marks the order paid', async () => {
    const product = await createProduct(shop, { category, stock: 3 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    const order = await placedOrder(shop, guest, orderRequest({ email: 'slow@example.test' }, testCards.slow));
    expect(order.status).toBe('pending_payment');
    expect(order.reservedUntil).not.toBeNull();
    expect((await stockOf(product._id.toString())).reserved).toBe(1);
    const deadline = Date.now() + 60_000;
    let status = order.status;
    while (status !== 'paid' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await OrderModel.findById(order.id).lean())!.status;
    }
    expect(status).toBe('paid');
    expect(await stockOf(product._id.toString())).toEqual(jasmine.objectContaining({ stock: 2, reserved: 0, available: 2 }));
  }, 90_000);

  it('lists a shopper\'s own orders only, and answers 404 for anyone else\'s order or cart line', async () => {
    const product = await createProduct(shop, { category, stock: 10 });
    const alice: Shopper = { session: await signUp(shop) };
    const bob: Shopper = { session: await signUp(shop) };
    await addToCart(shop, alice, product._id.toString());
    const aliceOrder = await placedOrder(shop, alice);
    expect(aliceOrder.accessToken).toBeUndefined();

    const bobsList = (await (await shop.request('/api/orders', { headers: bearer(bob.session!) })).json()) as OrderList;
    expect(bobsList.items).toEqual([]);
    const alicesList = (await (await shop.request('/api/orders', { headers: bearer(alice.session!) })).json()) as OrderList;
    expect(alicesList.items.map((item) => item.id)).toEqual([aliceOrder.id]);
    expect((await shop.request(`/api/orders/${aliceOrder.id}`, { headers: bearer(bob.session!) })).status).toBe(404);
    expect((await shop.request(`/api/orders/${aliceOrder.id}/cancel`, { method: 'POST', headers: bearer(bob.session!) })).status).toBe(404);
    expect((await shop.request('/api/orders?cursor=zzz', { headers: bearer(alice.session!) })).status).toBe(400);
    expect((await shop.request('/api/orders')).status).toBe(401);
    // Carts are the caller's own: Bob deleting Alice's product line touches only his own (empty) cart.
    await addToCart(shop, alice, product._id.toString());
    await cartRequest(shop, bob, `/api/cart/items/${product._id.toString()}`, { method: 'DELETE' });
    const alicesCart = (await (await cartRequest(shop, alice, '/api/cart')).json()) as Cart;
    expect(alicesCart.lines.length).toBe(1);
  });

  it('refuses a shopper who cancels a paid order (SPEC 4), while an admin cancel refunds it and returns the stock', async () => {
    const product = await createProduct(shop, { category, stock: 4 });
    const shopper: Shopper = { session: await signUp(shop) };
    await addToCart(shop, shopper, product._id.toString(), 2);
    const order = await placedOrder(shop, shopper);

    const refused = await shop.request(`/api/orders/${order.id}/cancel`, { method: 'POST', headers: bearer(shopper.session!) });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('illegal_transition');

    const admin = await signInAs(shop, 'admin');
    const cancelled = await shop.request(`/api/admin/orders/${order.id}/status`, { method: 'POST', headers: bearer(admin), json: { status: 'cancelled', note: 'Out of gift wrap' } });
    expect(cancelled.status).toBe(200);
    const view = (await cancelled.json()) as Order;
    expect([view.status, view.payment.status]).toEqual(['cancelled', 'refunded']);
    expect(view.statusHistory.at(-1)).toEqual(jasmine.objectContaining({ status: 'cancelled', note: 'Out of gift wrap' }));
    expect(await stockOf(product._id.toString())).toEqual(jasmine.objectContaining({ stock: 4, available: 4, reserved: 0 }));
  });
});
