import type { Money } from '@shared/money';
import type { PaymentProviderName } from '@shared/orders/order';

/** What the shopper gave to pay with: a card for the test provider, a PaymentMethod id for Stripe. */
export type PaymentInstrument =
  | { provider: 'test'; card: { number: string; expMonth: number; expYear: number; cvc: string } }
  | { provider: 'stripe'; paymentMethod: string };

export interface AuthorizationRequest {
  orderId: string;
  orderNumber: string;
  amount: Money;
  instrument: PaymentInstrument;
  /** The same key gives the same authorisation: a retried checkout never charges twice. */
  idempotencyKey: string;
}

/**
 * The provider's first answer. `authorized`: the money is held now; `processing`: the answer comes
 * later by webhook; `declined`: no money moves, `failureMessage` says why in words for the shopper.
 */
export interface Authorization {
  reference: string;
  status: 'authorized' | 'processing' | 'declined';
  failureMessage?: string;
  cardLast4?: string;
}

/**
 * A verified webhook, in the shop's words. `eventId` is the provider's, for deduplication;
 * `orderId` comes from the payment's metadata when the provider carries it.
 */
export interface PaymentEvent {
  eventId: string;
  type: 'payment.authorized' | 'payment.failed' | 'payment.captured' | 'payment.refunded';
  reference: string;
  orderId?: string;
  failureMessage?: string;
  occurredAt: Date;
}

/**
 * A payment provider (SPEC section 5): hold the money at checkout, take it when the order ships,
 * give it back on a cancellation or return, and tell authentic webhooks from forged ones.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  authorize(request: AuthorizationRequest): Promise<Authorization>;
  /** Takes the held money. Repeating it for the same payment changes nothing. */
  capture(reference: string, idempotencyKey: string): Promise<void>;
  /** Gives the money back: voids a hold that was never captured, refunds one that was. */
  refund(reference: string, idempotencyKey: string): Promise<void>;
  /**
   * Verifies the signature over the exact bytes received, and their timestamp's age; throws an
   * AppError 400 for a forged, altered or stale one. Returns undefined for an authentic event of a
   * kind the shop does not act on.
   */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentEvent | undefined;
}
