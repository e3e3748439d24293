import { addCartItemRequestSchema, cartItemParamsSchema, cartSchema, updateCartItemRequestSchema } from '@shared/cart/cart';
import type { ApiRoutes } from '../http/api-routes';
import type { CartOwners } from './cart-owner';
import type { Carts } from './carts.service';

const guestOrUser = { optional: true } as const;

/** SPEC section 6, cart: the caller's own cart only; there is no route to anyone else's. */
export function registerCartRoutes(api: ApiRoutes, carts: Carts, owners: CartOwners): void {
  api.add({
    method: 'get',
    path: '/cart',
    tag: 'Cart',
    summary: 'The caller\'s cart, at today\'s prices and availability',
    description: 'Signed in or a guest (cookie). The first call after signing in merges the guest cart into the user\'s; `notices` say what changed.',
    auth: guestOrUser,
    response: { status: 200, description: 'The cart', schema: cartSchema },
    handler: async ({ user }, req, res) => {
      const { owner, notices } = await owners.of(req, res, user);
      return carts.view(owner, notices);
    },
  });

  api.add({
    method: 'post',
    path: '/cart/items',
    tag: 'Cart',
    summary: 'Add a product to the cart',
    description: 'Adds to the product\'s line if there is one. A quantity beyond what is available is capped, with a notice.',
    auth: guestOrUser,
    body: addCartItemRequestSchema,
    response: { status: 200, description: 'The cart', schema: cartSchema },
    errors: [404, 409],
    handler: async ({ body, user }, req, res) => {
      const ownership = await owners.forWriting(req, res, user);
      const notices = await carts.add(ownership.owner, body.productId, body.quantity);
      return carts.view(ownership.owner, [...ownership.notices, ...notices]);
    },
  });

  api.add({
    method: 'patch',
    path: '/cart/items/:productId',
    tag: 'Cart',
    summary: 'Change the quantity of a line',
    auth: guestOrUser,
    params: cartItemParamsSchema,
    body: updateCartItemRequestSchema,
    response: { status: 200, description: 'The cart', schema: cartSchema },
    errors: [404, 409],
    handler: async ({ params, body, user }, req, res) => {
      const ownership = await owners.forWriting(req, res, user);
      const notices = await carts.setQuantity(ownership.owner, params.productId, body.quantity);
      return carts.view(ownership.owner, [...ownership.notices, ...notices]);
    },
  });

  api.add({
    method: 'delete',
    path: '/cart/items/:productId',
    tag: 'Cart',
    summary: 'Remove a line',
    auth: guestOrUser,
    params: cartItemParamsSchema,
    response: { status: 200, description: 'The cart', schema: cartSchema },
    handler: async ({ params, user }, req, res) => {
      const { owner, notices } = await owners.of(req, res, user);
      if (owner) await carts.remove(owner, [params.productId]);
      return carts.view(owner, notices);
    },
  });
}
