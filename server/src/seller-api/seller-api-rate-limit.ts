import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RedisClient } from '../database/redis-client';
import { AppError } from '../http/app-error';

export interface SellerApiRateLimitOptions {
  /** Requests per key per window; 120 by default. */
  limit?: number;
  /** One minute by default. */
  windowMs?: number;
}

export const defaultSellerApiRateLimit = { limit: 120, windowMs: 60_000 };

/**
 * Requests per API key, after the key authenticated (`req.sellerApiKey`; sessions are not counted): 429 with `Retry-After`
 * beyond the limit. Counted in memory, or with REDIS_URL in Redis (as accounts/rate-limits.ts),
 * so that several instances share one limit per key.
 */
export function sellerApiRateLimit(redis: RedisClient | undefined, options: SellerApiRateLimitOptions = {}): RequestHandler {
  const { limit, windowMs } = { ...defaultSellerApiRateLimit, ...options };
  return rateLimit({
    ...(redis
      ? { store: new RedisStore({ prefix: 'meanshop:rate-limit:seller-api:key:', sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<RedisReply> }) }
      : {}),
    // Should Redis fail, the API keeps answering rather than failing for every seller.
    passOnStoreError: true,
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A signed-in seller's session is not limited here: the shop's own pages make those requests.
    skip: (req) => req.sellerApiKey === undefined,
    keyGenerator: (req) => `key:${req.sellerApiKey!.id}`,
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new AppError(429, 'rate_limited', `Too many requests with this API key: at most ${limit} per ${Math.round(windowMs / 1000)} seconds`)),
  });
}
