import { Writable } from 'node:stream';
import pino from 'pino';
import Stripe from 'stripe';
import { StripeMock } from '../../test/stripe-mock';
import { freePort } from '../database/child-processes';
import { AppError } from '../http/app-error';
import type { AuthorizationRequest } from './payment-provider';
import { StripeProvider } from './stripe-provider';

// stripe-mock refuses a key that does not look real: letters and digits only after `sk_test_`.
const secretKey = 'sk_test_stripeProviderSpec0123';
const webhookSecret = 'whsec_stripe_provider_spec';
const intentId = 'pi_3MtwBwLkdIwHu7ix28a3tqPa';

function checkout(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    orderId: '6650c0ffee0000000000abcd',
    orderNumber: 'MS-100042',
    amount: { amount: 1999, currency: 'EUR' },
    instrument: { provider: 'stripe', paymentMethod: 'pm_card_visa' },
    idempotencyKey: 'checkout-6650c0ffee0000000000abcd',
    ...overrides,
  };
}

/** Stripe's error body for a declined confirmation: the PaymentIntent was created, and failed. */
function cardError(code: string, declineCode?: string) {
  return {
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code,
        ...(declineCode ? { decline_code: declineCode } : {}),
        message: 'Stripe wording the shopper never sees',
        payment_intent: { id: 'pi_declined', object: 'payment_intent', status: 'requires_payment_method' },
        payment_method: { id: 'pm_card_visa', object: 'payment_method', type: 'card', card: { last4: '0002' } },
      },
    },
  };
}

function invalidRequest(code: string, param?: string) {
  return { status: 400, body: { error: { type: 'invalid_request_error', code, ...(param ? { param } : {}), message: `Stripe says ${code}` } } };
}

function isAppError(status: number, code: string) {
  return (error: unknown) => error instanceof AppError && error.status === status && error.code === code;
}

describe('StripeProvider against stripe-mock', () => {
  let mock: StripeMock;
  let provider: StripeProvider;

  beforeAll(async () => {
    // The first run builds stripe-mock with go install: a minute or two on a cold machine.
    mock = await StripeMock.start();
    provider = new StripeProvider({ secretKey, webhookSecret, host: mock.host, port: mock.port, protocol: mock.protocol });
  }, 300_000);

  afterAll(async () => {
    await mock?.stop();
  }, 30_000);

  beforeEach(() => mock.reset());

  describe('authorize', () => {
    it('confirms a PaymentIntent held for manual capture, with the order in its metadata and the checkout key as idempotency key', async () => {
      const authorization = await provider.authorize(checkout());

      expect(mock.requests.length).toBe(1);
      const [request] = mock.requests;
      expect(request!.method).toBe('POST');
      expect(request!.path).toBe('/v1/payment_intents');
      expect(request!.idempotencyKey).toBe('checkout-6650c0ffee0000000000abcd');
      expect(Object.fromEntries(request!.params)).toEqual(
        jasmine.objectContaining({
          amount: '1999',
          currency: 'eur',
          payment_method: 'pm_card_visa',
          confirm: 'true',
          capture_method: 'manual',
          'metadata[orderId]': '6650c0ffee0000000000abcd',
          'metadata[orderNumber]': 'MS-100042',
        }),
      );
      // stripe-mock answers every confirmation with its fixture's `requires_payment_method`.
      expect(authorization).toEqual({ reference: jasmine.stringMatching(/^pi_/), status: 'processing', cardLast4: '4242' });
    });

    it('sends a repeated checkout with the same idempotency key and the same parameters, so Stripe replays its first answer', async () => {
      await provider.authorize(checkout());
      await provider.authorize(checkout());

      const [first, second] = mock.requests;
      expect(mock.requests.length).toBe(2);
      expect(second!.idempotencyKey).toBe(first!.idempotencyKey!);
      expect(second!.params.toString()).toBe(first!.params.toString());
    });

    const outcomes: Array<[string, 'authorized' | 'processing']> = [
      ['requires_capture', 'authorized'],
      ['succeeded', 'authorized'],
      ['processing', 'processing'],
      ['requires_action', 'processing'],
      ['requires_confirmation', 'processing'],
      ['requires_payment_method', 'processing'],
    ];
    for (const [stripeStatus, status] of outcomes) {
      it(`reports a PaymentIntent that Stripe answers with ${stripeStatus} as ${status}`, async () => {
        mock.amendNext('POST', '/v1/payment_intents', { id: intentId, status: stripeStatus });

        const authorization = await provider.authorize(checkout());

        expect(authorization.reference).toBe(intentId);
        expect(authorization.status).toBe(status);
      });
    }

    const declines: Array<[string, string | undefined, string]> = [
      ['card_declined', 'insufficient_funds', 'Your card has insufficient funds'],
      ['card_declined', 'generic_decline', 'Your card was declined'],
      ['card_declined', 'stolen_card', 'Your card was declined'],
      ['expired_card', undefined, 'Your card has expired'],
      ['incorrect_cvc', undefined, "Your card's security code is incorrect"],
    ];
    for (const [code, declineCode, message] of declines) {
      it(`reports a card error ${declineCode ?? code} as declined, saying "${message}"`, async () => {
        mock.replyNext('POST', '/v1/payment_intents', cardError(code, declineCode));

        const authorization = await provider.authorize(checkout());

        expect(authorization).toEqual({ reference: 'pi_declined', status: 'declined', failureMessage: message, cardLast4: '0002' });
      });
    }

    it('declines a PaymentMethod that Stripe does not know, for the shopper to try another card', async () => {
      mock.replyNext('POST', '/v1/payment_intents', invalidRequest('resource_missing', 'payment_method'));

      const authorization = await provider.authorize(checkout({ instrument: { provider: 'stripe', paymentMethod: 'pm_unknown' } }));

      expect(authorization.status).toBe('declined');
      expect(authorization.failureMessage).toMatch(/try another card/);
    });

    it('reports a Stripe outage as 503 after retrying under the same key, never as a decline', async () => {
      const outage = { status: 500, body: { error: { type: 'api_error', message: 'Something went wrong on Stripe' } } };
      for (let attempt = 0; attempt < 3; attempt += 1) mock.replyNext('POST', '/v1/payment_intents', outage);

      await expectAsync(provider.authorize(checkout())).toBeRejectedWith(
        jasmine.objectContaining({ status: 503, code: 'service_unavailable' }),
      );
      expect(mock.requests.map((request) => request.idempotencyKey)).toEqual(Array(3).fill('checkout-6650c0ffee0000000000abcd'));
    }, 30_000);

    it('reports a rejected secret key as 503, and logs what failed without the key', async () => {
      const logLines: string[] = [];
      const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => done(void logLines.push(chunk.toString())) }));
      const logged = new StripeProvider({ secretKey, webhookSecret, host: mock.host, port: mock.port, protocol: mock.protocol, log });
      mock.replyNext('POST', '/v1/payment_intents', { status: 401, body: { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${secretKey}` } } });

      await expectAsync(logged.authorize(checkout())).toBeRejectedWith(jasmine.objectContaining({ status: 503, code: 'service_unavailable' }));
      expect(logLines.length).toBe(1);
      expect(logLines[0]).toContain('StripeAuthenticationError');
      expect(logLines.join('')).not.toContain(secretKey.slice(8));
    });

    it('reports Stripe out of reach as 503, not as a decline', async () => {
      const unreachable = new StripeProvider({ secretKey, webhookSecret, host: '127.0.0.1', port: await freePort(), protocol: 'http' });

      await expectAsync(unreachable.authorize(checkout())).toBeRejectedWith(jasmine.objectContaining({ status: 503, code: 'service_unavailable' }));
    }, 30_000);
  });

  describe('capture', () => {
    it('captures the held PaymentIntent under the given idempotency key', async () => {
      await provider.capture(intentId, 'capture-MS-100042');

      expect(mock.requests.map(({ method, path, idempotencyKey }) => ({ method, path, idempotencyKey }))).toEqual([
        { method: 'POST', path: `/v1/payment_intents/${intentId}/capture`, idempotencyKey: 'capture-MS-100042' },
      ]);
    });

    it('changes nothing when repeated after Stripe forgot the key and finds the payment already captured', async () => {
      mock.replyNext('POST', `/v1/payment_intents/${intentId}/capture`, invalidRequest('payment_intent_unexpected_state'));
      mock.amendNext('GET', `/v1/payment_intents/${intentId}`, { status: 'succeeded' });

      await expectAsync(provider.capture(intentId, 'capture-MS-100042')).toBeResolved();
    });

    it('refuses with 409 to capture a hold that was voided', async () => {
      mock.replyNext('POST', `/v1/payment_intents/${intentId}/capture`, invalidRequest('payment_intent_unexpected_state'));
      mock.amendNext('GET', `/v1/payment_intents/${intentId}`, { status: 'canceled' });

      await expectAsync(provider.capture(intentId, 'capture-MS-100042')).toBeRejectedWith(jasmine.objectContaining({ status: 409, code: 'conflict' }));
    });
  });

  describe('refund', () => {
    const calls = () => mock.requests.map(({ method, path, idempotencyKey }) => `${method} ${path} ${idempotencyKey ?? '-'}`);

    it('voids a hold that was never captured', async () => {
      mock.amendNext('GET', `/v1/payment_intents/${intentId}`, { status: 'requires_capture' });

      await provider.refund(intentId, 'refund-MS-100042');

      expect(calls()).toEqual([`GET /v1/payment_intents/${intentId} -`, `POST /v1/payment_intents/${intentId}/cancel refund-MS-100042:cancel`]);
    });

    it('cancels a payment still waiting for its outcome, so that it can take no money later', async () => {
      // stripe-mock's own fixture status.
      await provider.refund(intentId, 'refund-MS-100042');

      expect(calls()).toEqual([`GET /v1/payment_intents/${intentId} -`, `POST /v1/payment_intents/${intentId}/cancel refund-MS-100042:cancel`]);
    });

    it('refunds a captured payment in full', async () => {
      mock.amendNext('GET', `/v1/payment_intents/${intentId}`, { status: 'succeeded' });

      await provider.refund(intentId, 'refund-MS-100042');

      expect(calls()).toEqual([`GET /v1/payment_intents/${intentId} -`, 'POST /v1/refunds refund-MS-100042:refund']);
      expect(Object.fromEntries(mock.requests[1]!.params)).toEqual({ payment_intent: intentId });
    });

    it('does nothing for a payment that is already cancelled', async () => {
      mock.amendNext('GET', `/v1/payment_intents/${intentId}`, { status: 'canceled' });

      await provider.refund(intentId, 'refund-MS-100042');

      expect(calls()).toEqual([`GET /v1/payment_intents/${intentId} -`]);
    });

    it('changes nothing when repeated after Stripe forgot the key and finds the charge already refunded', async () => {
      mock.amendNext('GET', `/v1/payment_intents/${intentId}`, { status: 'succeeded' });
      mock.replyNext('POST', '/v1/refunds', invalidRequest('charge_already_refunded'));

      await expectAsync(provider.refund(intentId, 'refund-MS-100042')).toBeResolved();
    });
  });

  describe('parseWebhook', () => {
    const created = 1767225600; // 2026-01-01T00:00:00Z
    const metadata = { orderId: '6650c0ffee0000000000abcd', orderNumber: 'MS-100042' };

    function event(type: string, object: Record<string, unknown>) {
      return {
        id: `evt_${type.replace(/\W/g, '_')}`,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object },
      };
    }

    function intent(status: string, extra: Record<string, unknown> = {}) {
      return { id: intentId, object: 'payment_intent', amount: 1999, currency: 'eur', capture_method: 'manual', status, metadata, ...extra };
    }

    function signed(payload: unknown, options: { secret?: string; timestamp?: number } = {}) {
      const body = JSON.stringify(payload);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? webhookSecret, timestamp: options.timestamp });
      return { body: Buffer.from(body), headers: { 'stripe-signature': signature } };
    }

    const mappings: Array<[string, Record<string, unknown>, string, string | undefined]> = [
      ['payment_intent.amount_capturable_updated', intent('requires_capture'), 'payment.authorized', undefined],
      ['payment_intent.succeeded', intent('succeeded'), 'payment.captured', undefined],
      [
        'payment_intent.payment_failed',
        intent('requires_payment_method', { last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' } }),
        'payment.failed',
        'Your card has insufficient funds',
      ],
      ['payment_intent.canceled', intent('canceled'), 'payment.refunded', undefined],
      ['charge.refunded', { id: 'ch_3MtwBwLkdIwHu7ix2', object: 'charge', payment_intent: intentId, refunded: true, metadata }, 'payment.refunded', undefined],
    ];
    for (const [stripeType, object, type, failureMessage] of mappings) {
      it(`accepts a signed ${stripeType} and reads it as ${type} of the PaymentIntent`, () => {
        const { body, headers } = signed(event(stripeType, object));

        expect(provider.parseWebhook(body, headers)).toEqual({
          eventId: `evt_${stripeType.replace(/\W/g, '_')}`,
          type: type as 'payment.authorized',
          reference: intentId,
          orderId: '6650c0ffee0000000000abcd',
          ...(failureMessage ? { failureMessage } : {}),
          occurredAt: new Date('2026-01-01T00:00:00Z'),
        });
      });
    }

    it('says "Your card was declined" for a failure Stripe gives no reason for', () => {
      const { body, headers } = signed(event('payment_intent.payment_failed', intent('requires_payment_method', { last_payment_error: null })));

      expect(provider.parseWebhook(body, headers)?.failureMessage).toBe('Your card was declined');
    });

    it('ignores a partial refund, which the shop never makes', () => {
      const { body, headers } = signed(event('charge.refunded', { id: 'ch_1', object: 'charge', payment_intent: intentId, refunded: false, metadata }));

      expect(provider.parseWebhook(body, headers)).toBeUndefined();
    });

    it('returns undefined for an authentic event the shop does not act on', () => {
      const { body, headers } = signed(event('customer.created', { id: 'cus_1', object: 'customer', metadata: {} }));

      expect(provider.parseWebhook(body, headers)).toBeUndefined();
    });

    const invalidSignature = (error: unknown) => isAppError(400, 'validation_failed')(error) && (error as AppError).message === 'Invalid webhook signature';

    it('refuses a body signed with another secret', () => {
      const { body, headers } = signed(event('payment_intent.succeeded', intent('succeeded')), { secret: 'whsec_forged' });

      expect(() => provider.parseWebhook(body, headers)).toThrowMatching(invalidSignature);
    });

    it('refuses a body altered after it was signed', () => {
      const { body, headers } = signed(event('payment_intent.succeeded', intent('succeeded')));
      const altered = Buffer.from(body.toString().replace('"amount":1999', '"amount":1'));

      expect(altered.equals(body)).toBeFalse();
      expect(() => provider.parseWebhook(altered, headers)).toThrowMatching(invalidSignature);
    });

    it('refuses a signature older than five minutes, as a possible replay', () => {
      // An hour, far beyond the tolerance: a slow machine cannot make this spec pass or fail by chance.
      const { body, headers } = signed(event('payment_intent.succeeded', intent('succeeded')), { timestamp: Math.floor(Date.now() / 1000) - 3600 });

      expect(() => provider.parseWebhook(body, headers)).toThrowMatching(invalidSignature);
    });

    it('refuses a webhook without a signature', () => {
      const { body } = signed(event('payment_intent.succeeded', intent('succeeded')));

      expect(() => provider.parseWebhook(body, {})).toThrowMatching(invalidSignature);
    });
  });
});
