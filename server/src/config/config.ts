import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Every environment variable the server reads; the README's configuration table mirrors this. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  MONGODB_URI: z.preprocess(emptyAsUndefined, z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
  DATA_DIR: z.string().default('./data'),
  DB_ENGINE: z.preprocess(emptyAsUndefined, z.enum(['auto', 'mongod', 'ferretdb']).default('auto')),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('MEAN Shop <no-reply@localhost>')),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  CORS_ORIGINS: z.preprocess(emptyAsUndefined, z.string().optional()),
  JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  DEMO_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8).default('demo-password')),
  SEED_DEMO_DATA: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.string().optional()),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  env: Environment['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  mongodbUri: string | undefined;
  dataDir: string;
  dbEngine: Environment['DB_ENGINE'];
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  corsOrigins: string[];
  jwtSecret: string;
  demoPassword: string;
  seedDemoData: boolean;
  logLevel: NonNullable<Environment['LOG_LEVEL']>;
  /** Express `trust proxy`: a hop count, or addresses/subnets such as `loopback`. */
  trustProxy: number | string | undefined;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once, at start-up; a bad value stops the server with its name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  const dataDir = path.resolve(values.DATA_DIR);
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, '');

  if (isProduction && !values.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }

  return {
    env: values.NODE_ENV,
    isProduction,
    port: values.PORT,
    host: values.HOST,
    mongodbUri: values.MONGODB_URI,
    dataDir,
    dbEngine: values.DB_ENGINE,
    redisUrl: values.REDIS_URL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    publicUrl,
    corsOrigins: values.CORS_ORIGINS ? values.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : [publicUrl],
    jwtSecret: values.JWT_SECRET ?? developmentJwtSecret(dataDir),
    demoPassword: values.DEMO_PASSWORD,
    seedDemoData: values.SEED_DEMO_DATA ? values.SEED_DEMO_DATA === 'true' : !isProduction,
    logLevel: values.LOG_LEVEL ?? (values.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: values.TRUST_PROXY && /^\d+$/.test(values.TRUST_PROXY) ? Number(values.TRUST_PROXY) : values.TRUST_PROXY,
  };
}

/** Outside production a secret is generated once and kept in DATA_DIR, so sessions survive restarts. */
function developmentJwtSecret(dataDir: string): string {
  const secretFile = path.join(dataDir, 'jwt-secret');
  try {
    return readFileSync(secretFile, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      writeFileSync(secretFile, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return readFileSync(secretFile, 'utf8').trim();
    }
  }
}
