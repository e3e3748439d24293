import type { Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers, worked out once at start. Helmet itself runs a chain of a dozen
 * middlewares on every request to set the same static headers (no directive here depends on the
 * request); one loop over what they set gives the same headers for less.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const set = new Map<string, string>();
  const removed = new Set<string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.set(name, Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => removed.add(name),
  };
  let called = false;
  helmet(options)({} as Request, recorder as unknown as Response, () => {
    called = true;
  });
  if (!called) throw new Error('helmet did not set its headers at once; apply it as middleware instead');
  return (_req, res, next) => {
    res.setHeaders(set);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
