import { describeApiError } from '../core/http/api-error';

/**
 * The seller routes answer 403 to a signed-in seller only when the shop has suspended them (the
 * guard keeps everyone else out), so a 403 is said as what it means for the seller.
 */
export const suspendedExplanation =
  'The seller area is closed for now, and your products are not shown in the shop until the shop reinstates you. Orders already placed stay.';
export const suspendedMessage = `Your shop is suspended. ${suspendedExplanation}`;

/** A failed seller call in words for the seller: the suspension, or what the API said. */
export function describeSellerAreaError(error: unknown): string {
  const problem = describeApiError(error);
  return problem.status === 403 ? suspendedMessage : problem.message;
}
