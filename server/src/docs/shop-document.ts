import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import packageJson from '../../../package.json' with { type: 'json' };
import { createApp, type AppContext } from '../app';
import { loadConfig } from '../config/config';
import type { OpenApiDocument } from './openapi';

/**
 * A stand-in for a service the route definitions are handed but that only their handlers use:
 * any property is another stand-in and calling one returns one. It is never awaited (`then` is
 * absent), so a registration that did need a real service at start-up fails loudly instead.
 */
function inert(): never {
  const target = function inertService() {};
  return new Proxy(target, {
    get: (_target, property) => (property === 'then' || typeof property === 'symbol' ? undefined : inert()),
    apply: () => inert(),
  }) as never;
}

/**
 * The OpenAPI document exactly as the shop serves it at `GET /api/openapi.json`, without a database:
 * the real `createApp` registers the real routes with inert services, answers that one request on
 * an ephemeral loopback port, and stops. `production: false` also has the development-only routes.
 */
export async function buildShopOpenApiDocument(options: { production: boolean }): Promise<OpenApiDocument> {
  const config = loadConfig({
    NODE_ENV: options.production ? 'production' : 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://localhost:3000',
    JWT_SECRET: 'openapi-export-only-never-signs-a-real-token',
    LOG_LEVEL: 'silent',
  });
  const events = inert();
  const context: AppContext = {
    config,
    log: pino({ level: 'silent' }),
    database: inert(),
    appVersion: packageJson.version,
    authenticator: inert(),
    accounts: { config, sessions: inert(), mailer: inert(), events, redis: undefined },
    catalog: inert(),
    events,
    inventory: inert(),
    commerce: inert(),
    // The one service every request passes through.
    metrics: { recordRequests: () => (_req: unknown, _res: unknown, next: () => void) => next(), registry: inert() } as unknown as AppContext['metrics'],
    sellers: inert(),
    clientDir: '/nonexistent',
  };
  const server = createServer(createApp(context));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/openapi.json`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
    return (await response.json()) as OpenApiDocument;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
