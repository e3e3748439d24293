import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { testCards } from '@shared/payments/test-cards';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';
import type { Authorization, AuthorizationRequest, PaymentEvent, PaymentProvider } from './payment-provider';
import { TestPaymentModel } from './test-payment.model';

/** The header our test processor signs with: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as Stripe does. */
export const testSignatureHeader = 'meanshop-signature';
/** A signed webhook older than this is refused, so a captured one cannot be replayed later. */
const webhookToleranceSeconds = 300;
/** Delivery is retried like a processor would, with growing pauses, when our endpoint does not answer 2xx. */
const deliveryPausesMs = [0, 1000, 5000, 15_000];

const webhookBodySchema = z.object({
  id: z.string().regex(/^evt_[a-f0-9]{24}$/),
  type: z.enum(['payment.authorized', 'payment.failed', 'payment.captured', 'payment.refunded']),
  created: z.number().int(),
  data: z.object({ reference: z.string().max(100), orderId: z.string().max(100), failureMessage: z.string().max(300).optional() }),
});

export type TestWebhookBody = z.infer<typeof webhookBodySchema>;

interface CardOutcome {
  status: Authorization['status'];
  failureMessage?: string;
}

/**
 * What the test processor does with a card (SPEC section 5; shared/payments/test-cards.ts). Only
 * test cards are ever accepted, so a shopper who types a real card number is charged nothing.
 */
function outcomeFor(card: { number: string; expMonth: number; expYear: number }, now: Date): CardOutcome {
  if (!passesLuhn(card.number)) return { status: 'declined', failureMessage: 'Your card number is incorrect' };
  const expiry = card.expYear * 12 + card.expMonth;
  if (expiry < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) return { status: 'declined', failureMessage: 'Your card has expired' };
  switch (card.number) {
    case testCards.succeeds:
      return { status: 'authorized' };
    case testCards.slow:
      return { status: 'processing' };
    case testCards.insufficientFunds:
      return { status: 'declined', failureMessage: 'Your card has insufficient funds' };
    case testCards.declined:
      return { status: 'declined', failureMessage: 'Your card was declined' };
    default:
      return { status: 'declined', failureMessage: 'Your card was declined. This shop takes test cards only, such as 4242 4242 4242 4242' };
  }
}

function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index += 1) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Signs a webhook body as the test processor does; specs sign their own (forged, stale, replayed) ones with it. */
export function signTestWebhook(secret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}

/**
 * The built-in `test` provider: a card processor in miniature. It holds, takes and gives back
 * money in its own ledger, answers at once for most cards and seconds later for the slow one, and
 * tells the shop what happened by webhooks over HTTP to `/api/payments/webhook/test`, signed with
 * HMAC and a timestamp — so the shop's webhook path is exercised exactly as a real one would be.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  private webhookUrl: string | undefined;
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly options: { secret: string; slowCardDelayMs: number; log: Logger },
  ) {}

  /** The shop's webhook endpoint, known once it listens. */
  deliverTo(webhookUrl: string): void {
    this.webhookUrl = webhookUrl;
  }

  /** No webhook is sent after this; a payment left processing stays so (and its order expires). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }

  async authorize(request: AuthorizationRequest): Promise<Authorization> {
    if (request.instrument.provider !== 'test') throw new AppError(400, 'validation_failed', 'The test provider takes cards only');
    const card = request.instrument.card;
    const outcome = outcomeFor(card, new Date());
    const payment = {
      reference: `tp_${randomBytes(12).toString('hex')}`,
      idempotencyKey: request.idempotencyKey,
      orderId: request.orderId,
      amount: request.amount.amount,
      currency: request.amount.currency,
      cardLast4: card.number.slice(-4),
      status: outcome.status,
      failureMessage: outcome.failureMessage ?? null,
    };
    try {
      await TestPaymentModel.create(payment);
    } catch (error) {
      // The same key again (a retry, or the same moment): the payment stored first is the answer, and nothing is sent twice.
      if (!isDuplicateKeyError(error)) throw error;
      return toAuthorization((await TestPaymentModel.findOne({ idempotencyKey: request.idempotencyKey }).lean())!);
    }
    if (outcome.status === 'authorized') this.send('payment.authorized', payment);
    if (outcome.status === 'declined') this.send('payment.failed', payment);
    if (outcome.status === 'processing') this.later(this.options.slowCardDelayMs, () => this.finishSlowAuthorization(payment.reference));
    return toAuthorization(payment);
  }

  async capture(reference: string): Promise<void> {
    const captured = await TestPaymentModel.findOneAndUpdate({ reference, status: 'authorized' }, { $set: { status: 'captured' } }, { returnDocument: 'after' }).lean();
    if (captured) {
      this.send('payment.captured', captured);
      return;
    }
    const payment = await TestPaymentModel.findOne({ reference }).lean();
    if (!payment) throw AppError.notFound('Payment');
    if (payment.status !== 'captured') throw AppError.conflict(`A ${payment.status} payment cannot be captured`);
  }

  async refund(reference: string): Promise<void> {
    for (const [from, to] of [
      ['captured', 'refunded'],
      ['authorized', 'voided'],
      ['processing', 'voided'],
    ] as const) {
      const refunded = await TestPaymentModel.findOneAndUpdate({ reference, status: from }, { $set: { status: to } }, { returnDocument: 'after' }).lean();
      if (refunded) {
        this.send('payment.refunded', refunded);
        return;
      }
    }
    if (!(await TestPaymentModel.exists({ reference }))) throw AppError.notFound('Payment');
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentEvent {
    const header = headers[testSignatureHeader];
    const match = typeof header === 'string' ? /^t=(\d{1,12}),v1=([a-f0-9]{64})$/.exec(header) : null;
    if (!match) throw invalidSignature();
    const timestamp = Number(match[1]);
    const expected = createHmac('sha256', this.options.secret).update(`${timestamp}.`).update(rawBody).digest();
    if (!timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'))) throw invalidSignature();
    if (Math.abs(Date.now() / 1000 - timestamp) > webhookToleranceSeconds) throw new AppError(400, 'validation_failed', 'Webhook timestamp is too old');
    let parsed: TestWebhookBody;
    try {
      parsed = webhookBodySchema.parse(JSON.parse(rawBody.toString('utf8')));
    } catch {
      throw new AppError(400, 'validation_failed', 'Webhook body is not a test payment event');
    }
    return {
      eventId: parsed.id,
      type: parsed.type,
      reference: parsed.data.reference,
      orderId: parsed.data.orderId,
      ...(parsed.data.failureMessage ? { failureMessage: parsed.data.failureMessage } : {}),
      occurredAt: new Date(parsed.created * 1000),
    };
  }

  private async finishSlowAuthorization(reference: string): Promise<void> {
    const payment = await TestPaymentModel.findOneAndUpdate({ reference, status: 'processing' }, { $set: { status: 'authorized' } }, { returnDocument: 'after' }).lean();
    if (payment) this.send('payment.authorized', payment);
  }

  private send(type: TestWebhookBody['type'], payment: { reference: string; orderId: string; failureMessage?: string | null }): void {
    const body: TestWebhookBody = {
      id: `evt_${randomBytes(12).toString('hex')}`,
      type,
      created: Math.floor(Date.now() / 1000),
      data: { reference: payment.reference, orderId: payment.orderId, ...(payment.failureMessage ? { failureMessage: payment.failureMessage } : {}) },
    };
    void this.deliver(JSON.stringify(body), 0);
  }

  private async deliver(body: string, attempt: number): Promise<void> {
    if (this.stopped || !this.webhookUrl) return;
    try {
      const response = await fetch(this.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [testSignatureHeader]: signTestWebhook(this.options.secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return;
      this.options.log.warn({ status: response.status, attempt }, 'the shop refused a test payment webhook');
    } catch (error) {
      this.options.log.warn({ err: error, attempt }, 'could not deliver a test payment webhook');
    }
    const pause = deliveryPausesMs[attempt + 1];
    if (pause !== undefined) this.later(pause, () => this.deliver(body, attempt + 1));
  }

  private later(delayMs: number, work: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      work().catch((error: unknown) => this.options.log.error({ err: error }, 'the test payment processor failed'));
    }, delayMs);
    this.pending.add(timer);
  }
}

function toAuthorization(payment: { reference: string; status: string; failureMessage?: string | null; cardLast4: string }): Authorization {
  // Once a slow payment has gone through, a retried checkout is told so.
  const status = payment.status === 'declined' ? 'declined' : payment.status === 'processing' ? 'processing' : 'authorized';
  return { reference: payment.reference, status, cardLast4: payment.cardLast4, ...(payment.failureMessage ? { failureMessage: payment.failureMessage } : {}) };
}

function invalidSignature(): AppError {
  return new AppError(400, 'validation_failed', 'Invalid webhook signature');
}
