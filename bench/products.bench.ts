/**
 * Throughput and latency of the shop's busiest reads — a catalogue page, a filtered page with
 * facets, a search, and the admin's product list (any status, most recently changed first) —
 * measured through the whole app (Express, validation, mongoose, facets),
 * once with each listing source (the in-memory catalogue index; indexed database queries), against
 * a baseline: a bare node:http server answering the same paths
 * with the raw mongodb driver on the same database, the straightforward way.
 *
 * The catalogue size is DEMO_PRODUCTS (default 1,000); e.g. `DEMO_PRODUCTS=100000
 * MONGODB_URI=mongodb://… npm run bench` for a large shop on a real MongoDB.
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
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MongoClient, type Collection, type ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import type { CatalogSourceName as ListingSourceName } from '../server/src/catalog/catalog-source';
import { loadConfig, type Config } from '../server/src/config/config';
import { createLogger } from '../server/src/config/logger';
import { startShop, type RunningShop } from '../server/src/shop';
import { closeServer, listen } from './local-server';

/**
 * The catalogue reads a shopper makes most: a page of the catalogue, a filtered page with facets,
 * a search; and the admin dashboard's product list, asked with an admin's token.
 */
const scenarios: readonly Scenario[] = [
  { name: 'listing', path: '/api/products?limit=24&page=1' },
  { name: 'listing with filters and facets', path: '/api/products?limit=24&category=electronics&inStock=true&sort=price_asc' },
  { name: 'search', path: '/api/products?q=wireless&limit=24' },
  { name: 'admin product list', path: '/api/admin/products?limit=5', asAdmin: true },
];
interface Scenario {
  name: string;
  path: string;
  /** Sent with the demo admin's bearer token (the baseline answers without one). */
  asAdmin?: true;
}
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

/** Where a scenario's requests go, and with which headers. */
interface Target {
  url: string;
  headers: Record<string, string>;
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

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const baselineSorts: Record<string, Record<string, 1 | -1>> = {
  relevance: { soldCount: -1, _id: 1 },
  price_asc: { 'price.amount': 1, _id: 1 },
};

/**
 * The same answer the straightforward way: filter, sort and page in the database, a count, and a
 * `$group` by category for the facet — what the app would do without its catalogue index.
 */
async function listActiveProducts(products: Collection<ProductDocument>, url: URL, categories: Collection<{ _id: ObjectId; slug: string; parentId: ObjectId | null }>) {
  const page = positiveIntegerParam(url, 'page', 1);
  const limit = positiveIntegerParam(url, 'limit', 24);
  const filter: Record<string, unknown> = { status: 'active' };
  const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length > 0) filter['$and'] = words.map((word) => ({ searchTerms: new RegExp(`^${escapeRegex(word)}`) }));
  const facetFilter = { ...filter };
  const categorySlug = url.searchParams.get('category');
  if (categorySlug) {
    const category = await categories.findOne({ slug: categorySlug });
    filter['categoryPath'] = category?._id ?? null;
  }
  if (url.searchParams.get('inStock') === 'true') filter['available'] = { $gt: 0 };
  const [items, total, facets] = await Promise.all([
    products
      .find(filter)
      .sort(baselineSorts[url.searchParams.get('sort') ?? 'relevance'] ?? { _id: 1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .toArray(),
    products.countDocuments(filter),
    products.aggregate([{ $match: facetFilter }, { $group: { _id: '$categoryId', count: { $sum: 1 } } }]).toArray(),
  ]);
  return { items: items.map(toListItem), total, page, limit, facets };
}

/** The admin's list the straightforward way: every status, most recently changed first, and a count. */
async function listAllProducts(products: Collection<ProductDocument>, url: URL) {
  const page = positiveIntegerParam(url, 'page', 1);
  const limit = positiveIntegerParam(url, 'limit', 25);
  const [items, total] = await Promise.all([
    products.find({}).sort({ updatedAt: -1, _id: -1 }).skip((page - 1) * limit).limit(limit).toArray(),
    products.countDocuments({}),
  ]);
  return { items: items.map(toListItem), total, page, limit };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

function baselineHandler(products: Collection<ProductDocument>, categories: Collection<{ _id: ObjectId; slug: string; parentId: ObjectId | null }>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://baseline');
    const list = request.method !== 'GET' ? undefined : url.pathname === '/api/products' ? listActiveProducts : url.pathname === '/api/admin/products' ? listAllProducts : undefined;
    if (!list) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    list(products, url, categories).then(
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

async function startBaseline(config: Config, shop: RunningShop): Promise<Baseline> {
  // Same pool size as the app (see server/src/database/connect.ts), so both get the same database concurrency.
  const client = new MongoClient(databaseUri(config), { maxPoolSize: shop.database.engine === 'ferretdb' ? 1 : 20 });
  await client.connect();
  try {
    const database = client.db(mongoose.connection.name);
    const server = createServer(baselineHandler(database.collection<ProductDocument>('products'), database.collection('categories')));
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
async function waitUntilIdle({ url, headers }: Target): Promise<void> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
}

/**
 * autocannon gives up on a request after 10 s by default and counts it as an error. The baseline's
 * scans on FerretDB take 4 to 9.5 s each at 10 connections, so some crossed that line and failed
 * the whole bench although nothing had gone wrong; a minute leaves a slow answer slow, not failed.
 */
const requestTimeoutSeconds = 60;

async function measure(target: Target, seconds: number): Promise<Measurement> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections, duration: seconds, timeout: requestTimeoutSeconds });
  await waitUntilIdle(target);
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

interface AppRun {
  source: ListingSourceName;
  measurement: Measurement;
}

function printTable(scenario: Scenario, baseline: Measurement, apps: AppRun[], baselineRuns: Measurement[]): Array<{ source: ListingSourceName; ratio: string }> {
  const row = (name: string, m: Measurement) => ({
    server: name,
    'requests/s (mean)': m.requestsPerSecond.toFixed(1),
    'p50 latency (ms)': m.latencyP50Ms.toFixed(1),
    'p99 latency (ms)': m.latencyP99Ms.toFixed(1),
    'non-2xx': m.non2xx,
    errors: m.errors,
  });
  const eachBaselineRun = baselineRuns.map((run) => run.requestsPerSecond.toFixed(1)).join(' and ');
  console.log(`\n${scenario.name}: GET ${scenario.path} — ${connections} connections, ${measuredSeconds} s per run`);
  console.log(`baseline = mean of the runs before and after the app (${eachBaselineRun} requests/s)`);
  console.table([
    row('baseline (node:http + mongodb driver)', baseline),
    ...apps.map(({ source, measurement }) => row(`app (MEAN Shop, listings from ${source})`, measurement)),
  ]);
  return apps.map(({ source, measurement }) => {
    const bothMeasured = measurement.completed > 0 && baseline.completed > 0;
    const ratio = bothMeasured ? (measurement.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : 'n/a';
    console.log(`app throughput, listings from ${source} = ${ratio} × baseline`);
    return { source, ratio };
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * The app is measured with each listing source in turn (see server/src/catalog/catalog-source.ts),
 * a shop started for each on the same database. On FerretDB v1 the database source runs six
 * full-table scans per request (ranges, `$in` and sorts are not pushed down), one at a time on its
 * single connection, so a run would end before 10 such requests complete: it is measured on MongoDB.
 */
function listingSourcesFor(engine: RunningShop['database']['engine']): ListingSourceName[] {
  return engine === 'ferretdb' ? ['memory'] : ['memory', 'database'];
}

/** The demo admin's access token (the seed made the account), for the admin scenarios. */
async function signInAsDemoAdmin(shop: RunningShop, config: Config): Promise<string> {
  const response = await fetch(`${shop.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.shop', password: config.demoPassword }),
  });
  if (!response.ok) throw new Error(`signing in as the demo admin answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface BenchedShop {
  shop: RunningShop;
  adminToken: string;
}

function appTarget(scenario: Scenario, { shop, adminToken }: BenchedShop): Target {
  return { url: shop.url + scenario.path, headers: scenario.asAdmin ? { authorization: `Bearer ${adminToken}` } : {} };
}

async function measureApp(scenario: Scenario, app: BenchedShop, seconds: number): Promise<AppRun[]> {
  return [{ source: app.shop.catalog.name, measurement: await measure(appTarget(scenario, app), seconds) }];
}

async function runScenario(scenario: Scenario, app: BenchedShop, baseline: Baseline): Promise<{ ok: boolean; ratios: Array<{ source: ListingSourceName; ratio: string }> }> {
  const baselineTarget: Target = { url: baseline.url + scenario.path, headers: {} };
  const warmUps = [await measure(baselineTarget, warmUpSeconds), ...(await measureApp(scenario, app, warmUpSeconds)).map((run) => run.measurement)];
  const baselineBefore = await measure(baselineTarget, measuredSeconds);
  const apps = await measureApp(scenario, app, measuredSeconds);
  const baselineAfter = await measure(baselineTarget, measuredSeconds);

  const ratios = printTable(scenario, meanOf(baselineBefore, baselineAfter), apps, [baselineBefore, baselineAfter]);
  const measured = [baselineBefore, ...apps.map((run) => run.measurement), baselineAfter];
  const failures = failuresIn([...warmUps, ...measured]);
  if (failures > 0) console.error(`FAIL: ${failures} failed requests (non-2xx or connection errors), warm-ups included`);
  // Not a threshold: with no response there is no throughput or latency to compare, only a misleading 0.
  const unmeasured = measured.some((run) => run.completed === 0);
  if (unmeasured) console.error(`FAIL: a ${measuredSeconds} s run got no response at all; its requests take longer than the run, so set a longer BENCH_DURATION`);
  return { ok: failures === 0 && !unmeasured, ratios };
}

type ScenarioResult = { scenario: string } & Awaited<ReturnType<typeof runScenario>>;

async function runBench(app: BenchedShop, baseline: Baseline): Promise<ScenarioResult[]> {
  console.log(`\nDatabase: ${app.shop.database.summary}; listings from ${app.shop.catalog.name}; each scenario: warm-up (${warmUpSeconds} s each), then baseline, app, baseline`);
  const results = [];
  for (const scenario of scenarios) results.push({ scenario: scenario.name, ...(await runScenario(scenario, app, baseline)) });
  return results;
}

/** A shop answering listings from `source`, on the data of `dataDir` (seeded by the first). */
async function withShop(dataDir: string, source: ListingSourceName, work: (app: BenchedShop, baseline: Baseline) => Promise<void>): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'true', CATALOG_LISTING: source });
  const shop = await startShop(config, createLogger(config));
  let baseline: Baseline | undefined;
  try {
    baseline = await startBaseline(config, shop);
    await work({ shop, adminToken: await signInAsDemoAdmin(shop, config) }, baseline);
  } finally {
    // The baseline's client goes first: it shares the database the shop is about to stop.
    await baseline?.stop().catch((error: unknown) => console.error('stopping the baseline failed:', error));
    await shop.stop();
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mean-shop-bench-'));
  const results: ScenarioResult[] = [];
  try {
    console.log('Starting the shop (the first run may build the embedded FerretDB, about a minute)…');
    let engine: RunningShop['database']['engine'] = 'ferretdb';
    await withShop(dataDir, 'memory', async (app, baseline) => {
      engine = app.shop.database.engine;
      results.push(...(await runBench(app, baseline)));
    });
    for (const source of listingSourcesFor(engine).filter((other) => other !== 'memory')) {
      await withShop(dataDir, source, async (app, baseline) => {
        results.push(...(await runBench(app, baseline)));
      });
    }
    console.log('\nSummary (app throughput ÷ same-run baseline):');
    for (const result of results) {
      for (const { source, ratio } of result.ratios) console.log(`  ${result.scenario.padEnd(34)} listings from ${source.padEnd(8)} ${ratio} ×`);
    }
    if (!results.every((result) => result.ok)) process.exitCode = 1;
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
