/**
 * The built-in `test` provider's cards (SPEC section 5), shown on the checkout page in development.
 * Any expiry in the future and any CVC work.
 */
export const testCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  /** Authorises a few seconds later: the order waits in `pending_payment` for the webhook. */
  slow: '4000000000000077',
} as const;
