import { LRUCache } from 'lru-cache';

export const checkoutOutcomes = ['placed', 'out_of_stock', 'declined', 'failed'] as const;
export type CheckoutOutcome = (typeof checkoutOutcomes)[number];

/** What POST /api/orders answered, as the metrics middleware saw it go out. */
export interface CheckoutAnswer {
  status: number;
  /** The JSON sent: the order, or the error shape. */
  body: unknown;
  idempotencyKey: string | undefined;
}

function errorCodeOf(body: unknown): unknown {
  return (body as { error?: { code?: unknown } } | null)?.error?.code;
}

/**
 * How a checkout ended, read from its answer alone (checkout itself knows nothing of metrics).
 * Requests refused before checkout ran (invalid input, an empty cart, a reused key with another
 * body, a rate limit) are no outcome.
 */
export function checkoutOutcomeOf({ status, body }: CheckoutAnswer): CheckoutOutcome | undefined {
  if (status === 201) return 'placed';
  if (status === 409 && errorCodeOf(body) === 'out_of_stock') return 'out_of_stock';
  if (status === 422 && errorCodeOf(body) === 'payment_declined') return 'declined';
  if (status >= 500) return 'failed';
  return undefined;
}

/**
 * Tells a repeated request's answer from a new checkout: a retry with the same Idempotency-Key
 * gets the first answer again, the same order or the same refusal. A failure (5xx) keeps no
 * answer, so its retry runs checkout again and counts again.
 */
export class CheckoutAnswersSeen {
  // Idempotency keys are kept 24 hours (idempotent-requests.ts); a repeat after that is rare enough.
  private readonly seen = new LRUCache<string, true>({ max: 10_000, ttl: 24 * 60 * 60 * 1000 });

  /** True the first time this answer is seen. */
  firstTime(answer: CheckoutAnswer, outcome: CheckoutOutcome): boolean {
    if (outcome === 'failed') return true;
    const orderId = (answer.body as { id?: unknown } | null)?.id;
    const identity = outcome === 'placed' && typeof orderId === 'string' ? `order:${orderId}` : `key:${answer.idempotencyKey}:${outcome}`;
    if (this.seen.has(identity)) return false;
    this.seen.set(identity, true);
    return true;
  }
}
