import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { AuthResponse, AuthUser } from '@shared/accounts/accounts';
import type { FieldIssue } from '@shared/errors';

export const shopper: AuthUser = { id: '64b000000000000000000001', email: 'shopper@demo.shop', name: 'Sam Shopper', role: 'customer' };
export const admin: AuthUser = { id: '64b000000000000000000002', email: 'admin@demo.shop', name: 'Ada Admin', role: 'admin' };
export const seller: AuthUser = { id: '64b000000000000000000003', email: 'seller@demo.shop', name: 'Nora Seller', role: 'seller' };

export function authResponse(user: AuthUser = shopper, accessToken = 'access-1'): AuthResponse {
  return { user, accessToken, expiresIn: 900 };
}

export const unauthorized = { status: 401, statusText: 'Unauthorized' };

export function errorBody(code: string, message: string, details?: FieldIssue[]) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/**
 * The request a test expects next, waiting a few turns of the event loop for it: the refresh call
 * starts only once the browser grants its cross-tab lock, and a retry only after the refresh.
 */
export async function nextRequest(http: HttpTestingController, url: string, method = 'POST'): Promise<TestRequest> {
  for (let turn = 0; turn < 50; turn += 1) {
    const [request, ...others] = http.match({ url, method });
    if (request) {
      expect(others.length).withContext(`more than one ${method} ${url}`).toBe(0);
      return request;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No ${method} ${url} was made`);
}

/** Lets pending promise callbacks and timers run, so "nothing else happened" can be asserted. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve));
}
