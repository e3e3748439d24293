import { collectionExportContentType, collectionNameParamsSchema, databaseOverviewSchema, databaseReseedSchema } from '@shared/admin/database';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { DatabaseInfo } from '../database/connect';
import type { ShopEvents } from '../events/shop-events';
import type { ApiRoutes } from '../http/api-routes';
import { exportCollection } from './collection-export';
import { readDatabaseOverview } from './database-overview';
import { DemoReseeder } from './demo-reseed';

export interface DatabaseAdminContext {
  config: Config;
  log: Logger;
  database: DatabaseInfo;
  events: ShopEvents;
  /** The embedded FerretDB's PostgreSQL, to tell which indexes it serves. */
  postgresUrl?: string | undefined;
}

export function registerDatabaseAdminRoutes(api: ApiRoutes, context: DatabaseAdminContext): void {
  const adminsOnly = { roles: ['admin'] } as const;
  const reseedAvailable = !context.config.isProduction;

  api.add({
    method: 'get', path: '/admin/db', tag: 'Admin', auth: adminsOnly,
    summary: 'The database engine, its collections with counts, sizes and indexes, and on the embedded FerretDB which indexes PostgreSQL serves',
    response: { status: 200, description: 'The database as the engine reports it', schema: databaseOverviewSchema },
    handler: () => readDatabaseOverview(context.database, { postgresUrl: context.postgresUrl, reseedAvailable }),
  });

  api.add({
    method: 'get', path: '/admin/db/collections/:name/export', tag: 'Admin', auth: adminsOnly,
    summary: 'Download a collection as newline-delimited canonical Extended JSON',
    description:
      'Streamed as it is read. Refused (403) for collections of session and mailed tokens; users\' password hashes, stored order answers and development mail bodies are left out, as is any field named like a password, secret or token.',
    params: collectionNameParamsSchema,
    response: { status: 200, description: 'One canonical Extended JSON document per line', contentType: collectionExportContentType },
    errors: [404],
    audit: { action: 'collection.exported', targetType: 'collection', after: () => null },
    handler: async ({ params }, _req, res) => {
      await exportCollection(params.name, res);
      return undefined;
    },
  });

  if (!reseedAvailable) return;
  const reseeder = new DemoReseeder({ config: context.config, log: context.log, events: context.events, postgresUrl: context.postgresUrl });
  api.add({
    method: 'post', path: '/admin/db/reseed', tag: 'Admin', auth: adminsOnly,
    summary: 'Development only: delete the shop\'s data and seed the demo shop again (every session ends)',
    response: { status: 200, description: 'What was seeded', schema: databaseReseedSchema },
    errors: [409],
    audit: { action: 'database.reseeded', targetType: 'database', targetId: () => null },
    handler: () => reseeder.reseed(),
  });
}
