import type { Request, RequestHandler } from 'express';

const patternKey = Symbol('routePattern');
type RequestWithPattern = Request & { [patternKey]?: string };

/**
 * First in a route's chain: notes the pattern the request matched (`/api/orders/:id`), mount path
 * included, while Express still knows it: once an error leaves a router, `req.baseUrl` is reset.
 */
export const noteRoutePattern: RequestHandler = (req, _res, next) => {
  (req as RequestWithPattern)[patternKey] = req.baseUrl + String((req.route as { path: unknown }).path);
  next();
};

/** The route pattern a request matched, never its URL (ids and queries would make every request its own); undefined when no route did. */
export function routePatternOf(req: Request): string | undefined {
  const noted = (req as RequestWithPattern)[patternKey];
  if (noted !== undefined) return noted;
  const route = req.route as { path?: unknown } | undefined;
  return route?.path === undefined ? undefined : req.baseUrl + String(route.path);
}
