import { z } from 'zod';

export const databaseEngines = ['mongodb', 'ferretdb'] as const;

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    uptimeSeconds: z.number(),
    version: z.string().meta({ description: 'Version of MEAN Shop' }),
    database: z.object({
      engine: z.enum(databaseEngines),
      version: z.string().meta({ description: 'Version of the engine, e.g. `7.0.14` or FerretDB `v1.24.2`' }),
      storage: z
        .object({ engine: z.literal('postgresql'), version: z.string() })
        .optional()
        .meta({ description: 'What FerretDB stores into, when the shop knows it (its embedded PostgreSQL)' }),
      summary: z.string().meta({ description: 'The engine in words, e.g. `ferretdb v1.24.2 on postgresql 17.10` or `mongodb 8.0.4`' }),
      compatibleWith: z.string().meta({ description: 'MongoDB version the server reports to drivers' }),
      embedded: z.boolean().meta({ description: 'True when the app started the database itself' }),
      connected: z.boolean(),
    }),
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof healthSchema>;
