import { z } from 'zod';
import { healthSchema } from '../health/health';

const engineSchema = healthSchema.shape.database.pick({ engine: true, version: true, storage: true, summary: true, embedded: true });

export const databaseIndexSchema = z.object({
  name: z.string(),
  keys: z
    .array(z.object({ field: z.string(), order: z.union([z.number(), z.string()]) }))
    .meta({ description: 'The index key in order: `1` ascending, `-1` descending, or a special kind such as `text`' }),
  unique: z.boolean(),
  servedByPostgres: z
    .boolean()
    .nullable()
    .meta({
      description:
        'On the embedded FerretDB: whether PostgreSQL has a GIN index on every field of the key, so that FerretDB\'s pushed-down equality on it is answered from an index. Null where the question does not arise (MongoDB, or a FerretDB whose PostgreSQL the shop cannot see).',
    }),
});

export type DatabaseIndex = z.infer<typeof databaseIndexSchema>;

export const collectionExportPolicySchema = z.object({
  allowed: z.boolean(),
  redactedFields: z.array(z.string()).meta({ description: 'Fields left out of every exported document (dotted for nested ones)' }),
  reason: z.string().optional().meta({ description: 'Why the collection is refused or redacted' }),
});

export type CollectionExportPolicy = z.infer<typeof collectionExportPolicySchema>;

export const databaseCollectionSchema = z.object({
  name: z.string(),
  documents: z.number().int().nonnegative(),
  dataBytes: z.number().nonnegative().nullable().meta({ description: 'The documents\' size as the engine reports it (collStats `size`)' }),
  indexBytes: z.number().nonnegative().nullable().meta({ description: 'The indexes\' size as the engine reports it (collStats `totalIndexSize`)' }),
  storageBytes: z
    .number()
    .nonnegative()
    .nullable()
    .meta({ description: 'On the embedded FerretDB, PostgreSQL\'s `pg_total_relation_size` of the collection\'s table (GIN indexes included); else the engine\'s total size' }),
  indexes: z.array(databaseIndexSchema),
  export: collectionExportPolicySchema,
});

export type DatabaseCollection = z.infer<typeof databaseCollectionSchema>;

export const databaseOverviewSchema = z
  .object({
    engine: engineSchema,
    database: z.string().meta({ description: 'The database\'s name' }),
    collections: z.array(databaseCollectionSchema),
    reseedAvailable: z.boolean().meta({ description: 'True in development, where POST /api/admin/db/reseed exists' }),
  })
  .meta({ id: 'DatabaseOverview' });

export type DatabaseOverview = z.infer<typeof databaseOverviewSchema>;

/** Only names the shop could have made: no path separators, no `$`, no leading dot; `system.*` is then refused as unknown. */
export const collectionNameParamsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/, 'not a collection name'),
});

export const databaseReseedSchema = z
  .object({
    products: z.number().int(),
    categories: z.number().int(),
    orders: z.number().int(),
    accounts: z.array(z.object({ email: z.string(), role: z.string() })),
    signedOut: z.literal(true).meta({ description: 'Every account was replaced, so every session, the caller\'s included, has ended' }),
  })
  .meta({ id: 'DatabaseReseed' });

export type DatabaseReseed = z.infer<typeof databaseReseedSchema>;

/** The export's media type: one canonical Extended JSON document per line. */
export const collectionExportContentType = 'application/x-ndjson';
