import { createHmac, randomBytes } from 'node:crypto';
import type { Order } from '@shared/orders/order';
import { testCards } from '@shared/payments/test-cards';
import Stripe from 'stripe';
import { bearer, signUp } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placedOrder, type Shopper } from '../../test/checkout-helpers';
import { StripeMock } from '../../test/stripe-mock';
import { useTestShop, type TestShop } from '../../test/test-shop';
import { ProductModel } from '../catalog/product.model';
import { OrderModel } from '../orders/order.model';
import { PaymentEventModel } from './payment-event.model';
import { signTestWebhook, testSignatureHeader } from './test-provider';

interface Outcome { received: true; outcome: string }

async function orderNow(shop: TestShop, order: Order, headers: Record<string, string> = {}): Promise<Order> {
  const query = order.accessToken ? `?token=${encodeURIComponent(order.accessToken)}` : '';
  const response = await shop.request(`/api/orders/${order.id}${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Order;
}

async function availableOf(productId: string): Promise<{ available: number; reserved: number }> {
  return (await ProductModel.findById(productId, { available: 1, reserved: 1 }).lean())!;
}

describe('payment webhooks through HTTP, test provider', () => {
  // The slow card's own webhook would come ten minutes later: the specs send every event themselves.
  const shop = useTestShop({ TEST_PAYMENT_WEBHOOK_DELAY_MS: '600000' });
  let category: Awaited<ReturnType<typeof createCategory>>;

  beforeAll(async () => {
    category = await createCategory(shop, 'Slowly paid goods');
  });

  const secret = () => createHmac('sha256', shop.config.jwtSecret).update('test-payment-webhooks').digest('hex');

  /** A pending order paid with the slow card, and its payment reference. */
  async function pendingOrder(stock = 3): Promise<{ order: Order; reference: string; productId: string }> {
    const product = await createProduct(shop, { category, stock });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    const order = await placedOrder(shop, guest, orderRequest({ email: 'slow@example.test' }, testCards.slow));
    expect([order.status, order.payment.status]).toEqual(['pending_payment', 'pending']);
    const stored = (await OrderModel.findById(order.id).lean())!;
    return { order, reference: stored.payment.reference!, productId: product._id.toString() };
  }

  function event(type: string, order: Order, reference: string) {
    return JSON.stringify({ id: `evt_${randomBytes(12).toString('hex')}`, type, created: Math.floor(Date.now() / 1000), data: { reference, orderId: order.id } });
  }

  function deliver(body: string, signature: string | undefined): Promise<Response> {
    return shop.request('/api/payments/webhook/test', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { [testSignatureHeader]: signature } : {}) },
      body,
    });
  }

  it('refuses forged, stale, unsigned and tampered events with 400 and changes nothing', async () => {
    const { order, reference, productId } = await pendingOrder();
    const body = event('payment.authorized', order, reference);
    const signed = signTestWebhook(secret(), body);

    expect((await deliver(body, signTestWebhook('not-the-secret', body))).status).toBe(400);
    expect((await deliver(body, signTestWebhook(secret(), body, Math.floor(Date.now() / 1000) - 3600))).status).toBe(400);
    expect((await deliver(body, undefined)).status).toBe(400);
    expect((await deliver(body.replace('payment.authorized', 'payment.captured'), signed)).status).toBe(400);
    expect((await deliver('{"id": {"$gt": ""}}', signTestWebhook(secret(), '{"id": {"$gt": ""}}'))).status).toBe(400);

    expect(await PaymentEventModel.countDocuments({ reference })).toBe(0);
    expect((await orderNow(shop, order)).status).toBe('pending_payment');
    expect(await availableOf(productId)).toEqual(jasmine.objectContaining({ available: 2, reserved: 1 }));
    // A provider the shop has never heard of is a bad address, not a server error.
    expect((await shop.request('/api/payments/webhook/paypal', { method: 'POST', json: {} })).status).toBe(400);
  });

  it('pays the order on a signed approval, and a duplicate of it changes nothing twice', async () => {
    const { order, reference, productId } = await pendingOrder();
    const body = event('payment.authorized', order, reference);

    const first = await deliver(body, signTestWebhook(secret(), body));
    expect(first.status).toBe(200);
    expect(((await first.json()) as Outcome).outcome).toBe('applied');
    const again = await deliver(body, signTestWebhook(secret(), body));
    expect(((await again.json()) as Outcome).outcome).toBe('duplicate');

    const paid = await orderNow(shop, order);
    expect([paid.status, paid.payment.status]).toEqual(['paid', 'authorized']);
    expect(paid.statusHistory.map((change) => change.status)).toEqual(['pending_payment', 'paid']);
    // The reserved unit is sold now: gone from stock, no longer reserved.
    expect(await availableOf(productId)).toEqual(jasmine.objectContaining({ available: 2, reserved: 0 }));
  });

  it('ends refunded and cancelled when the refund arrives before the approval', async () => {
    const { order, reference, productId } = await pendingOrder();
    const refund = event('payment.refunded', order, reference);
    const approval = event('payment.authorized', order, reference);

    expect((await deliver(refund, signTestWebhook(secret(), refund))).status).toBe(200);
    expect((await deliver(approval, signTestWebhook(secret(), approval))).status).toBe(200);

    const settled = await orderNow(shop, order);
    expect([settled.status, settled.payment.status]).toEqual(['cancelled', 'refunded']);
    expect(await availableOf(productId)).toEqual(jasmine.objectContaining({ available: 3, reserved: 0 }));
  });

  it('lets the shopper cancel while the payment is pending: the stock comes back and a late approval is given back', async () => {
    const product = await createProduct(shop, { category, stock: 2 });
    const session = await signUp(shop);
    await addToCart(shop, { session }, product._id.toString(), 2);
    const order = await placedOrder(shop, { session }, orderRequest({}, testCards.slow));
    const reference = (await OrderModel.findById(order.id).lean())!.payment.reference!;

    const cancelled = await shop.request(`/api/orders/${order.id}/cancel`, { method: 'POST', headers: bearer(session) });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Order).status).toBe('cancelled');
    expect(await availableOf(product._id.toString())).toEqual(jasmine.objectContaining({ available: 2, reserved: 0 }));

    const late = event('payment.authorized', order, reference);
    expect((await deliver(late, signTestWebhook(secret(), late))).status).toBe(200);
    const after = await orderNow(shop, order, bearer(session));
    expect(after.status).toBe('cancelled');
    expect(['refunded', 'voided']).toContain(after.payment.status);
    expect(await availableOf(product._id.toString())).toEqual(jasmine.objectContaining({ available: 2, reserved: 0 }));
  });
});

describe('payment webhooks through HTTP, Stripe (against stripe-mock)', () => {
  const webhookSecret = 'whsec_checkout_through_http';
  let mock: StripeMock;

  beforeAll(async () => {
    // The first run builds stripe-mock with go install: a minute or two on a cold machine.
    mock = await StripeMock.start();
  }, 300_000);

  const shop = useTestShop(() => ({
    STRIPE_SECRET_KEY: 'sk_test_checkoutThroughHttp0123',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: `${mock.protocol}://${mock.host}:${mock.port}`,
  }));
  let category: Awaited<ReturnType<typeof createCategory>>;

  beforeAll(async () => {
    category = await createCategory(shop, 'Stripe goods');
  });

  afterAll(async () => {
    await mock?.stop();
  }, 30_000);

  beforeEach(() => mock.reset());

  const stripeRequest = (overrides: object = {}) => orderRequest({ email: 'stripe@example.test', payment: { provider: 'stripe', paymentMethod: 'pm_card_visa' }, ...overrides });

  function intentEvent(type: string, intentId: string, orderId: string, status: string) {
    return JSON.stringify({
      id: `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: { id: intentId, object: 'payment_intent', amount: 1000, currency: 'eur', capture_method: 'manual', status, metadata: { orderId } } },
    });
  }

  function deliver(body: string, options: { secret?: string; timestamp?: number } = {}): Promise<Response> {
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? webhookSecret, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
    return shop.request('/api/payments/webhook/stripe', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
  }

  async function pendingStripeOrder(intentId: string): Promise<{ order: Order; productId: string }> {
    const product = await createProduct(shop, { category, stock: 3 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    // stripe-mock is stateless: it is told which PaymentIntent it made, as Stripe would have.
    mock.amendNext('POST', '/v1/payment_intents', { id: intentId, status: 'requires_action' });
    const order = await placedOrder(shop, guest, stripeRequest());
    return { order, productId: product._id.toString() };
  }

  it('creates a real PaymentIntent through the SDK, for the server\'s total, with the order\'s idempotency key', async () => {
    const intentId = `pi_${randomBytes(12).toString('hex')}`;
    const { order } = await pendingStripeOrder(intentId);
    expect([order.status, order.payment.provider, order.payment.status]).toEqual(['pending_payment', 'stripe', 'pending']);

    const created = mock.requests.find((request) => request.method === 'POST' && request.path === '/v1/payment_intents')!;
    expect(created.params.get('amount')).toBe(String(order.totals.total.amount));
    expect(created.params.get('capture_method')).toBe('manual');
    expect(created.params.get('metadata[orderId]')).toBe(order.id);
    expect(created.idempotencyKey).toBeTruthy();
  });

  it('refuses forged and stale Stripe signatures with 400; a signed approval pays the order once', async () => {
    const intentId = `pi_${randomBytes(12).toString('hex')}`;
    const { order, productId } = await pendingStripeOrder(intentId);
    const body = intentEvent('payment_intent.amount_capturable_updated', intentId, order.id, 'requires_capture');

    expect((await deliver(body, { secret: 'whsec_forged' })).status).toBe(400);
    expect((await deliver(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(400);
    expect((await orderNow(shop, order)).status).toBe('pending_payment');

    expect(((await (await deliver(body)).json()) as Outcome).outcome).toBe('applied');
    expect(((await (await deliver(body)).json()) as Outcome).outcome).toBe('duplicate');
    const paid = await orderNow(shop, order);
    expect([paid.status, paid.payment.status]).toEqual(['paid', 'authorized']);
    expect(paid.statusHistory.filter((change) => change.status === 'paid').length).toBe(1);
    expect(await availableOf(productId)).toEqual(jasmine.objectContaining({ available: 2, reserved: 0 }));
  });

  it('ends cancelled when the cancellation arrives before the approval', async () => {
    const intentId = `pi_${randomBytes(12).toString('hex')}`;
    const { order, productId } = await pendingStripeOrder(intentId);

    expect((await deliver(intentEvent('payment_intent.canceled', intentId, order.id, 'canceled'))).status).toBe(200);
    expect((await deliver(intentEvent('payment_intent.amount_capturable_updated', intentId, order.id, 'requires_capture'))).status).toBe(200);

    const settled = await orderNow(shop, order);
    expect([settled.status, settled.payment.status]).toEqual(['cancelled', 'refunded']);
    expect(await availableOf(productId)).toEqual(jasmine.objectContaining({ available: 3, reserved: 0 }));
  });

  it('keeps an event that comes before its order, and applies it when the order is placed', async () => {
    const intentId = `pi_${randomBytes(12).toString('hex')}`;
    const early = await deliver(intentEvent('payment_intent.amount_capturable_updated', intentId, '0123456789abcdef01234567', 'requires_capture'));
    expect(((await early.json()) as Outcome).outcome).toBe('stored');

    const { order } = await pendingStripeOrder(intentId);
    expect([order.status, order.payment.status]).toEqual(['paid', 'authorized']);
  });
});
