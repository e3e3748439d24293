import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StockLow } from '@shared/realtime/socket-events';
import { io as connect } from 'socket.io-client';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, placedOrder, type Shopper } from '../../test/checkout-helpers';
import { nextEvent, SocketClients, type ClientSocket } from '../../test/socket-clients';
import { useTestShop } from '../../test/test-shop';
import { createLogger } from '../config/logger';
import { ShopEvents } from '../events/shop-events';
import { createSocketServer, pushShopEvents, type SocketServerHandle } from '../realtime/socket-server';
import { AccessTokens } from './access-tokens';
import { Authenticator } from './authenticator';

const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * A role change or a disabled account acts on the sockets already open, on every instance: a
 * demoted admin stops hearing the admins' room at once, without waiting for a reconnect.
 */
describe('role changes and disabled accounts on open sockets', () => {
  const shop = useTestShop({ REDIS_URL: redisUrl });
  const sockets = new SocketClients(shop);
  /** A second instance's socket.io and event path, sharing only Redis with the shop. */
  let second: { server: Server; sockets: SocketServerHandle; url: string; stopRelay: () => Promise<void> };
  const secondClients: ClientSocket[] = [];
  let admin: Session;
  let watchingAdmins: ClientSocket[];

  beforeAll(async () => {
    const log = createLogger(shop.config);
    const events = new ShopEvents(log);
    const stopRelay = await events.relayThroughRedis(redisUrl);
    const handle = await createSocketServer(shop.config, log, new Authenticator(new AccessTokens(shop.config.jwtSecret)), (productIds) => shop.shop.catalog.availability(productIds));
    pushShopEvents(events, handle.io);
    const server = createServer();
    handle.io.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    second = { server, sockets: handle, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stopRelay };
    admin = await signInAs(shop, 'admin');
  });

  beforeEach(async () => {
    watchingAdmins = [await sockets.connect(admin), await onSecondInstance(admin)];
  });

  afterEach(() => {
    sockets.closeAll();
    for (const client of secondClients.splice(0)) client.disconnect();
  });

  afterAll(async () => {
    await second.sockets.close();
    await second.stopRelay();
  });

  async function onSecondInstance(session: Session): Promise<ClientSocket> {
    const client: ClientSocket = connect(second.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: session.auth.accessToken } });
    secondClients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    return client;
  }

  function patchUser(userId: string, json: unknown): Promise<Response> {
    return shop.request(`/api/admin/users/${userId}`, { method: 'PATCH', headers: bearer(admin), json });
  }

  /** Sends a low-stock alert to the admins' room and says which of `clients` heard it. */
  async function whoHearsAnAlert(clients: ClientSocket[]): Promise<boolean[]> {
    const alert: StockLow = { productId: '0123456789abcdef01234567', title: `Alert ${Date.now()}`, available: 1, threshold: 5 };
    const heard = clients.map(() => false);
    clients.forEach((client, index) =>
      client.on('stock:low', (low) => {
        if (low.title === alert.title) heard[index] = true;
      }),
    );
    // Admins who stay admins, one on each instance: once both heard it, the room was sent it everywhere.
    const reachedWatchers = watchingAdmins.map((watcher) => nextEvent(watcher, 'stock:low', (low) => low.title === alert.title));
    await shop.shop.events.publish('stock.low', alert);
    await Promise.all(reachedWatchers);
    // What should not arrive is given a moment more to arrive anyway.
    await new Promise((resolve) => setTimeout(resolve, 250));
    for (const client of clients) client.removeAllListeners('stock:low');
    return heard;
  }

  it('takes a demoted admin out of the admins room on every instance at once, and tells their browser', async () => {
    const demoted = await signInAs(shop, 'admin');
    const [here, there] = [await sockets.connect(demoted), await onSecondInstance(demoted)];
    expect(await whoHearsAnAlert([here, there])).toEqual([true, true]);

    const told = [nextEvent(here, 'account:changed'), nextEvent(there, 'account:changed')];
    const response = await patchUser(demoted.auth.user.id, { role: 'customer' });
    expect(response.status).toBe(200);
    expect(await Promise.all(told)).toEqual([{ role: 'customer' }, { role: 'customer' }]);

    expect(await whoHearsAnAlert([here, there])).toEqual([false, false]);
    expect(here.connected && there.connected).withContext('a role change keeps the connection').toBeTrue();
  });

  it('lets a demoted admin no longer follow orders that are not theirs over the open socket', async () => {
    const product = await createProduct(shop, { category: await createCategory(shop, 'Access lamps'), stock: 5 });
    const shopper: Shopper = { session: await signUp(shop) };
    await addToCart(shop, shopper, product._id.toString());
    const order = await placedOrder(shop, shopper);

    const demoted = await signInAs(shop, 'admin');
    const socket = await sockets.connect(demoted);
    expect(await socket.timeout(5000).emitWithAck('watchOrder', { orderId: order.id })).toEqual({ data: { status: 'paid' } });
    const told = nextEvent(socket, 'account:changed');
    expect((await patchUser(demoted.auth.user.id, { role: 'seller' })).status).toBe(200);
    await told;
    expect(await socket.timeout(5000).emitWithAck('watchOrder', { orderId: order.id })).toEqual({ error: jasmine.objectContaining({ code: 'not_found' }) });
  });

  it('puts a promoted customer in the admins room without a reconnect', async () => {
    const promoted = await signUp(shop);
    const [here, there] = [await sockets.connect(promoted), await onSecondInstance(promoted)];
    expect(await whoHearsAnAlert([here, there])).toEqual([false, false]);

    const told = [nextEvent(here, 'account:changed'), nextEvent(there, 'account:changed')];
    expect((await patchUser(promoted.auth.user.id, { role: 'admin' })).status).toBe(200);
    expect(await Promise.all(told)).toEqual([{ role: 'admin' }, { role: 'admin' }]);
    expect(await whoHearsAnAlert([here, there])).toEqual([true, true]);
  });

  it('closes every open socket of a disabled user, on every instance, and refuses new ones', async () => {
    const disabled = await signInAs(shop, 'seller');
    const [here, there] = [await sockets.connect(disabled), await onSecondInstance(disabled)];
    const closed = [here, there].map((client) => new Promise<string>((resolve) => client.once('disconnect', resolve)));
    expect((await patchUser(disabled.auth.user.id, { disabled: true })).status).toBe(200);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    await expectAsync(sockets.connect(disabled)).toBeRejected();
  });

  it('leaves the sockets alone when only the name changes', async () => {
    const renamed = await signInAs(shop, 'admin');
    const socket = await sockets.connect(renamed);
    let told = false;
    socket.on('account:changed', () => (told = true));
    const response = await shop.request('/api/account', { method: 'PATCH', headers: bearer(renamed), json: { name: 'New Name' } });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    expect(await whoHearsAnAlert([socket])).toEqual([true]);
    expect(told).toBeFalse();
  });
});
