import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Order } from '@shared/orders/order';
import type { ProductList } from '@shared/catalog/product';
import { testCards } from '@shared/payments/test-cards';
import { cartRequest, orderRequest, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { testDatabaseServer, uriWithDatabase, type TestShop } from '../../test/test-shop';
import { stopProcess } from '../database/child-processes';

/**
 * The shop as a user runs it — `server/src/main.ts` in a process of its own — killed without
 * warning while an unpaid order holds stock, and started again after its reservation ran out.
 */
class ShopProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(environment: Record<string, string>): Promise<ShopProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let printed = '';
      const timer = setTimeout(() => reject(new Error(`the shop did not start in time:\n${printed}`)), 120_000);
      const read = (chunk: Buffer) => {
        printed += chunk.toString();
        const match = /MEAN Shop is running at (http:\/\/\S+)/.exec(printed);
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.off('data', read);
        resolve(new ShopProcess(child, match[1]!));
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the shop exited with ${code}:\n${printed}`));
      });
    });
  }

  /** Enough of TestShop for the checkout helpers. */
  asTestShop(): Pick<TestShop, 'request'> {
    return {
      request: (pathname, init = {}) => {
        const { json, ...rest } = init;
        const headers = new Headers(rest.headers);
        if (json !== undefined) headers.set('content-type', 'application/json');
        return fetch(`${this.url}${pathname}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
      },
    };
  }

  /** A crash: no shutdown hook runs, nothing is released on the way out. */
  async kill(): Promise<void> {
    await stopProcess(this.child, 'SIGKILL', 'SIGKILL', 10_000);
  }

  async stop(): Promise<void> {
    await stopProcess(this.child, 'SIGTERM', 'SIGKILL', 20_000);
  }
}

describe('a reservation across a crash and a restart of the server process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meanshop-restart-'));
  let databaseUri: string;
  let environment: Record<string, string>;
  const running: ShopProcess[] = [];

  beforeAll(() => {
    databaseUri = uriWithDatabase(testDatabaseServer().uri, `spec_restart_${randomBytes(6).toString('hex')}`);
    environment = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      MONGODB_URI: databaseUri,
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // The slow card's approval would come in ten minutes: long after the crash.
      TEST_PAYMENT_WEBHOOK_DELAY_MS: '600000',
    };
  });

  afterAll(async () => {
    for (const shop of running) await shop.stop().catch(() => undefined);
    const connection = await mongoose.createConnection(databaseUri).asPromise();
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('releases the stock of an unpaid order whose reservation ran out while the shop was down, at the next start', async () => {
    const first = await ShopProcess.start(environment);
    running.push(first);
    const api = first.asTestShop() as TestShop;
    const listing = (await (await api.request('/api/products?limit=24')).json()) as ProductList;
    const product = listing.items.find((item) => item.available >= 2)!;
    const guest: Shopper = {};
    expect((await cartRequest(api, guest, '/api/cart/items', { method: 'POST', json: { productId: product.id, quantity: 2 } })).status).toBe(200);
    const placed = await placeOrder(api, guest, orderRequest({ email: 'crash@example.test' }, testCards.slow));
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as Order;
    expect(order.status).toBe('pending_payment');
    const held = async (shop: ShopProcess) => (await (await shop.asTestShop().request(`/api/products/${product.id}`)).json()) as { available: number };
    expect((await held(first)).available).toBe(product.available - 2);

    await first.kill();
    running.splice(running.indexOf(first), 1);

    // Fifteen minutes pass while the shop is down: the reservation runs out, and so does the
    // sweeping lease the killed process never gave back.
    const connection = await mongoose.createConnection(databaseUri).asPromise();
    const past = new Date(Date.now() - 60_000);
    await connection.collection('orders').updateOne({ _id: new mongoose.Types.ObjectId(order.id) }, { $set: { reservedUntil: past } });
    await connection.collection('leases').updateMany({}, { $set: { until: past } });
    await connection.close();

    const second = await ShopProcess.start(environment);
    running.push(second);
    const orderUrl = `/api/orders/${order.id}?token=${encodeURIComponent(order.accessToken!)}`;
    let now: Order | undefined;
    for (let attempt = 0; attempt < 240; attempt += 1) {
      now = (await (await second.asTestShop().request(orderUrl)).json()) as Order;
      if (now.status !== 'pending_payment') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(now!.status).toBe('cancelled');
    expect(now!.statusHistory.at(-1)).toEqual(jasmine.objectContaining({ status: 'cancelled', by: 'system' }));
    expect((await held(second)).available).toBe(product.available);
  }, 300_000);
});
