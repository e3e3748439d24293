/**
 * The indexes that let PostgreSQL answer FerretDB's lookups, and what FerretDB v1 asks of it.
 *
 * FerretDB v1.24.2 (the last v1 release; its storage layout is frozen) keeps each collection of a
 * database in a table `"<database>"."<table>" (_jsonb jsonb)`, the table named in the metadata
 * table `"<database>"._ferretdb_database_metadata` (`_jsonb->>'_id'` the collection,
 * `_jsonb->>'table'` its table, `_jsonb->'indexes'` the declared indexes with their `key` fields).
 *
 * What it pushes down into the SQL `WHERE`, each key of a filter on its own, joined with AND:
 * - a scalar equality, `$eq` or `$ne` on a string, ObjectId, date, boolean or number, as
 *   `_jsonb->$1 @> $2` (dotted fields as `_jsonb#>$1 @> $2`, though `find` drops dotted keys);
 * - nothing else: ranges, `$in`, `$or`, regular expressions, `$exists`, null and sorts are
 *   evaluated in FerretDB after reading every row that the pushed-down part selects, and a limit
 *   is pushed down only for a query without filter or sort.
 * So a hot lookup must include an equality on an indexed field: `{_id}`, `{slug}`, `{email}`,
 * `{tokenHash}`, `{_id, status}`, `{userId}` then sort a few rows in FerretDB.
 *
 * The indexes FerretDB creates are btree indexes on `(_jsonb->'field')`. They enforce uniqueness
 * and serve its own writes by `_id`, but `@>` cannot use a btree, so every pushed-down filter
 * still read the whole table (61 ms for one lookup among 100,000 rows). A GIN `jsonb_path_ops`
 * index on the same expression serves it (0.15 ms). This module gives every field of every
 * declared index, `_id` included, such an index, named `<table>_<field>_<hash>_gin`, and drops
 * those whose field no index declares any more. The embedded server plans each statement with its
 * parameters (`plan_cache_mode=force_custom_plan`, embedded-postgres.ts): a generic plan for
 * `_jsonb->$1` cannot match an expression index on `_jsonb->'slug'`.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';

const metadataTable = '_ferretdb_database_metadata';
const ownIndexSuffix = '_gin';
/** PostgreSQL's identifier limit. */
const maxNameLength = 63;

/** One GIN index serving equality on one field of one collection. */
export interface PushdownIndex {
  collection: string;
  table: string;
  field: string;
  /** The PostgreSQL index name. */
  name: string;
}

interface CollectionMetadata {
  collection: string;
  table: string;
  fields: string[];
}

/**
 * The expression FerretDB's pushed-down filter applies to `field`, as PostgreSQL prints it in an
 * index definition: `(_jsonb -> 'slug'::text)`, or for a dotted field the path FerretDB passes as
 * a text array, `(_jsonb #> '{price,amount}'::text[])`.
 */
export function pushdownExpression(field: string): string {
  const parts = field.split('.');
  if (parts.length === 1) return `(_jsonb -> ${literal(field)}::text)`;
  // Array elements are quoted only where PostgreSQL's own output would quote them.
  const element = (part: string) => (/^[^{}",\\\s]+$/.test(part) && part.toUpperCase() !== 'NULL' ? part : `"${part.replace(/["\\]/g, '\\$&')}"`);
  return `(_jsonb #> ${literal(`{${parts.map(element).join(',')}}`)}::text[])`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function indexNameFor(table: string, field: string): string {
  const hash = createHash('sha256').update(`${table}\0${field}`).digest('hex').slice(0, 8);
  const fieldPart = field.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 20);
  const name = `${table.slice(0, 24)}_${fieldPart}_${hash}${ownIndexSuffix}`;
  return name.slice(0, maxNameLength);
}

async function readCollections(client: pg.Client, schema: string): Promise<CollectionMetadata[]> {
  const { rows: exists } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`${identifier(schema)}.${metadataTable}`]);
  if (!exists[0]?.present) return [];
  const { rows } = await client.query<{ collection: string; table: string; fields: string[] }>(
    `SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table,
            ARRAY(SELECT DISTINCT jsonb_object_keys(index->'key') FROM jsonb_array_elements(_jsonb->'indexes') AS index) AS fields
       FROM ${identifier(schema)}.${metadataTable}`,
  );
  return rows.map((row) => ({ collection: row.collection, table: row.table, fields: [...row.fields].sort() }));
}

/** The indexes this module owns in `schema`, by name. */
async function readOwnIndexes(client: pg.Client, schema: string): Promise<Set<string>> {
  const { rows } = await client.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE $2 AND indexdef LIKE '% USING gin %'`,
    [schema, `%${ownIndexSuffix}`],
  );
  return new Set(rows.map((row) => row.indexname));
}

/**
 * Makes the GIN indexes of `database` (a MongoDB database, a PostgreSQL schema) match the declared
 * indexes, and returns them. Run after the models' indexes are built; idempotent and quick when
 * nothing changed. Tables that got an index are analysed, so the planner knows their size.
 */
export async function indexPushedDownFields(postgresUrl: string, database: string, log: Logger): Promise<PushdownIndex[]> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const wanted: PushdownIndex[] = (await readCollections(client, database)).flatMap(({ collection, table, fields }) =>
      fields.map((field) => ({ collection, table, field, name: indexNameFor(table, field) })),
    );
    const existing = await readOwnIndexes(client, database);
    const analysed = new Set<string>();
    let created = 0;
    for (const index of wanted) {
      if (existing.delete(index.name)) continue;
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${identifier(index.name)} ON ${identifier(database)}.${identifier(index.table)} USING gin (${pushdownExpression(index.field)} jsonb_path_ops)`,
      );
      analysed.add(index.table);
      created += 1;
      log.debug({ collection: index.collection, field: index.field, index: index.name }, 'GIN index created for pushed-down equality');
    }
    // What is left was made for a field that no declared index has any more.
    for (const name of existing) await client.query(`DROP INDEX IF EXISTS ${identifier(database)}.${identifier(name)}`);
    for (const table of analysed) await client.query(`ANALYZE ${identifier(database)}.${identifier(table)}`);
    if (created > 0 || existing.size > 0) log.info({ database, created, dropped: existing.size }, 'PostgreSQL indexes for FerretDB lookups updated');
    return wanted;
  } finally {
    await client.end();
  }
}
