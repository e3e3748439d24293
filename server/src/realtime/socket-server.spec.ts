import type { ClientToServerEvents, ServerToClientEvents, SocketAck, StockChanged, WatchAnswer } from '@shared/realtime/socket-events';
import { io as connect, type Socket } from 'socket.io-client';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('socket.io', () => {
  const shop = useTestShop();
  const productId = '0123456789abcdef01234567';
  const otherProductId = 'fedcba987654321001234567';
  const sockets: ClientSocket[] = [];

  function open(headers: Record<string, string> = {}, transports = ['websocket']): ClientSocket {
    const socket: ClientSocket = connect(shop.url, { transports, extraHeaders: headers, reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }

  async function connected(socket: ClientSocket): Promise<ClientSocket> {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  function watch(socket: ClientSocket, payload: unknown): Promise<SocketAck<WatchAnswer>> {
    return socket.timeout(5000).emitWithAck('watch', payload as { productIds: string[] });
  }

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  it('lets a client watch products and pushes their stock changes to it alone', async () => {
    const watcher = await connected(open());
    const bystander = await connected(open());
    expect(await watch(watcher, { productIds: [productId] })).toEqual({ data: { watching: 1, available: {} } });
    expect(await watch(bystander, { productIds: [otherProductId] })).toEqual({ data: { watching: 1, available: {} } });

    const bystanderEvents: StockChanged[] = [];
    bystander.on('stock:changed', (event) => bystanderEvents.push(event));
    const received = new Promise<StockChanged>((resolve) => watcher.once('stock:changed', resolve));
    await shop.shop.events.publish('stock.changed', { productId, available: 7 });

    expect(await received).toEqual({ productId, available: 7 });
    // A round trip on the bystander's socket proves nothing was queued for it before.
    await watch(bystander, { productIds: [] });
    expect(bystanderEvents).toEqual([]);
  });

  it('works over HTTP long-polling too, as browsers start, with the API still answering beside it', async () => {
    // socket.io-client's default: long-polling first, then the upgrade to a WebSocket.
    const socket = await connected(open({}, ['polling', 'websocket']));
    expect(await watch(socket, { productIds: [productId] })).toEqual({ data: { watching: 1, available: {} } });
    const received = new Promise<StockChanged>((resolve) => socket.once('stock:changed', resolve));
    await shop.shop.events.publish('stock.changed', { productId, available: 3 });
    expect(await received).toEqual({ productId, available: 3 });

    // The same by hand: each polling request is socket.io's alone, never also answered by the API.
    const endpoint = `${shop.url}/socket.io/?EIO=4&transport=polling`;
    const handshake = await fetch(endpoint);
    expect(handshake.status).toBe(200);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    // A long poll waits for the server's next packet, here the answer to joining the namespace.
    const longPoll = fetch(`${endpoint}&sid=${sid}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const joined = await fetch(`${endpoint}&sid=${sid}`, { method: 'POST', body: '40' });
    expect([joined.status, await joined.text()]).toEqual([200, 'ok']);
    const answer = await longPoll;
    expect([answer.status, (await answer.text()).slice(0, 2)]).toEqual([200, '40']);
    expect((await shop.request('/api/health')).status).toBe(200);
  });

  it('answers a watch with what each watched active product has available at that moment', async () => {
    const category = await createCategory(shop, 'Lamps');
    const lamp = await createProduct(shop, { category, stock: 6, reserved: 2 });
    const draft = await createProduct(shop, { category, stock: 9, status: 'draft' });
    const socket = await connected(open());
    const answer = await watch(socket, { productIds: [lamp._id.toString(), draft._id.toString(), productId] });
    expect(answer).toEqual({ data: { watching: 3, available: { [lamp._id.toString()]: 4 } } });
  });

  it('answers an invalid watch payload with an error ack instead of joining anything', async () => {
    const socket = await connected(open());
    for (const payload of [{ productIds: ['not-an-id'] }, { productIds: 'x' }, { productIds: [productId], room: 'admins' }, null]) {
      const ack = await watch(socket, payload);
      expect(ack).withContext(JSON.stringify(payload)).toEqual({ error: jasmine.objectContaining({ code: 'validation_failed' }) });
    }
  });

  it('refuses a handshake from a foreign browser origin', async () => {
    await expectAsync(connected(open({ origin: 'https://evil.example' }))).toBeRejected();
  });

  it('disconnects a client that floods events', async () => {
    const socket = await connected(open());
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const acks: Array<Promise<unknown>> = [];
    for (let index = 0; index < 40; index += 1) acks.push(watch(socket, { productIds: [productId] }).catch(() => 'no ack'));
    await disconnected;
    expect(await Promise.all(acks)).toContain('no ack');
  });
});
