import mongoose from 'mongoose';
import type { Health } from '@shared/health/health';
import type { DatabaseServer } from './database-server';
import { DatabaseStartError } from './database-start-error';

export type DatabaseInfo = Omit<Health['database'], 'connected'>;

interface BuildInfo {
  version: string;
  ferretdbVersion?: string;
}

const defaultDatabaseName = 'meanshop';

// Operator objects in filters built from input are neutralised, and unknown query fields refused.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');

function databaseNameIn(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

async function readBuildInfo(connection: mongoose.Connection): Promise<BuildInfo> {
  return (await connection.db!.admin().command({ buildInfo: 1 })) as unknown as BuildInfo;
}

/**
 * Connects mongoose's default connection. FerretDB v1 applies an update as a read then a write with
 * no lock between them, so on FerretDB the pool is one connection: operations are serialised and
 * guarded updates stay atomic (SPEC section 8).
 */
export async function connectDatabase(server: DatabaseServer): Promise<DatabaseInfo> {
  const dbName = databaseNameIn(server.uri) ?? defaultDatabaseName;
  const common = { dbName, serverSelectionTimeoutMS: 15_000, autoIndex: true, autoCreate: true };
  let isFerret = server.embedded === 'ferretdb';
  if (!server.embedded) {
    // An external server may be FerretDB too; ask before choosing the pool size.
    const probe = mongoose.createConnection(server.uri, { ...common, maxPoolSize: 1 });
    try {
      await probe.asPromise();
      isFerret = (await readBuildInfo(probe)).ferretdbVersion !== undefined;
    } catch (error) {
      throw new DatabaseStartError(`Cannot reach MONGODB_URI: ${(error as Error).message}`);
    } finally {
      await probe.close();
    }
  }
  await mongoose.connect(server.uri, { ...common, maxPoolSize: isFerret ? 1 : 20 });
  const buildInfo = await readBuildInfo(mongoose.connection);
  const engine = buildInfo.ferretdbVersion !== undefined ? 'ferretdb' : 'mongodb';
  const version = engine === 'ferretdb' ? (server.embeddedVersion ?? buildInfo.ferretdbVersion!) : buildInfo.version;
  const storage = engine === 'ferretdb' && server.postgres ? { engine: 'postgresql' as const, version: server.postgres.version } : undefined;
  return {
    engine,
    version,
    ...(storage ? { storage } : {}),
    summary: `${engine} ${version}${storage ? ` on ${storage.engine} ${storage.version}` : ''}`,
    compatibleWith: buildInfo.version,
    embedded: server.embedded !== undefined,
  };
}

/**
 * Waits until every model's collection and declared indexes exist (mongoose builds them in the
 * background after connecting), so that what depends on them — FerretDB's PostgreSQL indexes,
 * unique-key errors in the first request — finds them.
 */
export async function declaredIndexesBuilt(): Promise<void> {
  await Promise.all(mongoose.modelNames().map((name) => mongoose.model(name).init()));
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
