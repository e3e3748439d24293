import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { routePatternOf } from '../http/route-pattern';
import type { ShopSocketServer } from '../realtime/socket-server';
import { checkoutOutcomeOf, checkoutOutcomes } from './checkout-outcomes';

/**
 * One running shop's Prometheus metrics, in a registry of its own: two shops in one process (the
 * multi-instance specs) count apart. HTTP latency per route pattern, socket.io connections,
 * checkout outcomes, and Node's default process metrics (event-loop lag, heap, GC, handles).
 */
export class ShopMetrics {
  private readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly checkouts: Counter<'outcome'>;

  constructor(readonly registry: Registry, io: ShopSocketServer) {
    collectDefaultMetrics({ register: registry });
    this.requestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern (not the URL) and status code; routes no route matched are "unmatched".',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    new Gauge({
      name: 'socketio_connected_sockets',
      help: 'socket.io clients connected to this instance.',
      registers: [registry],
      collect() {
        this.set(io.of('/').sockets.size);
      },
    });
    this.checkouts = new Counter({
      name: 'shop_checkouts_total',
      help: 'Checkouts by outcome: placed, out_of_stock, declined (the card), failed (the shop or the payment provider); repeats of one request with its Idempotency-Key count once.',
      labelNames: ['outcome'],
      registers: [registry],
    });
    // Every outcome shows from the start, at 0, so that rates over them need no special case.
    for (const outcome of checkoutOutcomes) this.checkouts.inc({ outcome }, 0);
  }

  /** First in the app: times every request until its answer is sent. */
  recordRequests(): RequestHandler {
    return (req, res, next) => {
      const endTimer = this.requestDuration.startTimer();
      res.once('finish', () => {
        endTimer({ method: req.method, route: routePatternOf(req) ?? 'unmatched', status_code: String(res.statusCode) });
      });
      next();
    };
  }

  /** Called by the order route for each checkout that ran (a repeat of its key did not). */
  countCheckout(answer: { status: number; body: unknown }): void {
    const outcome = checkoutOutcomeOf(answer);
    if (outcome) this.checkouts.inc({ outcome });
  }
}
