import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RedisClient } from '../database/redis-client';
import { AppError } from '../http/app-error';

const minute = 60_000;

interface LimitOptions {
  /** Names the counter in Redis; unique per limit. */
  name: string;
  windowMs: number;
  limit: number;
  key: (req: Request) => string;
  /** Count only failed attempts (a wrong password), not successful sign-ins. */
  onlyFailures?: boolean;
}

/**
 * Counts live in this instance's memory, or with REDIS_URL in Redis, so that several instances
 * behind a load balancer share one limit instead of granting it once each.
 */
function limit(options: LimitOptions, redis: RedisClient | undefined): RequestHandler {
  return rateLimit({
    ...(redis
      ? { store: new RedisStore({ prefix: `meanshop:rate-limit:${options.name}:`, sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<RedisReply> }) }
      : {}),
    // Should Redis fail, sign-in keeps working unlimited rather than failing for everyone.
    passOnStoreError: true,
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: options.key,
    skipSuccessfulRequests: options.onlyFailures ?? false,
    // req.ip honours TRUST_PROXY: without a trusted proxy a forged X-Forwarded-For changes nothing.
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new AppError(429, 'rate_limited', 'Too many attempts. Please wait a few minutes and try again.')),
  });
}

const byIp = (req: Request) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;

/** The account an attempt is about, before validation: the normalised email in the body. */
const byAccount = (req: Request) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase().slice(0, 254)}` : byIp(req);
};

/** Sign-in, sign-up and password reset are limited per address and per account (issue 3). */
export function accountRateLimits(redis?: RedisClient) {
  const limits = (...options: LimitOptions[]) => options.map((option) => limit(option, redis));
  return {
    signIn: limits(
      { name: 'sign-in:ip', windowMs: 15 * minute, limit: 30, key: byIp },
      { name: 'sign-in:account', windowMs: 15 * minute, limit: 10, key: byAccount, onlyFailures: true },
    ),
    signUp: limits(
      { name: 'sign-up:ip', windowMs: 60 * minute, limit: 10, key: byIp },
      { name: 'sign-up:account', windowMs: 60 * minute, limit: 5, key: byAccount },
    ),
    forgotPassword: limits(
      { name: 'forgot-password:ip', windowMs: 15 * minute, limit: 10, key: byIp },
      { name: 'forgot-password:account', windowMs: 60 * minute, limit: 3, key: byAccount },
    ),
    resetPassword: limits({ name: 'reset-password:ip', windowMs: 15 * minute, limit: 10, key: byIp }),
  };
}
