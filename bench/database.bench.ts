/**
 * The embedded database's key lookups and the storefront's hot pages, each against a baseline
 * measured in the same run on the same machine:
 *
 * 1. Lookups, at each catalogue size (BENCH_SIZES, default 1,000 and 100,000 products, with as
 *    many orders-like documents): the app's call through mongoose, FerretDB and PostgreSQL, one at
 *    a time on the app's one connection, against a bare `pg` query doing the same lookup on a plain
 *    indexed table in the same PostgreSQL, also on one connection. Samples of the two alternate, so
 *    drift hits both. Printed: median and p95 of each, and the ratios. Targets: the app within 3×
 *    of the baseline, and its p95 at the largest size within 2× of its p95 at the smallest.
 * 2. Throughput of a listing page and a product page through HTTP (autocannon, 10 connections),
 *    against a bare node:http server answering the same bytes from memory (target: ≥ 0.25×),
 *    and, for scale, Express alone answering those bytes from one route, with no middleware.
 *
 * Absolute numbers depend on the machine and on whatever else it is doing; the ratios are what to
 * compare. The bench fails only when a request failed or a run got no answer.
 *
 * Run with `npm run bench:database`; BENCH_SIZES=1000 for a quick run, BENCH_SAMPLES (default 400)
 * lookups per operation, BENCH_DURATION seconds per throughput run (default 10).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import mongoose, { trusted, Types } from 'mongoose';
import pg from 'pg';
import type { Logger } from 'pino';
import { ProductModel } from '../server/src/catalog/product.model';
import { loadConfig } from '../server/src/config/config';
import { createLogger } from '../server/src/config/logger';
import { indexPushedDownFields } from '../server/src/database/ferretdb-postgres-indexes';
import { startShop, type RunningShop } from '../server/src/shop';
import { closeServer, listen } from './local-server';

const sizes = listFromEnvironment(process.env['BENCH_SIZES'], [1000, 100_000]);
const samples = positiveFromEnvironment('BENCH_SAMPLES', 400);
const throughputSeconds = positiveFromEnvironment('BENCH_DURATION', 10);
const connections = 10;
/** Orders per user: the same at every size, so a user's page costs the same work at each. */
const ordersPerUser = 100;
const benchOrders = 'bench_orders';
const baselineSchema = 'bench_baseline';

function listFromEnvironment(value: string | undefined, fallback: number[]): number[] {
  if (!value) return fallback;
  const list = value.split(',').map(Number);
  if (list.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`BENCH_SIZES must be whole numbers of at least 100, got "${value}"`);
  return list;
}

function positiveFromEnvironment(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return number;
}

// ── statistics ─────────────────────────────────────────────────────────────────────────────

interface Latency {
  medianMs: number;
  p95Ms: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function latencyOf(durations: number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

// ── the data ───────────────────────────────────────────────────────────────────────────────

interface Keys {
  productIds: string[];
  slugs: string[];
  userIds: string[];
  /** A product whose stock the guarded updates draw from, in the app's collection and the baseline's table. */
  stockProductId: string;
}

/** Orders-like documents (checkout arrives later): a number, a user, a date and a total, indexed as orders will be. */
async function insertOrders(count: number): Promise<string[]> {
  const orders = mongoose.connection.db!.collection(benchOrders);
  await orders.createIndex({ number: 1 }, { unique: true });
  await orders.createIndex({ userId: 1, createdAt: -1 });
  const userIds = Array.from({ length: Math.max(1, Math.round(count / ordersPerUser)) }, () => new Types.ObjectId());
  const start = Date.UTC(2026, 0, 1);
  for (let offset = 0; offset < count; offset += 2000) {
    const batch = Array.from({ length: Math.min(2000, count - offset) }, (_, i) => {
      const n = offset + i;
      return {
        number: `MS-${String(100_000 + n)}`,
        userId: userIds[n % userIds.length]!,
        status: 'paid',
        createdAt: new Date(start + n * 60_000),
        totals: { total: { amount: 1000 + (n % 9000), currency: 'EUR' } },
        lines: [{ productId: new Types.ObjectId(), title: `Line of order ${n}`, quantity: 1 + (n % 3) }],
      };
    });
    await orders.insertMany(batch, { ordered: false });
  }
  return userIds.map(String);
}

/**
 * The baseline's tables, in the same PostgreSQL as FerretDB's, copied from FerretDB's own rows:
 * the same documents, with the looked-up fields as plain indexed columns.
 */
async function createBaselineTables(client: pg.Client, database: string): Promise<void> {
  const tableOf = async (collection: string) =>
    (await client.query<{ table: string }>(`SELECT _jsonb->>'table' AS table FROM "${database}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`, [collection])).rows[0]!.table;
  const [products, orders] = [await tableOf('products'), await tableOf(benchOrders)];
  await client.query(`DROP SCHEMA IF EXISTS ${baselineSchema} CASCADE; CREATE SCHEMA ${baselineSchema}`);
  await client.query(`CREATE TABLE ${baselineSchema}.products (id text PRIMARY KEY, slug text NOT NULL UNIQUE, available integer NOT NULL, doc jsonb NOT NULL)`);
  await client.query(
    `INSERT INTO ${baselineSchema}.products SELECT _jsonb->>'_id', _jsonb->>'slug', (_jsonb->>'available')::integer, _jsonb FROM "${database}"."${products}"`,
  );
  await client.query(`CREATE TABLE ${baselineSchema}.orders (id text PRIMARY KEY, user_id text NOT NULL, created_at bigint NOT NULL, doc jsonb NOT NULL)`);
  await client.query(`INSERT INTO ${baselineSchema}.orders SELECT _jsonb->>'_id', _jsonb->>'userId', (_jsonb->>'createdAt')::bigint, _jsonb FROM "${database}"."${orders}"`);
  await client.query(`CREATE INDEX ON ${baselineSchema}.orders (user_id, created_at DESC)`);
  await client.query(`ANALYZE ${baselineSchema}.products; ANALYZE ${baselineSchema}.orders; ANALYZE "${database}"."${products}"; ANALYZE "${database}"."${orders}"`);
}

async function prepareData(size: number, postgresUrl: string, client: pg.Client, log: Logger): Promise<Keys> {
  const userIds = await insertOrders(size);
  await indexPushedDownFields(postgresUrl, mongoose.connection.name, log);
  const products = await ProductModel.find({ status: 'active' }, { slug: 1 }).lean();
  const stockProduct = products[0]!;
  await ProductModel.updateOne({ _id: stockProduct._id }, { $set: { stock: 1_000_000_000, available: 1_000_000_000 } });
  await createBaselineTables(client, mongoose.connection.name);
  return { productIds: products.map((product) => product._id.toString()), slugs: products.map((product) => product.slug), userIds, stockProductId: stockProduct._id.toString() };
}

// ── the lookups ────────────────────────────────────────────────────────────────────────────

interface Lookup {
  name: string;
  /**
   * Lookups by a key carry the 3× target. A user's newest orders is a sort, which FerretDB v1
   * does in Go over the user's orders found by index, and a page through HTTP has more to do:
   * they are reported beside them, with the growth target only.
   */
  keyLookup: boolean;
  app: (pick: number) => Promise<unknown>;
  baseline: (pick: number) => Promise<unknown>;
}

async function expectBody(response: Response): Promise<void> {
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
}

function lookups(shop: RunningShop, keys: Keys, client: pg.Client, baselineHttpUrl: string): Lookup[] {
  const pickOf = <T>(list: T[], pick: number) => list[pick % list.length]!;
  const orders = mongoose.connection.db!.collection(benchOrders);
  return [
    {
      name: 'find a product by _id',
      keyLookup: true,
      app: (pick) => ProductModel.findById(pickOf(keys.productIds, pick)).lean(),
      baseline: (pick) => client.query(`SELECT doc FROM ${baselineSchema}.products WHERE id = $1`, [pickOf(keys.productIds, pick)]),
    },
    {
      name: 'find a product by unique slug',
      keyLookup: true,
      app: (pick) => ProductModel.findOne({ slug: pickOf(keys.slugs, pick) }).lean(),
      baseline: (pick) => client.query(`SELECT doc FROM ${baselineSchema}.products WHERE slug = $1`, [pickOf(keys.slugs, pick)]),
    },
    {
      name: 'guarded stock update',
      keyLookup: true,
      app: () => ProductModel.updateOne({ _id: keys.stockProductId, available: trusted({ $gte: 1 }) }, { $inc: { available: -1, reserved: 1 } }),
      baseline: () => client.query(`UPDATE ${baselineSchema}.products SET available = available - 1 WHERE id = $1 AND available >= 1`, [keys.stockProductId]),
    },
    {
      name: `one user's 20 newest orders (of ${ordersPerUser})`,
      keyLookup: false,
      app: (pick) => orders.find({ userId: new Types.ObjectId(pickOf(keys.userIds, pick)) }).sort({ createdAt: -1 }).limit(20).toArray(),
      baseline: (pick) => client.query(`SELECT doc FROM ${baselineSchema}.orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20`, [pickOf(keys.userIds, pick)]),
    },
    {
      name: 'GET /api/products/:slug through HTTP',
      keyLookup: false,
      app: async (pick) => expectBody(await fetch(`${shop.url}/api/products/${pickOf(keys.slugs, pick)}`)),
      baseline: async (pick) => expectBody(await fetch(`${baselineHttpUrl}/api/products/${pickOf(keys.slugs, pick)}`)),
    },
  ];
}

/** node:http answering a product page with one bare `pg` query: the HTTP lookup's baseline. */
async function startBaselineHttp(client: pg.Client): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const slug = decodeURIComponent((request.url ?? '').replace(/^\/api\/products\//, ''));
    client.query<{ doc: unknown }>(`SELECT doc FROM ${baselineSchema}.products WHERE slug = $1`, [slug]).then(
      ({ rows }) => {
        const body = JSON.stringify(rows[0]?.doc ?? null);
        response.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      },
      () => response.writeHead(500).end(),
    );
  });
  return { url: `http://127.0.0.1:${await listen(server)}`, server };
}

interface LookupResult {
  name: string;
  keyLookup: boolean;
  app: Latency;
  baseline: Latency;
}

async function measureLookup(lookup: Lookup): Promise<LookupResult> {
  const warmUp = Math.min(50, samples);
  for (let pick = 0; pick < warmUp; pick += 1) {
    await lookup.app(pick * 7919);
    await lookup.baseline(pick * 7919);
  }
  const app: number[] = [];
  const baseline: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    // A different key each time, the same key for both, and the order of the pair alternating.
    const pick = (sample + warmUp) * 7919;
    if (sample % 2 === 0) {
      app.push(await timed(() => lookup.app(pick)));
      baseline.push(await timed(() => lookup.baseline(pick)));
    } else {
      baseline.push(await timed(() => lookup.baseline(pick)));
      app.push(await timed(() => lookup.app(pick)));
    }
  }
  return { name: lookup.name, keyLookup: lookup.keyLookup, app: latencyOf(app), baseline: latencyOf(baseline) };
}

// ── throughput ─────────────────────────────────────────────────────────────────────────────

interface Throughput {
  page: string;
  appRequestsPerSecond: number;
  baselineRequestsPerSecond: number;
  expressAloneRequestsPerSecond: number;
  failures: number;
}

async function requestsPerSecond(url: string, seconds: number): Promise<{ mean: number; failures: number; total: number }> {
  const result = await autocannon({ url, connections, duration: seconds });
  return { mean: result.requests.mean, failures: result.non2xx + result.errors, total: result.requests.total };
}

/**
 * The app's page against node:http sending the very bytes the app sent for it, from memory: what
 * the machine can do at most for such a response; and Express with one route sending them, the
 * least an Express app costs. Baseline runs before and after the others, averaged.
 */
async function measureThroughput(page: string, appUrl: string): Promise<Throughput> {
  const sample = await fetch(appUrl);
  const body = Buffer.from(await sample.arrayBuffer());
  const contentType = sample.headers.get('content-type') ?? 'application/json';
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  });
  const expressAlone = express();
  expressAlone.get('/{*path}', (_request, response) => {
    response.type(contentType).send(body);
  });
  const expressServer = createServer(expressAlone);
  const baselineUrl = `http://127.0.0.1:${await listen(bare)}/`;
  const expressUrl = `http://127.0.0.1:${await listen(expressServer)}/api/page`;
  try {
    for (const url of [baselineUrl, expressUrl, appUrl]) await requestsPerSecond(url, 2);
    const before = await requestsPerSecond(baselineUrl, throughputSeconds);
    const alone = await requestsPerSecond(expressUrl, throughputSeconds);
    const app = await requestsPerSecond(appUrl, throughputSeconds);
    const after = await requestsPerSecond(baselineUrl, throughputSeconds);
    const runs = [before, alone, app, after];
    const unanswered = runs.some((run) => run.total === 0) ? 1 : 0;
    return {
      page,
      appRequestsPerSecond: app.mean,
      baselineRequestsPerSecond: (before.mean + after.mean) / 2,
      expressAloneRequestsPerSecond: alone.mean,
      failures: runs.reduce((sum, run) => sum + run.failures, 0) + unanswered,
    };
  } finally {
    await closeServer(bare);
    await closeServer(expressServer);
  }
}

// ── the run ────────────────────────────────────────────────────────────────────────────────

interface SizeResult {
  size: number;
  lookups: LookupResult[];
  throughput: Throughput[];
}

async function benchSize(size: number): Promise<SizeResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mean-shop-bench-db-'));
  let shop: RunningShop | undefined;
  let client: pg.Client | undefined;
  let baselineHttp: Server | undefined;
  try {
    // As a shop runs for shoppers: production (no response checks of the specs), no request log.
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'true',
      DEMO_PRODUCTS: String(size),
      MONGODB_URI: '',
      DB_ENGINE: 'ferretdb',
      REDIS_URL: '',
    });
    console.log(`\n── ${size.toLocaleString('en')} products: seeding the demo shop and ${size.toLocaleString('en')} orders-like documents…`);
    const seedingStarted = Date.now();
    shop = await startShop(config, createLogger(config));
    const postgresUrl = shop.databaseServer.postgres?.url;
    if (!postgresUrl) throw new Error('the bench measures the embedded engine, which stores into its own PostgreSQL');
    client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const keys = await prepareData(size, postgresUrl, client, createLogger(config));
    console.log(`   ready in ${Math.round((Date.now() - seedingStarted) / 1000)} s`);
    const baseline = await startBaselineHttp(client);
    baselineHttp = baseline.server;
    const results: LookupResult[] = [];
    for (const lookup of lookups(shop, keys, client, baseline.url)) results.push(await measureLookup(lookup));
    const throughput = [
      await measureThroughput('listing (GET /api/products?limit=24)', `${shop.url}/api/products?limit=24`),
      await measureThroughput('product page (GET /api/products/:slug)', `${shop.url}/api/products/${keys.slugs[Math.floor(keys.slugs.length / 2)]!}`),
    ];
    printSize(size, results, throughput);
    return { size, lookups: results, throughput };
  } finally {
    if (baselineHttp) await closeServer(baselineHttp);
    await client?.end().catch(() => undefined);
    await shop?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => value.toFixed(2);
const ratio = (value: number) => `${value.toFixed(2)}×`;

function printSize(size: number, results: LookupResult[], throughput: Throughput[]): void {
  console.log(`\nLookups at ${size.toLocaleString('en')} products, ${samples} samples each, one connection each (ms):`);
  console.table(
    results.map((result) => ({
      operation: result.name,
      'app median': ms(result.app.medianMs),
      'app p95': ms(result.app.p95Ms),
      'bare pg median': ms(result.baseline.medianMs),
      'bare pg p95': ms(result.baseline.p95Ms),
      'median ÷ baseline': ratio(result.app.medianMs / result.baseline.medianMs),
      'p95 ÷ baseline': ratio(result.app.p95Ms / result.baseline.p95Ms),
    })),
  );
  console.log(`Throughput through HTTP at ${size.toLocaleString('en')} products, ${connections} connections, ${throughputSeconds} s per run (requests/s):`);
  console.table(
    throughput.map((run) => ({
      page: run.page,
      app: run.appRequestsPerSecond.toFixed(0),
      'node:http, same bytes from memory': run.baselineRequestsPerSecond.toFixed(0),
      'app ÷ node:http': ratio(run.appRequestsPerSecond / run.baselineRequestsPerSecond),
      'Express alone, same bytes': run.expressAloneRequestsPerSecond.toFixed(0),
      'Express alone ÷ node:http': ratio(run.expressAloneRequestsPerSecond / run.baselineRequestsPerSecond),
      failures: run.failures,
    })),
  );
}

function printSummary(results: SizeResult[]): boolean {
  const smallest = results[0]!;
  const largest = results.at(-1)!;
  console.log('\nSummary against the targets');
  const rows: Array<Record<string, string>> = [];
  for (const lookup of largest.lookups) {
    const atSmallest = smallest.lookups.find((candidate) => candidate.name === lookup.name)!;
    const withinBaseline = lookup.app.medianMs / lookup.baseline.medianMs;
    const growth = lookup.app.p95Ms / atSmallest.app.p95Ms;
    rows.push({
      operation: lookup.name,
      [`median ÷ bare pg at ${largest.size}`]: `${ratio(withinBaseline)}${lookup.keyLookup ? (withinBaseline <= 3 ? ' (≤ 3×: met)' : ' (≤ 3×: NOT met)') : ''}`,
      [`p95 at ${largest.size} ÷ p95 at ${smallest.size}`]: results.length > 1 ? `${ratio(growth)}${growth <= 2 ? ' (≤ 2×: met)' : ' (≤ 2×: NOT met)'}` : 'n/a',
    });
  }
  console.table(rows);
  for (const result of results) {
    for (const run of result.throughput) {
      const share = run.appRequestsPerSecond / run.baselineRequestsPerSecond;
      const frameworkShare = run.expressAloneRequestsPerSecond / run.baselineRequestsPerSecond;
      console.log(`  ${result.size} products, ${run.page}: ${ratio(share)} of bare node:http (≥ 0.25×: ${share >= 0.25 ? 'met' : 'NOT met'}); Express alone ${ratio(frameworkShare)}, so the app is ${ratio(share / frameworkShare)} of Express alone`);
    }
  }
  return results.every((result) => result.throughput.every((run) => run.failures === 0));
}

async function main(): Promise<void> {
  console.log(`Embedded engine lookups and pages; sizes ${sizes.join(', ')}`);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size));
  if (!printSummary(results)) {
    console.error('FAIL: some requests failed or a run got no answer');
    process.exitCode = 1;
  }
}

await main();
