import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RedisClient } from '../database/redis-client';
import { AppError } from '../http/app-error';

export interface QuestionRateLimitOptions {
  /** Questions per user per window; 10 by default. */
  limit?: number;
  /** One hour by default. */
  windowMs?: number;
}

export const defaultQuestionRateLimit = { limit: 10, windowMs: 60 * 60_000 };

/**
 * Questions asked per signed-in user (`req.user`, so after authentication): 429 with `Retry-After`
 * beyond the limit. Only questions actually asked count: a refused one (invalid, unknown product)
 * gives its turn back. Counted in memory, or with REDIS_URL in Redis (as accounts/rate-limits.ts),
 * so that several instances share one limit per user.
 */
export function questionRateLimit(redis: RedisClient | undefined, options: QuestionRateLimitOptions = {}): RequestHandler {
  const { limit, windowMs } = { ...defaultQuestionRateLimit, ...options };
  return rateLimit({
    ...(redis
      ? { store: new RedisStore({ prefix: 'meanshop:rate-limit:questions:user:', sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<RedisReply> }) }
      : {}),
    // Should Redis fail, shoppers can still ask rather than being refused for everyone.
    passOnStoreError: true,
    windowMs,
    limit,
    skipFailedRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `user:${req.user!.id}`,
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new AppError(429, 'rate_limited', `You have asked ${limit} questions in a short time. Please wait a while before asking another.`)),
  });
}
