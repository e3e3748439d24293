import { z } from 'zod';

/** Every error the API answers has this one shape (SPEC section 6). */
export const errorCodes = [
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'out_of_stock',
  'illegal_transition',
  'payment_declined',
  'idempotency_mismatch',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const fieldIssueSchema = z.object({
  path: z.string().meta({ description: 'Where the problem is, e.g. `query.limit` or `body.lines.0.quantity`' }),
  message: z.string(),
});

export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.array(fieldIssueSchema).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
