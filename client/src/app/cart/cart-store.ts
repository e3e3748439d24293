import { Injectable, signal } from '@angular/core';

/** The most of one product a shopper can put in the cart at once. */
export const maxQuantityPerLine = 99;

/** What the product page asks the cart to add. The cart issue replaces it with the shared request type. */
export interface CartItemRequest {
  productId: string;
  quantity: number;
}

/**
 * The shopper's cart.
 *
 * PLACEHOLDER for the cart issue (SPEC section 6: POST /api/cart/items). Until then the store takes
 * nothing: `acceptsItems` is false, so the product page renders its add-to-cart button disabled with
 * a note, and `addItem` does nothing. That issue implements `addItem`, turns `acceptsItems` on and
 * gives the header a cart link; the product page needs no change.
 */
@Injectable({ providedIn: 'root' })
export class CartStore {
  readonly acceptsItems = signal(false).asReadonly();

  async addItem(_item: CartItemRequest): Promise<void> {
    // Intentionally empty until the cart issue.
  }
}
