import { randomUUID } from 'node:crypto';
import type { Cart } from '@shared/cart/cart';
import type { Order, PlaceOrderRequest } from '@shared/orders/order';
import { testCards } from '@shared/payments/test-cards';
import { bearer, type Session } from './accounts-helpers';
import type { TestShop } from './test-shop';

/** A shopper as the API sees one: a guest with their cart cookie, or a signed-in session. */
export interface Shopper {
  session?: Session;
  /** `meanshop_cart=…` once the guest has a cart. */
  cartCookie?: string;
}

export function shopperHeaders(shopper: Shopper): Record<string, string> {
  return { ...(shopper.session ? bearer(shopper.session) : {}), ...(shopper.cartCookie ? { cookie: shopper.cartCookie } : {}) };
}

/** Keeps the cart cookie a response sets (or clears), as a browser would. */
function keepCartCookie(shopper: Shopper, response: Response): void {
  const pair = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((cookie) => cookie.startsWith('meanshop_cart='));
  if (pair === undefined) return;
  if (pair === 'meanshop_cart=') delete shopper.cartCookie;
  else shopper.cartCookie = pair;
}

export async function cartRequest(shop: TestShop, shopper: Shopper, pathname: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const response = await shop.request(pathname, { ...init, headers: { ...shopperHeaders(shopper), ...(init.headers as Record<string, string> | undefined) } });
  keepCartCookie(shopper, response);
  return response;
}

export async function addToCart(shop: TestShop, shopper: Shopper, productId: string, quantity = 1): Promise<Cart> {
  const response = await cartRequest(shop, shopper, '/api/cart/items', { method: 'POST', json: { productId, quantity } });
  if (response.status !== 200) throw new Error(`add to cart answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Cart;
}

export function orderRequest(overrides: Partial<PlaceOrderRequest> = {}, card: string = testCards.succeeds): PlaceOrderRequest {
  return {
    shippingAddress: { name: 'Grace Hopper', line1: '1 Harbour Street', city: 'Dublin', postalCode: 'D02 X285', country: 'IE' },
    shippingMethod: 'standard',
    payment: { provider: 'test', card: { number: card, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' } },
    ...overrides,
  };
}

export async function placeOrder(shop: TestShop, shopper: Shopper, body: unknown, key: string = randomUUID()): Promise<Response> {
  return cartRequest(shop, shopper, '/api/orders', { method: 'POST', headers: { 'idempotency-key': key }, json: body });
}

/** Places an order that must succeed, and returns it. */
export async function placedOrder(shop: TestShop, shopper: Shopper, body: unknown = orderRequest()): Promise<Order> {
  const response = await placeOrder(shop, shopper, body);
  if (response.status !== 201) throw new Error(`place order answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Order;
}
