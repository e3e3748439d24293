import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../http/app-error';

const minute = 60_000;

interface LimitOptions {
  windowMs: number;
  limit: number;
  key: (req: Request) => string;
  /** Count only failed attempts (a wrong password), not successful sign-ins. */
  onlyFailures?: boolean;
}

function limit(options: LimitOptions): RequestHandler {
  return rateLimit({
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
export function accountRateLimits() {
  return {
    signIn: [
      limit({ windowMs: 15 * minute, limit: 30, key: byIp }),
      limit({ windowMs: 15 * minute, limit: 10, key: byAccount, onlyFailures: true }),
    ],
    signUp: [
      limit({ windowMs: 60 * minute, limit: 10, key: byIp }),
      limit({ windowMs: 60 * minute, limit: 5, key: byAccount }),
    ],
    forgotPassword: [
      limit({ windowMs: 15 * minute, limit: 10, key: byIp }),
      limit({ windowMs: 60 * minute, limit: 3, key: byAccount }),
    ],
    resetPassword: [limit({ windowMs: 15 * minute, limit: 10, key: byIp })],
  };
}
