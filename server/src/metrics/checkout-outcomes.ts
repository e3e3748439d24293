export const checkoutOutcomes = ['placed', 'out_of_stock', 'declined', 'failed'] as const;
export type CheckoutOutcome = (typeof checkoutOutcomes)[number];

/** What POST /api/orders answered. */
export interface CheckoutAnswer {
  status: number;
  /** The JSON sent: the order, or the error shape. */
  body: unknown;
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
