/**
 * Throughput and latency of the shop's busiest read, GET /api/products?limit=24&page=1, measured
 * through the whole app (Express, validation, mongoose, facets) against a baseline: a bare
 * node:http server answering the same path with the raw mongodb driver on the same database.
 *
 * Absolute numbers depend on the machine and on whatever else it is doing, so the result that
 * matters is the ratio app / baseline from the same run. The baseline is measured before and after
 * the app and averaged, so drift during the run (thermal throttling, noisy neighbours) shows up on
 * both sides of the ratio instead of only one. There are no absolute thresholds; the bench fails
 * only if a request failed, or if a run got no response at all (then there is nothing to compare).
 *
 * Run with `npm run bench`; BENCH_DURATION=<seconds> shortens or lengthens each measured run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MongoClient, type Collection, type ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { loadConfig, type Config } from '../server/src/config/config';
import { createLogger } from '../server/src/config/logger';
import { startShop, type RunningShop } from '../server/src/shop';

const benchedPath = '/api/products?limit=24&page=1';
const connections = 10;
const warmUpSeconds = 2;
const measuredSeconds = durationFromEnvironment(process.env['BENCH_DURATION'], 10);

interface Measurement {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  /** Responses received; requests still in flight when a run ends are not counted anywhere. */
  completed: number;
}

/** The fields the baseline reads; the stored document has more. */
interface ProductDocument {
  _id: ObjectId;
  slug: string;
  title: string;
  description: string;
  price: { amount: number; currency: string };
  images: ObjectId[];
  available: number;
  sellerId: ObjectId | null;
  createdAt: Date;
  status: string;
  soldCount: number;
}

interface Baseline {
  url: string;
  stop(): Promise<void>;
}

function durationFromEnvironment(value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined || value === '') return fallbackSeconds;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`BENCH_DURATION must be a positive number of seconds, got "${value}"`);
  return seconds;
}

// ---------------------------------------------------------------------------------------------
// Baseline: the least code that can answer the same request from the same data.

function positiveIntegerParam(url: URL, name: string, fallback: number): number {
  const value = Number(url.searchParams.get(name) ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function toListItem(product: ProductDocument) {
  return {
    id: product._id.toHexString(),
    slug: product.slug,
    title: product.title,
    description: product.description,
    price: { amount: product.price.amount, currency: product.price.currency },
    images: product.images.map(String),
    available: product.available,
    sellerId: product.sellerId ? product.sellerId.toHexString() : null,
    createdAt: product.createdAt.toISOString(),
  };
}

async function listActiveProducts(products: Collection<ProductDocument>, page: number, limit: number) {
  const filter = { status: 'active' };
  const [items, total] = await Promise.all([
    products
      .find(filter)
      .sort({ soldCount: -1, _id: 1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .toArray(),
    products.countDocuments(filter),
  ]);
  return { items: items.map(toListItem), total, page, limit };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

function baselineHandler(products: Collection<ProductDocument>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://baseline');
    if (request.method !== 'GET' || url.pathname !== '/api/products') {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    listActiveProducts(products, positiveIntegerParam(url, 'page', 1), positiveIntegerParam(url, 'limit', 24)).then(
      (list) => sendJson(response, 200, list),
      // A failure answers 500, so it is counted as non-2xx and fails the bench.
      (error: unknown) => sendJson(response, 500, { error: String(error) }),
    );
  };
}

/**
 * The shop does not expose the URI it connected to; an embedded engine listens on the host and
 * port mongoose reports, without credentials, and an external one is the configured MONGODB_URI.
 */
function databaseUri(config: Config): string {
  return config.mongodbUri ?? `mongodb://${mongoose.connection.host}:${mongoose.connection.port}/`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function startBaseline(config: Config, shop: RunningShop): Promise<Baseline> {
  // Same pool size as the app (see server/src/database/connect.ts), so both get the same database concurrency.
  const client = new MongoClient(databaseUri(config), { maxPoolSize: shop.database.engine === 'ferretdb' ? 1 : 20 });
  await client.connect();
  try {
    const products = client.db(mongoose.connection.name).collection<ProductDocument>('products');
    const server = createServer(baselineHandler(products));
    const port = await listen(server);
    return {
      url: `http://127.0.0.1:${port}`,
      stop: async () => {
        await closeServer(server);
        await client.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring and reporting.

/**
 * When a run ends, autocannon drops the requests still in flight, but the server keeps working on
 * them, and on FerretDB they queue on one database connection. One more request, queued behind
 * them, returns only once they are done, so the next run starts on an idle database instead of
 * paying for the previous run's backlog.
 */
async function waitUntilIdle(baseUrl: string): Promise<void> {
  const response = await fetch(baseUrl + benchedPath);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${baseUrl}${benchedPath} answered ${response.status}`);
}

async function measure(baseUrl: string, seconds: number): Promise<Measurement> {
  const result = await autocannon({ url: baseUrl + benchedPath, connections, duration: seconds });
  await waitUntilIdle(baseUrl);
  return {
    requestsPerSecond: result.requests.mean,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    completed: result.requests.total,
  };
}

function meanOf(first: Measurement, second: Measurement): Measurement {
  const mean = (a: number, b: number) => (a + b) / 2;
  return {
    requestsPerSecond: mean(first.requestsPerSecond, second.requestsPerSecond),
    latencyP50Ms: mean(first.latencyP50Ms, second.latencyP50Ms),
    latencyP99Ms: mean(first.latencyP99Ms, second.latencyP99Ms),
    // Failures are added, not averaged: one failed request anywhere must still fail the bench.
    non2xx: first.non2xx + second.non2xx,
    errors: first.errors + second.errors,
    completed: first.completed + second.completed,
  };
}

function failuresIn(measurements: Measurement[]): number {
  return measurements.reduce((sum, m) => sum + m.non2xx + m.errors, 0);
}

function printTable(baseline: Measurement, app: Measurement, baselineRuns: Measurement[]): void {
  const row = (name: string, m: Measurement) => ({
    server: name,
    'requests/s (mean)': m.requestsPerSecond.toFixed(1),
    'p50 latency (ms)': m.latencyP50Ms.toFixed(1),
    'p99 latency (ms)': m.latencyP99Ms.toFixed(1),
    'non-2xx': m.non2xx,
    errors: m.errors,
  });
  const eachBaselineRun = baselineRuns.map((run) => run.requestsPerSecond.toFixed(1)).join(' and ');
  console.log(`\nGET ${benchedPath} — ${connections} connections, ${measuredSeconds} s per run`);
  console.log(`baseline = mean of the runs before and after the app (${eachBaselineRun} requests/s)`);
  console.table([row('baseline (node:http + mongodb driver)', baseline), row('app (MEAN Shop)', app)]);
  const bothMeasured = app.completed > 0 && baseline.completed > 0;
  const ratio = bothMeasured ? (app.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : 'n/a';
  console.log(`app throughput = ${ratio} × baseline`);
}

// ---------------------------------------------------------------------------------------------

async function runBench(shop: RunningShop, baseline: Baseline): Promise<boolean> {
  console.log(`Database: ${shop.database.engine} ${shop.database.version}; warming up (${warmUpSeconds} s each)…`);
  const warmUps = [await measure(baseline.url, warmUpSeconds), await measure(shop.url, warmUpSeconds)];
  console.log('Measuring baseline, app, baseline…');
  const baselineBefore = await measure(baseline.url, measuredSeconds);
  const app = await measure(shop.url, measuredSeconds);
  const baselineAfter = await measure(baseline.url, measuredSeconds);

  printTable(meanOf(baselineBefore, baselineAfter), app, [baselineBefore, baselineAfter]);
  const failures = failuresIn([...warmUps, baselineBefore, app, baselineAfter]);
  if (failures > 0) console.error(`FAIL: ${failures} failed requests (non-2xx or connection errors), warm-ups included`);
  // Not a threshold: with no response there is no throughput or latency to compare, only a misleading 0.
  const unmeasured = [baselineBefore, app, baselineAfter].some((run) => run.completed === 0);
  if (unmeasured) console.error(`FAIL: a ${measuredSeconds} s run got no response at all; its requests take longer than the run, so set a longer BENCH_DURATION`);
  return failures === 0 && !unmeasured;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mean-shop-bench-'));
  let shop: RunningShop | undefined;
  let baseline: Baseline | undefined;
  try {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'true' });
    console.log('Starting the shop (the first run may build the embedded FerretDB, about a minute)…');
    shop = await startShop(config, createLogger(config));
    baseline = await startBaseline(config, shop);
    if (!(await runBench(shop, baseline))) process.exitCode = 1;
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    // The baseline's client goes first: it shares the database the shop is about to stop.
    await baseline?.stop().catch((error: unknown) => console.error('stopping the baseline failed:', error));
    await shop?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
