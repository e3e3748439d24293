import { healthSchema, type Health } from '@shared/health/health';
import mongoose from 'mongoose';
import type { DatabaseInfo } from '../database/connect';
import type { ApiRoutes } from '../http/api-routes';

export function registerHealthRoutes(api: ApiRoutes, context: { database: DatabaseInfo; appVersion: string }): void {
  api.add({
    method: 'get',
    path: '/health',
    tag: 'Health',
    summary: 'Liveness and the database engine in use',
    response: { status: 200, description: 'The server is up', schema: healthSchema },
    handler: async (): Promise<Health> => {
      const connected = await mongoose.connection.db
        ?.admin()
        .ping()
        .then(() => true)
        .catch(() => false);
      return {
        status: connected ? 'ok' : 'degraded',
        uptimeSeconds: Math.round(process.uptime()),
        version: context.appVersion,
        database: { ...context.database, connected: connected ?? false },
      };
    },
  });
}
