import { randomBytes, randomUUID } from 'node:crypto';
import type { ErrorBody } from '@shared/errors';
import { testCards } from '@shared/payments/test-cards';
import { Registry } from 'prom-client';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { SocketClients } from '../../test/socket-clients';
import { useTestShop } from '../../test/test-shop';
import type { ShopSocketServer } from '../realtime/socket-server';
import { ShopMetrics } from './shop-metrics';

const metricsToken = randomBytes(32).toString('base64url');

/** The value of one sample in Prometheus' text format, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics (Prometheus)', () => {
  const shop = useTestShop({ METRICS_TOKEN: metricsToken, TEST_PAYMENT_WEBHOOK_DELAY_MS: '200' });
  const sockets = new SocketClients(shop);
  let admin: Session;
  let customer: Session;

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    customer = await signInAs(shop, 'customer');
  });
  afterEach(() => sockets.closeAll());

  async function scrape(): Promise<string> {
    const response = await shop.request('/metrics', { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(response.status).toBe(200);
    return response.text();
  }

  async function expectRefused(headers: Record<string, string>, status: number, code: string): Promise<void> {
    const response = await shop.request('/metrics', { headers });
    expect(response.status).withContext(JSON.stringify(headers)).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as ErrorBody).error.code).toBe(code);
  }

  it('is 401 without a token or with a wrong one, and 403 for a customer, in the error shape', async () => {
    await expectRefused({}, 401, 'unauthenticated');
    await expectRefused({ authorization: `Bearer ${randomBytes(32).toString('base64url')}` }, 401, 'unauthenticated');
    await expectRefused({ authorization: `Bearer ${metricsToken}x` }, 401, 'unauthenticated');
    await expectRefused({ authorization: `Basic ${metricsToken}` }, 401, 'unauthenticated');
    await expectRefused(bearer(customer), 403, 'forbidden');
  });

  it('answers an admin and the internal token with the metrics in Prometheus text', async () => {
    for (const headers of [bearer(admin), { authorization: `Bearer ${metricsToken}` }]) {
      const response = await shop.request('/metrics', { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      for (const name of ['http_request_duration_seconds', 'socketio_connected_sockets', 'shop_checkouts_total', 'nodejs_eventloop_lag_seconds', 'process_cpu_user_seconds_total', 'nodejs_heap_size_used_bytes']) {
        expect(text).withContext(name).toContain(`# TYPE ${name} `);
      }
    }
  });

  it('times each request under its route pattern, never its URL, errors from handlers included', async () => {
    const route = { method: 'GET', route: '/api/products/:idOrSlug', status_code: '404' };
    const before = sample(await scrape(), 'http_request_duration_seconds_count', route) ?? 0;
    expect((await shop.request('/api/products/no-such-product-here')).status).toBe(404);
    expect((await shop.request('/api/products/nor-this-one')).status).toBe(404);
    expect((await shop.request('/api/no/such/route')).status).toBe(404);
    const text = await scrape();
    expect(sample(text, 'http_request_duration_seconds_count', route)).toBe(before + 2);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(before + 2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('no-such-product-here');
    expect(text).not.toContain('/api/no/such/route');
  });

  it('counts the socket.io clients connected now', async () => {
    await sockets.connect();
    await sockets.connect(admin);
    expect(sample(await scrape(), 'socketio_connected_sockets')).toBe(2);
    sockets.closeAll();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sample(await scrape(), 'socketio_connected_sockets')).toBe(0);
  });

  it('counts checkouts placed, out of stock and declined, a repeated request once', async () => {
    const outcome = async (name: string) => sample(await scrape(), 'shop_checkouts_total', { outcome: name });
    expect([await outcome('placed'), await outcome('out_of_stock'), await outcome('declined'), await outcome('failed')]).toEqual([0, 0, 0, 0]);
    const category = await createCategory(shop, 'Metered goods');
    const product = await createProduct(shop, { category, stock: 5 });
    const productId = product._id.toString();

    const buyer: Shopper = { session: await signInAs(shop, 'customer') };
    await addToCart(shop, buyer, productId, 1);
    const key = randomUUID();
    expect((await placeOrder(shop, buyer, orderRequest(), key)).status).toBe(201);
    expect((await placeOrder(shop, buyer, orderRequest(), key)).status).withContext('the same request again').toBe(201);

    const declined: Shopper = { session: await signInAs(shop, 'customer') };
    await addToCart(shop, declined, productId, 1);
    expect((await placeOrder(shop, declined, orderRequest({}, testCards.declined))).status).toBe(422);

    // Two shoppers want the last two units: the first buys one, the second's two are no longer there.
    const lastTwo = (await createProduct(shop, { category, stock: 2 }))._id.toString();
    const quicker: Shopper = { session: await signInAs(shop, 'customer') };
    const slower: Shopper = { session: await signInAs(shop, 'customer') };
    await addToCart(shop, slower, lastTwo, 2);
    await addToCart(shop, quicker, lastTwo, 1);
    expect((await placeOrder(shop, quicker, orderRequest())).status).toBe(201);
    expect((await placeOrder(shop, slower, orderRequest())).status).toBe(409);

    const empty: Shopper = { session: await signInAs(shop, 'customer') };
    expect((await placeOrder(shop, empty, orderRequest())).status).withContext('an empty cart is no checkout').toBe(409);

    expect([await outcome('placed'), await outcome('out_of_stock'), await outcome('declined'), await outcome('failed')]).toEqual([2, 1, 1, 0]);
  });
});

describe('Shop metrics', () => {
  const noSockets = { of: () => ({ sockets: new Map() }) } as unknown as ShopSocketServer;

  it('keep a registry per shop, so that two shops in one process count apart', async () => {
    const first = new ShopMetrics(new Registry(), noSockets);
    const second = new ShopMetrics(new Registry(), noSockets);
    const request = { method: 'GET', get: () => undefined } as never;
    const response = { statusCode: 204, once: (_event: string, listener: () => void) => listener() } as never;
    first.recordRequests()(request, response, () => undefined);
    expect(sample(await first.registry.metrics(), 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '204' })).toBe(1);
    expect(sample(await second.registry.metrics(), 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '204' })).toBeUndefined();
  });
});
