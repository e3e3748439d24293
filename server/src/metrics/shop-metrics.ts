import type { RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { routePatternOf } from '../http/route-pattern';
import type { ShopSocketServer } from '../realtime/socket-server';
import { CheckoutAnswersSeen, checkoutOutcomeOf, checkoutOutcomes } from './checkout-outcomes';

/** Placing an order, as the route is declared in orders/order.routes.ts. */
const placeOrderRoute = '/api/orders';

/**
 * One running shop's Prometheus metrics, in a registry of its own: two shops in one process (the
 * multi-instance specs) count apart. HTTP latency per route pattern, socket.io connections,
 * checkout outcomes, and Node's default process metrics (event-loop lag, heap, GC, handles).
 */
export class ShopMetrics {
  private readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly checkouts: Counter<'outcome'>;
  private readonly checkoutAnswers = new CheckoutAnswersSeen();

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

  /** First in the app: times every request until its answer is sent, and counts checkout outcomes. */
  recordRequests(): RequestHandler {
    return (req, res, next) => {
      const endTimer = this.requestDuration.startTimer();
      const sentJson = req.method === 'POST' ? jsonSentBy(res) : undefined;
      res.once('finish', () => {
        const route = routePatternOf(req);
        endTimer({ method: req.method, route: route ?? 'unmatched', status_code: String(res.statusCode) });
        if (sentJson && route === placeOrderRoute) {
          const answer = { status: res.statusCode, body: sentJson(), idempotencyKey: req.get('idempotency-key') };
          const outcome = checkoutOutcomeOf(answer);
          if (outcome && this.checkoutAnswers.firstTime(answer, outcome)) this.checkouts.inc({ outcome });
        }
      });
      next();
    };
  }
}

/** Keeps what `res.json` is given, for reading once the answer is sent. */
function jsonSentBy(res: Response): () => unknown {
  let sent: unknown;
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    sent = body;
    return json(body);
  };
  return () => sent;
}
