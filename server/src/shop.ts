import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import packageJson from '../../package.json' with { type: 'json' };
import { AccessTokens } from './accounts/access-tokens';
import { Authenticator } from './accounts/authenticator';
import { startTokenHousekeeping } from './accounts/housekeeping';
import { Sessions } from './accounts/sessions.service';
import { createApp } from './app';
import { CatalogIndex } from './catalog/catalog-index';
import { chooseCatalogSource, type CatalogSource } from './catalog/catalog-source';
import { DatabaseCatalog } from './catalog/database-catalog';
import { MemoryCatalog } from './catalog/memory-catalog';
import type { Config } from './config/config';
import mongoose from 'mongoose';
import { Registry } from 'prom-client';
import { connectDatabase, declaredIndexesBuilt, disconnectDatabase, type DatabaseInfo } from './database/connect';
import { startDatabaseServer, type DatabaseServer } from './database/database-server';
import { indexPushedDownFields } from './database/ferretdb-postgres-indexes';
import { connectRedis } from './database/redis-client';
import { ShopEvents } from './events/shop-events';
import { Inventory } from './inventory/inventory';
import { ensureMediaIndexes } from './media/media.storage';
import { ShopMetrics } from './metrics/shop-metrics';
import { Mailer } from './notifications/mailer';
import { createCommerce, type Commerce } from './orders/commerce';
import { OrderModel } from './orders/order.model';
import { createSocketServer, pushShopEvents, type ShopSocketServer } from './realtime/socket-server';
import { seedDemoData, type SeedSummary } from './seed/seed';
import { ensureSellerRecords, Sellers } from './sellers/sellers.service';

export interface RunningShop {
  url: string;
  port: number;
  database: DatabaseInfo;
  seeded: SeedSummary | undefined;
  databaseServer: DatabaseServer;
  /** Where the storefront's reads come from (catalog-source.ts). */
  catalog: CatalogSource;
  events: ShopEvents;
  inventory: Inventory;
  commerce: Commerce;
  io: ShopSocketServer;
  httpServer: Server;
  stop(): Promise<void>;
}

/**
 * Starts everything in order — database, seed, HTTP API, socket.io — and returns one `stop` that
 * takes it down in reverse, so nothing (least of all the embedded database) is left running.
 */
export interface ShopOptions {
  /** The built Angular app; tests point it elsewhere. */
  clientDir?: string;
  /** A database server the caller started and stops (the specs share one); else config decides. */
  databaseServer?: DatabaseServer;
}

export async function startShop(config: Config, log: Logger, options: ShopOptions = {}): Promise<RunningShop> {
  const { databaseServer: sharedDatabaseServer, ...appOptions } = options;
  const databaseServer = sharedDatabaseServer ?? (await startDatabaseServer(config, log));
  const cleanups: Array<() => Promise<void>> = sharedDatabaseServer ? [] : [() => databaseServer.stop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse().splice(0)) {
      await cleanup().catch((error: unknown) => log.error({ err: error }, 'error while stopping'));
    }
  };
  try {
    const database = await connectDatabase(databaseServer);
    cleanups.push(disconnectDatabase);
    await declaredIndexesBuilt();
    await ensureMediaIndexes();
    const seeded = config.seedDemoData ? await seedDemoData({ demoPassword: config.demoPassword, log, commerce: config.commerce, productCount: config.demoProducts }) : undefined;
    await ensureSellerRecords();
    // After the seed: indexing a full table once is quicker than updating an index per insert.
    if (databaseServer.postgres) await indexPushedDownFields(databaseServer.postgres.url, mongoose.connection.name, log);

    const events = new ShopEvents(log);
    // Relayed before the catalogue is read, so that no other instance's change is missed in between.
    if (config.redisUrl) cleanups.push(await events.relayThroughRedis(config.redisUrl));
    const catalogSource = chooseCatalogSource(config.catalogListing, database.engine);
    if (catalogSource === 'memory' && database.engine === 'mongodb' && !config.redisUrl) {
      log.warn('CATALOG_LISTING=memory without REDIS_URL: another instance\'s catalogue changes will not reach this one until it restarts');
    }
    const catalog = createCatalog(catalogSource, events, log);
    const inventory = new Inventory(events);

    const stopHousekeeping = startTokenHousekeeping(log);
    cleanups.push(async () => stopHousekeeping());
    const accessTokens = new AccessTokens(config.jwtSecret);
    const authenticator = new Authenticator(accessTokens);
    const mailer = new Mailer(config, log);
    cleanups.push(async () => mailer.close());
    const redis = config.redisUrl ? await connectRedis(config.redisUrl, log, 'rate-limit store') : undefined;
    if (redis) {
      cleanups.push(async () => {
        await redis.quit();
      });
    }
    const secureCookies = config.isProduction || config.publicUrl.startsWith('https:');
    const commerce = createCommerce({ config, log, events, inventory, catalog, mailer, secureCookies });
    cleanups.push(() => commerce.stop());
    const httpServer = createServer();
    const sockets = await createSocketServer(
      config,
      log,
      authenticator,
      (productIds) => catalog.availability(productIds),
      async (orderId, user, token) => {
        const order = await OrderModel.findById(orderId, { userId: 1, status: 1 }).lean();
        const own = order?.userId && user && order.userId.toString() === user.id;
        return order && (own || user?.role === 'admin' || commerce.guestOrderLinks.opens(orderId, token)) ? order.status : undefined;
      },
    );
    pushShopEvents(events, sockets.io);
    cleanups.push(async () => {
      // socket.io disconnects its clients and stops the listener; open HTTP keep-alive
      // connections are then closed so that the server's close completes.
      const closed = httpServer.listening ? once(httpServer, 'close') : Promise.resolve();
      await sockets.close();
      httpServer.closeAllConnections();
      await closed;
    });
    const sessions = new Sessions(accessTokens, secureCookies);
    // A registry per shop: two shops in one process (the multi-instance specs) count apart.
    const metrics = new ShopMetrics(new Registry(), sockets.io);
    const app = createApp({ config, log, database, appVersion: packageJson.version, authenticator, accounts: { config, sessions, mailer, events, redis }, catalog, events, inventory, commerce, metrics, postgresUrl: databaseServer.postgres?.url, sellers: new Sellers(events), ...appOptions });
    httpServer.on('request', app);
    // Attached after the API's listener, which it wraps: a request to /socket.io/ is socket.io's alone.
    sockets.io.attach(httpServer);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${displayHost(config.host)}:${port}`;
    // The test provider's webhooks come back over HTTP, to this very process.
    commerce.start(`http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : displayHost(config.host)}:${port}`);
    return { url, port, database, databaseServer, seeded, catalog, events, inventory, commerce, io: sockets.io, httpServer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function createCatalog(source: CatalogSource['name'], events: ShopEvents, log: Logger): CatalogSource {
  log.debug({ source }, 'catalogue reads source chosen');
  if (source === 'database') return new DatabaseCatalog();
  const index = new CatalogIndex(events, log);
  // Read while the rest starts, not on the first shopper's request (a large catalogue takes seconds).
  index.load().catch((error: unknown) => log.warn({ err: error }, 'could not load the catalogue index'));
  return new MemoryCatalog(index, events);
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
}
