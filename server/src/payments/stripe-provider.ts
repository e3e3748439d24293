import type { Logger } from 'pino';
import Stripe from 'stripe';
import { AppError } from '../http/app-error';
import type { Authorization, AuthorizationRequest, PaymentEvent, PaymentProvider } from './payment-provider';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** host, port and protocol point the SDK elsewhere than api.stripe.com, e.g. at stripe-mock. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Told what kind of Stripe failure made a payment call unavailable; never given keys or card data. */
  log?: Logger;
}

/** Stripe's own default; a signed webhook older than this is refused as a possible replay. */
const webhookToleranceSeconds = 300;

/**
 * Stripe's reasons in the shop's words. Lost, stolen and fraudulent cards read as a plain decline,
 * as Stripe advises, so that the message tells a fraudster nothing.
 */
const failureMessages: Readonly<Record<string, string>> = {
  insufficient_funds: 'Your card has insufficient funds',
  expired_card: 'Your card has expired',
  incorrect_cvc: "Your card's security code is incorrect",
  invalid_cvc: "Your card's security code is incorrect",
  incorrect_number: 'Your card number is incorrect',
  invalid_number: 'Your card number is incorrect',
  invalid_expiry_month: "Your card's expiry date is incorrect",
  invalid_expiry_year: "Your card's expiry date is incorrect",
  processing_error: 'Your card could not be processed; please try again',
  payment_intent_authentication_failure: 'Your card could not be authenticated',
  card_velocity_exceeded: 'Your card has exceeded its limit',
};
const genericDecline = 'Your card was declined';

/** A decline code is more precise than the error code (`card_declined`), so it wins. */
function failureMessage(reason: { code?: string | null; decline_code?: string | null } | null | undefined): string {
  return (
    (reason?.decline_code ? failureMessages[reason.decline_code] : undefined) ??
    (reason?.code ? failureMessages[reason.code] : undefined) ??
    genericDecline
  );
}

function cardLast4(intent: Stripe.PaymentIntent): string | undefined {
  const charge = intent.latest_charge;
  if (charge && typeof charge === 'object') {
    const last4 = charge.payment_method_details?.card?.last4;
    if (last4) return last4;
  }
  const method = intent.payment_method;
  return method && typeof method === 'object' ? (method.card?.last4 ?? undefined) : undefined;
}

function authorizationStatus(status: Stripe.PaymentIntent.Status): Authorization['status'] {
  switch (status) {
    case 'requires_capture':
    case 'succeeded':
      return 'authorized';
    case 'canceled':
      return 'declined';
    default:
      // processing, requires_action, requires_confirmation, requires_payment_method and any state
      // Stripe adds later: the outcome arrives by webhook, which the shop trusts over this answer.
      return 'processing';
  }
}

function stripeErrorCode(error: unknown): string | undefined {
  return error instanceof Stripe.errors.StripeError ? error.code : undefined;
}

function invalidSignature(): AppError {
  return new AppError(400, 'validation_failed', 'Invalid webhook signature');
}

/** The `stripe` provider (SPEC section 5): PaymentIntents with manual capture, through the official SDK. */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;
  private readonly log: Logger | undefined;

  constructor(options: StripeProviderOptions) {
    this.stripe = new Stripe(options.secretKey, { host: options.host, port: options.port, protocol: options.protocol });
    this.webhookSecret = options.webhookSecret;
    this.log = options.log;
  }

  async authorize(request: AuthorizationRequest): Promise<Authorization> {
    if (request.instrument.provider !== 'stripe') {
      throw new AppError(400, 'validation_failed', 'This shop takes Stripe payment methods');
    }
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amount.amount,
          currency: request.amount.currency.toLowerCase(),
          payment_method: request.instrument.paymentMethod,
          // Confirmed on the server, with no page for a redirect-based method to come back to.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          confirm: true,
          // The money is held at checkout and taken when the order ships.
          capture_method: 'manual',
          metadata: { orderId: request.orderId, orderNumber: request.orderNumber },
          expand: ['latest_charge'],
        },
        { idempotencyKey: request.idempotencyKey },
      );
      const last4 = cardLast4(intent);
      const status = authorizationStatus(intent.status);
      return {
        reference: intent.id,
        status,
        ...(status === 'declined' ? { failureMessage: genericDecline } : {}),
        ...(last4 ? { cardLast4: last4 } : {}),
      };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const last4 = error.payment_method?.card?.last4;
        return {
          // A declined confirmation still created its PaymentIntent, which the error carries.
          reference: error.payment_intent?.id ?? error.charge ?? '',
          status: 'declined',
          failureMessage: failureMessage(error),
          ...(last4 ? { cardLast4: last4 } : {}),
        };
      }
      // A PaymentMethod id that Stripe does not know, or that was already used, is the shopper's to
      // replace, like a declined card; any other invalid request is ours and stays a 503.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'payment_method') {
        return { reference: error.payment_intent?.id ?? '', status: 'declined', failureMessage: 'Your card details could not be used; please try another card' };
      }
      throw this.unavailable('authorize', error);
    }
  }

  async capture(reference: string, idempotencyKey: string): Promise<void> {
    try {
      await this.stripe.paymentIntents.capture(reference, {}, { idempotencyKey });
    } catch (error) {
      // Stripe replays a repeated key for 24 hours only; a later repeat finds the payment captured.
      if (stripeErrorCode(error) !== 'payment_intent_unexpected_state') throw this.unavailable('capture', error);
      const intent = await this.retrieve(reference, 'capture');
      if (intent.status !== 'succeeded') throw AppError.conflict('The payment can no longer be captured');
    }
  }

  /**
   * Voids a hold, refunds a capture. Refunding a PaymentIntent that was never captured is an error at
   * Stripe, and cancelling one that was is too, so the current state decides, read fresh rather than
   * remembered: a hold may have been captured, or expired (Stripe cancels it after about 7 days),
   * since the shop last looked. Anything short of `succeeded` has taken no money, so cancelling it
   * both gives nothing back and stops a pending confirmation from taking any later.
   *
   * Stripe binds an idempotency key to the first endpoint it was used with, and this one call may
   * reach either: each endpoint gets its own key derived from the caller's, so a retry after the
   * state changed in between (a cancel that lost the race to a capture) is not refused.
   */
  async refund(reference: string, idempotencyKey: string): Promise<void> {
    const intent = await this.retrieve(reference, 'refund');
    if (intent.status === 'canceled') return;
    try {
      if (intent.status === 'succeeded') {
        await this.stripe.refunds.create({ payment_intent: reference }, { idempotencyKey: `${idempotencyKey}:refund` });
      } else {
        await this.stripe.paymentIntents.cancel(reference, {}, { idempotencyKey: `${idempotencyKey}:cancel` });
      }
    } catch (error) {
      // A refund repeated after Stripe forgot its key: the money is already back.
      if (stripeErrorCode(error) === 'charge_already_refunded') return;
      throw this.unavailable('refund', error);
    }
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentEvent | undefined {
    const signature = headers['stripe-signature'];
    if (typeof signature !== 'string') throw invalidSignature();
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret, webhookToleranceSeconds);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw invalidSignature();
      throw error;
    }
    return toPaymentEvent(event);
  }

  private async retrieve(reference: string, operation: string): Promise<Stripe.PaymentIntent> {
    try {
      return await this.stripe.paymentIntents.retrieve(reference);
    } catch (error) {
      throw this.unavailable(operation, error);
    }
  }

  /**
   * Stripe could not answer, or refused the request itself (a wrong key, a bug of ours): either way
   * no card was declined, and the shopper can only try again later. Bugs outside the SDK pass as
   * they are, for the error handler to log with their stack.
   */
  private unavailable(operation: string, error: unknown): unknown {
    if (!(error instanceof Stripe.errors.StripeError)) return error;
    // Only the classification: Stripe's messages may quote the request, and the key's last digits.
    this.log?.error(
      { operation, type: error.type, code: error.code, statusCode: error.statusCode, requestId: error.requestId },
      'a Stripe payment call failed',
    );
    return new AppError(503, 'service_unavailable', 'Payments are unavailable at the moment; please try again shortly');
  }
}

function fromIntent(event: Stripe.Event, type: PaymentEvent['type'], intent: Stripe.PaymentIntent): PaymentEvent {
  const orderId = intent.metadata['orderId'];
  return {
    eventId: event.id,
    type,
    reference: intent.id,
    ...(orderId ? { orderId } : {}),
    occurredAt: new Date(event.created * 1000),
  };
}

function toPaymentEvent(event: Stripe.Event): PaymentEvent | undefined {
  switch (event.type) {
    case 'payment_intent.amount_capturable_updated':
      return fromIntent(event, 'payment.authorized', event.data.object);
    case 'payment_intent.succeeded':
      return fromIntent(event, 'payment.captured', event.data.object);
    case 'payment_intent.payment_failed':
      return { ...fromIntent(event, 'payment.failed', event.data.object), failureMessage: failureMessage(event.data.object.last_payment_error) };
    case 'payment_intent.canceled':
      return fromIntent(event, 'payment.refunded', event.data.object);
    case 'charge.refunded': {
      const charge = event.data.object;
      const reference = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      // The event also reports partial refunds, which the shop never makes: only a charge refunded
      // in full gives the order its money back.
      if (!reference || !charge.refunded) return undefined;
      const orderId = charge.metadata['orderId'];
      return { eventId: event.id, type: 'payment.refunded', reference, ...(orderId ? { orderId } : {}), occurredAt: new Date(event.created * 1000) };
    }
    default:
      return undefined;
  }
}
