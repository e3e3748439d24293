import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request's id. */
    id: string;
    /** The server's logger with this request's id, method and path; made only when something logs. */
    log: Logger;
  }
}

const requestIdPattern = /^[\w-]{8,64}$/;

/**
 * One log line per finished request — id, method, URL, status, time — and `req.log` for whatever
 * logs on its behalf. pino-http does the same with a child logger per request, made and serialised
 * before the request is even handled; at thousands of requests a second that cost a fifth of a
 * product page's throughput, so the child here is made only when it is used (an error).
 */
export function requestLog(log: Logger, options: { ignore: (url: string) => boolean }): RequestHandler {
  return (req, res, next) => {
    const startedAt = performance.now();
    // A caller's request id is kept when it looks like one, so a request can be followed across services.
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let requestLogger: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      // Headers stay out of the log: they are noise, and some carry credentials.
      get: () => (requestLogger ??= log.child({ req: { id, method: req.method, url: req.originalUrl } })),
    });
    if (!options.ignore(req.originalUrl)) {
      res.once('close', () => {
        const finished = res.writableFinished;
        const level = !finished ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
        if (!log.isLevelEnabled(level)) return;
        log[level](
          { req: { id, method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - startedAt) },
          finished ? 'request completed' : 'request aborted',
        );
      });
    }
    next();
  };
}
