import type { AddCartItemRequest } from '@shared/cart/cart';
import { describeApiError } from '../core/http/api-error';
import type { CartStore } from './cart-store';

/** What adding to the cart came to, in words for the status line next to the button. */
export interface CartAddition {
  added: boolean;
  message: string;
}

/**
 * Adds `item` to the cart and says what happened. When the cart already held what is left, the
 * server puts fewer in than asked and sends a notice saying how many are left ("Only 2 of … left;
 * your cart has 2"): those words beat a plain "Added". A sold-out product (409) is said as such.
 */
export async function addToCart(cart: CartStore, item: AddCartItemRequest, addedMessage: string): Promise<CartAddition> {
  const noticesBefore = cart.notices().length;
  try {
    await cart.addItem(item);
  } catch (error) {
    return { added: false, message: whyNotAdded(error) };
  }
  const capped = cart
    .notices()
    .slice(noticesBefore)
    .find((notice) => notice.kind === 'capped' && notice.productId === item.productId);
  return { added: true, message: capped ? `${capped.message}.` : addedMessage };
}

function whyNotAdded(error: unknown): string {
  const problem = describeApiError(error);
  if (problem.code === 'out_of_stock') return 'Sold out just now: there are none left to add.';
  if (problem.status === 404) return 'This product is no longer for sale.';
  // The rest of the 409s (a full cart, a change lost to another tab) are said well by the server.
  return problem.message;
}
