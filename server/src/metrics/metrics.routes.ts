import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, Request } from 'express';
import type { Authenticator } from '../accounts/authenticator';
import type { ShopMetrics } from './shop-metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The configured internal token, compared in constant time: both sides are hashed first, so
 * neither the comparison nor its length tells how much of a guess was right.
 */
function carriesMetricsToken(req: Request, metricsToken: string | undefined): boolean {
  if (!metricsToken) return false;
  const presented = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(metricsToken));
}

/**
 * GET /metrics, Prometheus' text format (SPEC section 6: admin or internal only): an admin's
 * bearer token, or METRICS_TOKEN for a scraper; anyone else 401, a signed-in non-admin 403, both
 * in the error shape.
 */
export function registerMetricsRoute(app: Express, metrics: ShopMetrics, { authenticator, metricsToken }: { authenticator: Authenticator; metricsToken: string | undefined }): void {
  app.get('/metrics', async (req, res) => {
    if (!carriesMetricsToken(req, metricsToken)) await authenticator.requireRole(req, ['admin']);
    const text = await metrics.registry.metrics();
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(text);
  });
}
