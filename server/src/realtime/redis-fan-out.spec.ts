import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StockChanged } from '@shared/realtime/socket-events';
import { io as connect, type Socket } from 'socket.io-client';
import { AccessTokens } from '../accounts/access-tokens';
import { Authenticator } from '../accounts/authenticator';
import { createLogger } from '../config/logger';
import { bearer, signInAs } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { createSocketServer, type SocketServerHandle } from './socket-server';

/** Redis runs on every machine of this project, CI's included (see the README's requirements). */
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('socket.io across instances (REDIS_URL)', () => {
  const shop = useTestShop({ REDIS_URL: redisUrl });
  // A second instance's socket.io, on its own HTTP server and port, sharing only Redis with the first.
  let secondInstance: { server: Server; sockets: SocketServerHandle; url: string };
  const clients: Socket[] = [];

  beforeAll(async () => {
    const server = createServer();
    const sockets = await createSocketServer(shop.config, createLogger(shop.config), new Authenticator(new AccessTokens(shop.config.jwtSecret)), (productIds) => shop.shop.catalog.availability(productIds));
    sockets.io.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    secondInstance = { server, sockets, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  });

  afterAll(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await secondInstance.sockets.close();
  });

  async function watcherOn(url: string, productId: string): Promise<Socket> {
    const client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    clients.push(client);
    expect(await client.timeout(5000).emitWithAck('watch', { productIds: [productId] })).toEqual({ data: { watching: 1, available: { [productId]: 4 } } });
    return client;
  }

  it('pushes a stock change made through one instance to a shopper connected to another', async () => {
    const product = await createProduct(shop, { category: await createCategory(shop, 'Kettles'), stock: 4 });
    const productId = product._id.toString();
    const onOtherInstance = await watcherOn(secondInstance.url, productId);
    const onSameInstance = await watcherOn(shop.url, productId);
    const pushed = (client: Socket) => new Promise<StockChanged>((resolve) => client.once('stock:changed', resolve));
    const [elsewhere, here] = [pushed(onOtherInstance), pushed(onSameInstance)];

    const admin = await signInAs(shop, 'admin');
    const response = await shop.request(`/api/admin/products/${productId}/stock`, { method: 'POST', headers: bearer(admin), json: { add: 3, reason: 'Delivery' } });
    expect(response.status).toBe(200);

    expect(await elsewhere).toEqual({ productId, available: 7 });
    expect(await here).toEqual({ productId, available: 7 });
  });
});
