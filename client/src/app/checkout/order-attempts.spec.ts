import { HttpErrorResponse } from '@angular/common/http';
import type { PlaceOrderRequest } from '@shared/orders/order';
import { OrderAttempts } from './order-attempts';

const request: PlaceOrderRequest = {
  email: 'gia@example.com',
  shippingAddress: { name: 'Gia', line1: '1 Main Street', city: 'Dublin', postalCode: 'D01', country: 'IE' },
  shippingMethod: 'standard',
  payment: { provider: 'test', card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } },
};
const networkFailure = new HttpErrorResponse({ status: 0, url: '/api/orders' });
const refused = new HttpErrorResponse({ status: 409, url: '/api/orders', error: { error: { code: 'out_of_stock', message: 'Only 2 left' } } });

describe('OrderAttempts', () => {
  let attempts: OrderAttempts;
  let keys: string[];

  beforeEach(() => {
    let next = 0;
    attempts = new OrderAttempts(() => `key-${(next += 1)}`);
    keys = [];
  });

  /** Sends an attempt that fails with `failure`, or succeeds without one. */
  function send(failure?: HttpErrorResponse): (key: string) => Promise<unknown> {
    return (key) => {
      keys.push(key);
      return failure ? Promise.reject(failure) : Promise.resolve('order');
    };
  }

  it('sends a retry after a network failure under the same key', async () => {
    await expectAsync(attempts.place(request, send(networkFailure))).toBeRejected();
    await attempts.place(request, send());
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it('takes a new key once the server has answered, refusal or success', async () => {
    await expectAsync(attempts.place(request, send(refused))).toBeRejected();
    await attempts.place(request, send());
    await attempts.place(request, send());
    expect(keys).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('takes a new key for a changed request, which the old key would be refused for', async () => {
    await expectAsync(attempts.place(request, send(networkFailure))).toBeRejected();
    await attempts.place({ ...request, shippingMethod: 'express' }, send());
    expect(keys).toEqual(['key-1', 'key-2']);
  });

  it('makes UUIDs by default', async () => {
    const real = new OrderAttempts();
    let key = '';
    await real.place(request, async (sent) => (key = sent));
    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
  });
});
