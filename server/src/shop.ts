import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import packageJson from '../../package.json' with { type: 'json' };
import { createApp } from './app';
import type { Config } from './config/config';
import { connectDatabase, disconnectDatabase, type DatabaseInfo } from './database/connect';
import { startDatabaseServer } from './database/database-server';
import { createSocketServer, type ShopSocketServer } from './realtime/socket-server';
import { seedDemoData, type SeedSummary } from './seed/seed';

export interface RunningShop {
  url: string;
  port: number;
  database: DatabaseInfo;
  seeded: SeedSummary | undefined;
  io: ShopSocketServer;
  httpServer: Server;
  stop(): Promise<void>;
}

/**
 * Starts everything in order — database, seed, HTTP API, socket.io — and returns one `stop` that
 * takes it down in reverse, so nothing (least of all the embedded database) is left running.
 */
export async function startShop(config: Config, log: Logger): Promise<RunningShop> {
  const databaseServer = await startDatabaseServer(config, log);
  const cleanups: Array<() => Promise<void>> = [() => databaseServer.stop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse().splice(0)) {
      await cleanup().catch((error: unknown) => log.error({ err: error }, 'error while stopping'));
    }
  };
  try {
    const database = await connectDatabase(databaseServer);
    cleanups.push(disconnectDatabase);
    const seeded = config.seedDemoData ? await seedDemoData({ demoPassword: config.demoPassword, log }) : undefined;

    const app = createApp({ config, log, database, appVersion: packageJson.version });
    const httpServer = createServer(app);
    const sockets = await createSocketServer(httpServer, config, log);
    cleanups.push(sockets.close);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        }),
    );
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${displayHost(config.host)}:${port}`;
    return { url, port, database, seeded, io: sockets.io, httpServer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
}
