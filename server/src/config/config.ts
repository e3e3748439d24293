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
  DEMO_PRODUCTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1000)),
  CATALOG_LISTING: z.preprocess(emptyAsUndefined, z.enum(['auto', 'memory', 'database']).default('auto')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.string().optional()),
  OIDC_PROVIDERS: z.preprocess(emptyAsUndefined, z.string().optional()),
  RESERVATION_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(7 * 24 * 60).default(15)),
  SHIPPING_STANDARD_PRICE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(495)),
  SHIPPING_EXPRESS_PRICE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(1495)),
  TAX_RATE_PERCENT: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(100).refine((rate) => Number.isInteger(rate * 100), 'at most two decimals').default(20)),
  PAYMENT_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(['test', 'stripe']).default('test')),
  TEST_PAYMENT_WEBHOOK_DELAY_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(600_000).default(3000)),
  STRIPE_SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_…)').optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().regex(/^whsec_/, 'must be a Stripe webhook secret (whsec_…)').optional()),
  STRIPE_API_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9._~+/=-]{32,4096}$/, 'must be 32 or more letters, digits or ._~+/=-').optional()),
});

/** `OIDC_<ID>_…` variables of one listed social login provider; see `oidcProvidersFrom`. */
const oidcProviderEnvironmentSchema = z.object({
  issuer: z
    .url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? 'is required' : 'must be an http(s) URL') })
    .refine(isSecureIssuer, 'must use https:// (plain http:// is allowed for localhost only)'),
  clientId: z.string({ error: 'is required' }).min(1, 'is required'),
  clientSecret: z.string({ error: 'is required' }).min(1, 'is required'),
  name: z.string().trim().min(1).max(40).optional(),
});
const oidcProviderVariables = { issuer: 'ISSUER', clientId: 'CLIENT_ID', clientSecret: 'CLIENT_SECRET', name: 'NAME' } as const;
/** Ids become part of variable names and of `/api/auth/oidc/<id>`, where `providers` is taken. */
const oidcProviderIdPattern = /^[a-z][a-z0-9_]{0,31}$/;

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
  /** How many products the demo seed makes. */
  demoProducts: number;
  /** Where the storefront's reads are answered from; see server/src/catalog/catalog-source.ts. */
  catalogListing: Environment['CATALOG_LISTING'];
  logLevel: NonNullable<Environment['LOG_LEVEL']>;
  /** Express `trust proxy`: a hop count, or addresses/subnets such as `loopback`. */
  trustProxy: number | string | undefined;
  /** Social login (OpenID Connect) providers, in the order of OIDC_PROVIDERS. */
  oidcProviders: OidcProviderConfig[];
  /** Lets a scraper read /metrics as `Authorization: Bearer <token>` without an admin's session. */
  metricsToken: string | undefined;
  commerce: CommerceConfig;
}

/** Prices in minor units of the shop's currency. */
export interface CommerceConfig {
  currency: 'EUR';
  /** How long an unpaid order holds its stock. */
  reservationMs: number;
  shippingPrices: { standard: number; express: number };
  /** Of (subtotal − discount + shipping); 20 % = 2000. */
  taxRateBasisPoints: number;
  paymentProvider: 'test' | 'stripe';
  /** How long the test provider's slow card (…0077) takes to confirm, and its webhooks to arrive. */
  testPaymentWebhookDelayMs: number;
  stripe: { secretKey: string; webhookSecret: string; apiUrl: string | undefined } | undefined;
}

export interface OidcProviderConfig {
  /** Lower-case id, as in `/api/auth/oidc/<id>` and `OIDC_<ID>_ISSUER`. */
  id: string;
  /** Shown on the sign-in button. */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once, at start-up; a bad value stops the server with its name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw configErrorFor(parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message })));
  }
  const values = parsed.data;
  const oidcProviders = oidcProvidersFrom(values.OIDC_PROVIDERS, environment);
  const isProduction = values.NODE_ENV === 'production';
  const dataDir = path.resolve(values.DATA_DIR);
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, '');

  if (isProduction && !values.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  const stripeMissing = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'].filter((name) => !values[name as 'STRIPE_SECRET_KEY']);
  if (values.PAYMENT_PROVIDER === 'stripe' && stripeMissing.length > 0) {
    throw configErrorFor(stripeMissing.map((variable) => ({ variable, message: 'required when PAYMENT_PROVIDER=stripe' })));
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
    demoProducts: values.DEMO_PRODUCTS,
    catalogListing: values.CATALOG_LISTING,
    logLevel: values.LOG_LEVEL ?? (values.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: values.TRUST_PROXY && /^\d+$/.test(values.TRUST_PROXY) ? Number(values.TRUST_PROXY) : values.TRUST_PROXY,
    oidcProviders,
    metricsToken: values.METRICS_TOKEN,
    commerce: {
      currency: 'EUR',
      reservationMs: Math.round(values.RESERVATION_MINUTES * 60_000),
      shippingPrices: { standard: values.SHIPPING_STANDARD_PRICE, express: values.SHIPPING_EXPRESS_PRICE },
      taxRateBasisPoints: Math.round(values.TAX_RATE_PERCENT * 100),
      paymentProvider: values.PAYMENT_PROVIDER,
      testPaymentWebhookDelayMs: values.TEST_PAYMENT_WEBHOOK_DELAY_MS,
      stripe:
        values.STRIPE_SECRET_KEY && values.STRIPE_WEBHOOK_SECRET
          ? { secretKey: values.STRIPE_SECRET_KEY, webhookSecret: values.STRIPE_WEBHOOK_SECRET, apiUrl: values.STRIPE_API_URL }
          : undefined,
    },
  };
}

function configErrorFor(problems: Array<{ variable: string; message: string }>): ConfigError {
  return new ConfigError(`Invalid configuration:\n${problems.map(({ variable, message }) => `  ${variable}: ${message}`).join('\n')}`);
}

/**
 * Plain http is only acceptable to a provider on this machine (a local test provider): anywhere
 * else the tokens and the client secret would cross the network in the clear.
 */
export function isLocalHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function isSecureIssuer(issuer: string): boolean {
  // Runs even when the URL check failed; that check already reports bad URLs and other schemes.
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  return url?.protocol !== 'http:' || isLocalHttpUrl(url);
}

/** OIDC_PROVIDERS=google,local, then OIDC_GOOGLE_ISSUER, OIDC_GOOGLE_CLIENT_ID, … for each listed id. */
function oidcProvidersFrom(list: string | undefined, environment: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const ids = (list ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean);
  const problems: Array<{ variable: string; message: string }> = [];
  const providers: OidcProviderConfig[] = [];
  for (const [index, id] of ids.entries()) {
    if (!oidcProviderIdPattern.test(id) || id === 'providers') {
      problems.push({ variable: 'OIDC_PROVIDERS', message: `"${id}" is not a valid id (a letter, then letters, digits or _; not "providers")` });
      continue;
    }
    if (ids.indexOf(id) !== index) {
      problems.push({ variable: 'OIDC_PROVIDERS', message: `"${id}" is listed twice` });
      continue;
    }
    const prefix = `OIDC_${id.toUpperCase()}_`;
    const parsed = oidcProviderEnvironmentSchema.safeParse(
      Object.fromEntries(Object.entries(oidcProviderVariables).map(([key, suffix]) => [key, emptyAsUndefined(environment[prefix + suffix])])),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof typeof oidcProviderVariables;
        problems.push({ variable: prefix + oidcProviderVariables[key], message: issue.message });
      }
      continue;
    }
    const { name, ...connection } = parsed.data;
    providers.push({ id, name: name ?? id.charAt(0).toUpperCase() + id.slice(1), ...connection });
  }
  if (problems.length > 0) throw configErrorFor(problems);
  return providers;
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
