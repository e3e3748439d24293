import type { DatabaseCollection, DatabaseIndex, DatabaseOverview } from '@shared/admin/database';
import mongoose from 'mongoose';
import pg from 'pg';
import type { DatabaseInfo } from '../database/connect';
import { pushdownExpression } from '../database/ferretdb-postgres-indexes';
import { exportPolicyFor } from './export-policy';

/** What collStats answers on both engines (FerretDB v1.24.2 included), as far as the page needs it. */
interface CollectionStats {
  size?: number;
  totalIndexSize?: number;
  totalSize?: number;
}

/** What PostgreSQL holds beneath FerretDB for one collection. */
interface PostgresTable {
  table: string;
  totalBytes: number;
  /** The expressions PostgreSQL has a GIN index on, as it prints them in an index definition. */
  ginDefinitions: string[];
}

function database(): mongoose.mongo.Db {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return db;
}

/** The shop's collections: views and the engine's own `system.*` collections are not data to show or export. */
export async function shopCollectionNames(): Promise<string[]> {
  const collections = await database().listCollections({}, { nameOnly: true }).toArray();
  return collections
    .filter((collection) => (collection.type ?? 'collection') === 'collection' && !collection.name.startsWith('system.'))
    .map((collection) => collection.name)
    .sort();
}

async function statsOf(name: string): Promise<CollectionStats | undefined> {
  // `collStats` is deprecated on MongoDB 6.2+ but answers on 7 and 8; FerretDB v1 has no `$collStats` storage figures of its own.
  return (await database().command({ collStats: name }).catch(() => undefined)) as CollectionStats | undefined;
}

/**
 * FerretDB's metadata table names each collection's table; pg_indexes says which GIN expression
 * indexes exist on it (ferretdb-postgres-indexes.ts makes them).
 */
async function readPostgresTables(postgresUrl: string, schema: string): Promise<Map<string, PostgresTable>> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const { rows: present } = await client.query<{ present: boolean }>('SELECT to_regclass(format(\'%I._ferretdb_database_metadata\', $1::text)) IS NOT NULL AS present', [schema]);
    if (!present[0]?.present) return new Map();
    const { rows } = await client.query<{ collection: string; table: string; total_bytes: string; gin: string[] }>(
      `SELECT metadata._jsonb->>'_id' AS collection,
              metadata._jsonb->>'table' AS table,
              pg_total_relation_size(format('%I.%I', $1::text, metadata._jsonb->>'table')::regclass) AS total_bytes,
              ARRAY(SELECT indexdef FROM pg_indexes
                     WHERE schemaname = $1 AND tablename = metadata._jsonb->>'table' AND indexdef LIKE '% USING gin %') AS gin
         FROM ${identifier(schema)}._ferretdb_database_metadata AS metadata`,
      [schema],
    );
    return new Map(rows.map((row) => [row.collection, { table: row.table, totalBytes: Number(row.total_bytes), ginDefinitions: row.gin }]));
  } finally {
    await client.end();
  }
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function servedBy(table: PostgresTable | undefined, fields: string[]): boolean | null {
  if (!table) return null;
  return fields.every((field) => table.ginDefinitions.some((definition) => definition.includes(pushdownExpression(field))));
}

async function describeCollection(name: string, table: PostgresTable | undefined, onFerretDb: boolean): Promise<DatabaseCollection> {
  const collection = database().collection(name);
  const [documents, stats, indexes] = await Promise.all([collection.countDocuments({}), statsOf(name), collection.listIndexes().toArray()]);
  return {
    name,
    documents,
    dataBytes: stats?.size ?? null,
    indexBytes: stats?.totalIndexSize ?? null,
    storageBytes: table?.totalBytes ?? stats?.totalSize ?? null,
    indexes: indexes.map((index): DatabaseIndex => {
      const keys = Object.entries(index['key'] as Record<string, number | string>).map(([field, order]) => ({ field, order }));
      return {
        name: String(index['name']),
        keys,
        unique: index['unique'] === true || index['name'] === '_id_',
        servedByPostgres: onFerretDb ? servedBy(table, keys.map((key) => key.field)) : null,
      };
    }),
    export: exportPolicyFor(name),
  };
}

/** The engine, and every collection with its size and indexes; on the embedded FerretDB also what PostgreSQL makes of them. */
export async function readDatabaseOverview(info: DatabaseInfo, options: { postgresUrl: string | undefined; reseedAvailable: boolean }): Promise<DatabaseOverview> {
  const databaseName = database().databaseName;
  const onFerretDb = info.engine === 'ferretdb' && options.postgresUrl !== undefined;
  const tables = onFerretDb ? await readPostgresTables(options.postgresUrl!, databaseName) : new Map<string, PostgresTable>();
  const names = await shopCollectionNames();
  // One at a time: on FerretDB the shop has a single connection, and shoppers share it.
  const collections: DatabaseCollection[] = [];
  for (const name of names) collections.push(await describeCollection(name, tables.get(name), onFerretDb));
  return {
    engine: { engine: info.engine, version: info.version, ...(info.storage ? { storage: info.storage } : {}), summary: info.summary, embedded: info.embedded },
    database: databaseName,
    collections,
    reseedAvailable: options.reseedAvailable,
  };
}
