import { z } from 'zod';

/** Money is an integer count of minor units (cents) plus an ISO 4217 currency code; never a float. */
export const moneySchema = z
  .object({
    amount: z.number().int().meta({ description: 'Amount in minor units, e.g. 1999 for 19.99' }),
    currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: 'ISO 4217 currency code', example: 'EUR' }),
  })
  .meta({ id: 'Money' });

export type Money = z.infer<typeof moneySchema>;
