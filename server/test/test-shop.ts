import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig, type Config } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import type { DatabaseServer } from '../src/database/database-server';
import { startShop, type RunningShop } from '../src/shop';

let databaseServer: DatabaseServer | undefined;

export function setTestDatabaseServer(server: DatabaseServer): void {
  databaseServer = server;
}

/** The database server the whole suite shares: its PostgreSQL, for specs that look beneath FerretDB. */
export function testDatabaseServer(): DatabaseServer {
  if (!databaseServer) throw new Error('the test database helper did not start a database');
  return databaseServer;
}

/** `mongodb://host:port/` + a database name of the spec's own (any path or options of the base URI are replaced). */
export function uriWithDatabase(baseUri: string, databaseName: string): string {
  const [withoutOptions, options] = baseUri.split('?');
  const hosts = /^(mongodb(?:\+srv)?:\/\/[^/]+)/.exec(withoutOptions!)![1];
  return `${hosts}/${databaseName}${options ? `?${options}` : ''}`;
}

function randomClientAddress(): string {
  const bytes = randomBytes(2);
  return `10.${bytes[0]}.${bytes[1]}.${1 + (bytes[0]! % 250)}`;
}

export interface TestShop {
  /** e.g. `http://127.0.0.1:40123` */
  readonly url: string;
  readonly shop: RunningShop;
  readonly config: Config;
  /** `fetch` against the shop, with a JSON body when one is given. */
  request(pathname: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/**
 * Starts the real shop — HTTP server, socket.io and all — on a free port, against a database of
 * this spec file's own, before its specs, and drops that database after them.
 */
/** `environment` may be a function, read in beforeAll, for values known only then (a mock server's port). */
export function useTestShop(environment: Record<string, string> | (() => Record<string, string>) = {}, options: { clientDir?: string } = {}): TestShop {
  let running: RunningShop | undefined;
  let config: Config | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    if (!databaseServer) throw new Error('the test database helper did not start a database');
    dataDir = mkdtempSync(path.join(tmpdir(), 'meanshop-spec-'));
    config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'false',
      // Specs act as many clients behind one proxy (see the X-Forwarded-For in `request`), so
      // per-address rate limits apply per simulated client; rate-limit specs turn this off.
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
      ...(typeof environment === 'function' ? environment() : environment),
    });
    const ownDatabase = { ...databaseServer, uri: uriWithDatabase(databaseServer.uri, `spec_${randomBytes(6).toString('hex')}`) };
    running = await startShop(config, createLogger(config), { ...options, databaseServer: ownDatabase });
  }, 120_000);

  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await running?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  return {
    get url() {
      return `http://127.0.0.1:${running!.port}`;
    },
    get shop() {
      return running!;
    },
    get config() {
      return config!;
    },
    request(pathname, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', randomClientAddress());
      return fetch(`http://127.0.0.1:${running!.port}${pathname}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
  };
}
