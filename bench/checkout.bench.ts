/**
 * Checkout under contention: many shoppers buying the last units of one product at once, through
 * the whole app over HTTP (cart, idempotency, reservation, pricing, the test card processor,
 * status moves, events), against a baseline measured in the same run: a bare script doing the same
 * guarded stock updates and order inserts with the raw mongodb driver on the same database.
 *
 * It prints orders per second for both and their ratio (the target is at least 0.5×), checks that
 * nothing was oversold (exactly `stock` orders succeed, the rest are refused, available ends at 0),
 * and prints the add-to-cart latency measured while the carts were filled.
 *
 * Run with `npm run bench:checkout` (or as part of `npm run bench`). BENCH_SHOPPERS sets the number
 * of shoppers (default 300, for stock of two thirds of that).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { testCards } from '../shared/payments/test-cards';
import { ProductModel } from '../server/src/catalog/product.model';
import { loadConfig } from '../server/src/config/config';
import { createLogger } from '../server/src/config/logger';
import { startShop, type RunningShop } from '../server/src/shop';

const shoppers = Number(process.env['BENCH_SHOPPERS'] ?? 300);
const stock = Math.floor((shoppers * 2) / 3);
/** Requests in flight at once, on both sides. */
const concurrency = 10;

interface Run {
  succeeded: number;
  refused: number;
  failed: number;
  seconds: number;
}

/** Runs `work` for every index with at most `concurrency` at a time. */
async function pool(count: number, work: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

async function benchProduct(title: string): Promise<ObjectId> {
  const category = await mongoose.connection.collection('categories').findOne({});
  const [product] = await ProductModel.insertMany([
    {
      title,
      slug: `${title.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`,
      description: 'Sold out in the checkout bench',
      categoryId: category!._id,
      categoryPath: [category!._id],
      price: { amount: 1999, currency: 'EUR' },
      status: 'active',
      stock,
      reserved: 0,
      available: stock,
    },
  ]);
  return product!._id as unknown as ObjectId;
}

/** The app's product is created as the admin would create it, so the catalogue index knows it too. */
async function productThroughAdminApi(url: string, demoPassword: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.shop', password: demoPassword }),
  });
  if (login.status !== 200) throw new Error(`the demo admin could not sign in: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const category = await mongoose.connection.collection('categories').findOne({});
  const created = await fetch(`${url}/api/admin/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ title: 'App bench lamp', categoryId: category!._id.toHexString(), price: { amount: 1999, currency: 'EUR' }, stock, status: 'active' }),
  });
  if (created.status !== 201) throw new Error(`the bench product could not be created: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
}

/** The app: each shopper fills a cart with one unit, then all of them check out at once. */
async function appRun(shop: RunningShop, demoPassword: string): Promise<{ run: Run; addToCartMs: number[] }> {
  const url = shop.url;
  const productId = await productThroughAdminApi(url, demoPassword);
  // Each shopper is a client of its own behind the one proxy, as in the specs: per-address limits apply per shopper.
  const guests = Array.from({ length: shoppers }, (_, index) => ({ address: `10.9.${Math.floor(index / 250)}.${(index % 250) + 1}`, cookie: '' }));
  const addToCartMs: number[] = [];
  await pool(shoppers, async (index) => {
    const guest = guests[index]!;
    const started = performance.now();
    const response = await fetch(`${url}/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': guest.address },
      body: JSON.stringify({ productId, quantity: 1 }),
    });
    addToCartMs.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`add to cart answered ${response.status}: ${await response.text()}`);
    guest.cookie = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!).find((cookie) => cookie.startsWith('meanshop_cart='))!;
  });

  const run: Run = { succeeded: 0, refused: 0, failed: 0, seconds: 0 };
  const expYear = new Date().getFullYear() + 2;
  run.seconds = await pool(shoppers, async (index) => {
    const guest = guests[index]!;
    const response = await fetch(`${url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': guest.address, cookie: guest.cookie, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        email: `bench-${index}@example.test`,
        shippingAddress: { name: 'Bench Shopper', line1: '1 Load Street', city: 'Dublin', postalCode: 'D01 B3N4', country: 'IE' },
        shippingMethod: 'standard',
        payment: { provider: 'test', card: { number: testCards.succeeds, expMonth: 12, expYear, cvc: '123' } },
      }),
    });
    await response.arrayBuffer();
    if (response.status === 201) run.succeeded += 1;
    else if (response.status === 409) run.refused += 1;
    else run.failed += 1;
  });
  await expectNoOversell('app', productId, run);
  return { run, addToCartMs: addToCartMs.sort((a, b) => a - b) };
}

/**
 * The baseline: per shopper an order insert, the guarded reservation, then the order marked paid
 * and the unit sold; a refused reservation deletes its order. What the app adds on top is HTTP,
 * validation, the cart, idempotency, pricing, the payment and the status history.
 */
async function baselineRun(client: MongoClient, databaseName: string): Promise<Run> {
  const productId = await benchProduct('Baseline bench lamp');
  const database = client.db(databaseName);
  const products = database.collection<{ _id: ObjectId; status: string; stock: number; reserved: number; available: number; holds: string[] }>('products');
  const orders = database.collection('bench_orders');
  const run: Run = { succeeded: 0, refused: 0, failed: 0, seconds: 0 };
  run.seconds = await pool(shoppers, async (index) => {
    const orderId = new ObjectId();
    const hold = `${orderId.toHexString()}:1`;
    await orders.insertOne({ _id: orderId, email: `bench-${index}@example.test`, status: 'reserving', lines: [{ productId, quantity: 1 }] });
    const reserved = await products.updateOne(
      { _id: productId, status: 'active', available: { $gte: 1 }, holds: { $ne: hold } },
      { $inc: { reserved: 1, available: -1 }, $push: { holds: hold } },
    );
    if (reserved.modifiedCount === 0) {
      await orders.deleteOne({ _id: orderId });
      run.refused += 1;
      return;
    }
    await orders.updateOne({ _id: orderId, status: 'reserving' }, { $set: { status: 'paid' } });
    await products.updateOne({ _id: productId, holds: hold }, { $inc: { reserved: -1, stock: -1 }, $pull: { holds: hold } });
    run.succeeded += 1;
  });
  await expectNoOversell('baseline', productId.toHexString(), run);
  return run;
}

async function expectNoOversell(side: string, productId: string, run: Run): Promise<void> {
  const product = (await ProductModel.findById(productId, { stock: 1, reserved: 1, available: 1 }).lean())!;
  const sound = run.succeeded === stock && run.refused === shoppers - stock && run.failed === 0 && product.available === 0 && product.reserved === 0 && product.stock === 0;
  if (!sound) {
    throw new Error(`${side}: ${run.succeeded} sold, ${run.refused} refused, ${run.failed} failed of ${shoppers} for stock ${stock}; product now ${JSON.stringify(product)}`);
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mean-shop-checkout-bench-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'true', TRUST_PROXY: 'loopback' });
  console.log('Starting the shop (the first run may build the embedded FerretDB, about a minute)…');
  const shop = await startShop(config, createLogger(config));
  // Same pool size as the app (see server/src/database/connect.ts).
  const uri = config.mongodbUri ?? `mongodb://${mongoose.connection.host}:${mongoose.connection.port}/`;
  const client = new MongoClient(uri, { maxPoolSize: shop.database.engine === 'ferretdb' ? 1 : 20 });
  try {
    console.log(`\nDatabase: ${shop.database.summary}; ${shoppers} shoppers, stock ${stock}, ${concurrency} in flight; baseline, app, baseline`);
    const before = await baselineRun(client, mongoose.connection.db!.databaseName);
    const { run: app, addToCartMs } = await appRun(shop, config.demoPassword);
    const after = await baselineRun(client, mongoose.connection.db!.databaseName);

    const perSecond = (run: Run) => shoppers / run.seconds;
    const baseline = (perSecond(before) + perSecond(after)) / 2;
    console.log('\n| side | checkouts/s (attempts) | orders sold | refused (409) | oversold |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [name, run] of [['baseline (before)', before], ['app through HTTP', app], ['baseline (after)', after]] as const) {
      console.log(`| ${name} | ${perSecond(run).toFixed(1)} | ${run.succeeded} | ${run.refused} | 0 |`);
    }
    console.log(`\nCheckout throughput, app ÷ same-run baseline: ${(perSecond(app) / baseline).toFixed(2)} × (target ≥ 0.5 ×)`);
    console.log(`Add to cart through HTTP, ${addToCartMs.length} requests, ${concurrency} in flight: p50 ${percentile(addToCartMs, 0.5).toFixed(1)} ms, p99 ${percentile(addToCartMs, 0.99).toFixed(1)} ms`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await client.close();
    await shop.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
