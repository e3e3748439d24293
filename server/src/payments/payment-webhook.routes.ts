import { paymentProviders } from '@shared/orders/order';
import { z } from 'zod';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import type { PaymentWebhooks } from './payment-webhooks';

const webhookParamsSchema = z.strictObject({ provider: z.enum(paymentProviders) });
const webhookAnswerSchema = z.object({ received: z.literal(true), outcome: z.enum(['applied', 'duplicate', 'stored', 'ignored']) });

/** SPEC section 6, payments: where providers tell the shop what became of a payment. */
export function registerPaymentWebhookRoutes(api: ApiRoutes, webhooks: PaymentWebhooks, configuredProviders: ReadonlyMap<string, unknown>): void {
  api.add({
    method: 'post',
    path: '/payments/webhook/:provider',
    tag: 'Payments',
    summary: 'A payment provider\'s signed event',
    description: 'The signature over the exact body is verified first: a bad or stale one is 400 and changes nothing. Repeats and out-of-order events are safe.',
    params: webhookParamsSchema,
    rawBody: true,
    response: { status: 200, description: 'The event was taken', schema: webhookAnswerSchema },
    errors: [404],
    handler: async ({ params, rawBody }, req) => {
      if (!configuredProviders.has(params.provider)) throw AppError.notFound('Payment provider');
      const outcome = await webhooks.receive(params.provider, rawBody ?? Buffer.alloc(0), req.headers);
      return { received: true as const, outcome };
    },
  });
}
