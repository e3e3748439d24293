import { HttpErrorResponse } from '@angular/common/http';
import type { PlaceOrderRequest } from '@shared/orders/order';

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a page served over plain http elsewhere than localhost still gets 122 random bits.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The `Idempotency-Key`s of placing an order: one per attempt. An attempt whose answer never
 * arrived (the network failed) is sent again with its key, so that if the first one did reach the
 * server it answers the retry like the first and no second order is made. Once the server has
 * answered, success or refusal, the next press is a new attempt with a new key; so is a changed
 * request, which the server would refuse under the old key.
 */
export class OrderAttempts {
  private unanswered: { key: string; body: string } | null = null;
  private readonly newKey: () => string;

  constructor(newKey: () => string = randomKey) {
    this.newKey = newKey;
  }

  async place<T>(request: PlaceOrderRequest, send: (idempotencyKey: string) => Promise<T>): Promise<T> {
    const body = JSON.stringify(request);
    if (this.unanswered?.body !== body) this.unanswered = { key: this.newKey(), body };
    try {
      const answer = await send(this.unanswered.key);
      this.unanswered = null;
      return answer;
    } catch (error) {
      const answered = !(error instanceof HttpErrorResponse) || error.status !== 0;
      if (answered) this.unanswered = null;
      throw error;
    }
  }
}
