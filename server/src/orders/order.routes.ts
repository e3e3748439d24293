import {
  checkoutOptionsSchema,
  idempotencyHeadersSchema,
  orderAccessQuerySchema,
  orderListQuerySchema,
  orderListSchema,
  orderParamsSchema,
  orderSchema,
  placeOrderRequestSchema,
} from '@shared/orders/order';
import type { AuthenticatedUser } from '../accounts/authenticator';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import type { Commerce } from './commerce';
import { OrderModel, type OrderDocument } from './order.model';
import { listOrders } from './order-list';
import { toOrderView } from './order-view';

const guestOrUser = { optional: true } as const;

/** SPEC section 6, orders: a shopper's own orders, or a guest's through the signed link they were given. */
/** Where checkouts are counted: once per checkout that ran, not per repeat of its Idempotency-Key. */
export interface CheckoutCounter {
  countCheckout(answer: { status: number; body: unknown }): void;
}

export function registerOrderRoutes(api: ApiRoutes, commerce: Commerce, checkouts: CheckoutCounter): void {
  const { checkout, cartOwners, idempotentRequests, guestOrderLinks, lifecycle } = commerce;

  /** The order if the caller may see it: their own, or the one the token opens. Anyone else's is 404, not 403. */
  const readableOrder = async (id: string, user: AuthenticatedUser | undefined, token: string | undefined): Promise<OrderDocument> => {
    const order = await OrderModel.findById(id).lean();
    const own = order?.userId && user && order.userId.toString() === user.id;
    if (!order || (!own && !guestOrderLinks.opens(id, token))) throw AppError.notFound('Order');
    return order;
  };
  /** A guest keeps the token, so the page they land on can follow the order live. */
  const viewFor = (order: OrderDocument) => toOrderView(order, order.userId ? undefined : guestOrderLinks.tokenFor(order._id.toString()));

  api.add({
    method: 'get',
    path: '/checkout/options',
    tag: 'Orders',
    summary: 'Shipping methods with their prices, the tax rate and the payment providers',
    response: { status: 200, description: 'What checkout offers', schema: checkoutOptionsSchema },
    handler: () => checkout.options(),
  });

  api.add({
    method: 'post',
    path: '/orders',
    tag: 'Orders',
    summary: 'Place an order from the caller\'s cart',
    description:
      'Reserves every line, prices it from the database and authorises the payment. Requires an `Idempotency-Key`: the same key and body return the first answer and create nothing; the same key with another body is 422. Keys are per caller and kept 24 hours.',
    auth: guestOrUser,
    headers: idempotencyHeadersSchema,
    body: placeOrderRequestSchema,
    response: { status: 201, description: 'The order: `paid`, or `pending_payment` while a slow payment confirms', schema: orderSchema },
    errors: [409, 422, 503],
    handler: async ({ body, headers, user }, req, res) => {
      const { owner } = await cartOwners.of(req, res, user);
      if (!owner) throw AppError.conflict('Your cart is empty');
      const scope = user ? `user:${user.id}` : owner;
      let answer;
      try {
        answer = await idempotentRequests.run(scope, headers['idempotency-key'], body, async () => {
          const order = await checkout.placeOrder({ user, cartOwner: owner }, body);
          return { status: 201, body: viewFor(order) };
        });
      } catch (error) {
        // A checkout that broke (the shop or the provider) keeps no answer: its retry counts again.
        if (!(error instanceof AppError) || error.status >= 500) checkouts.countCheckout({ status: 500, body: null });
        throw error;
      }
      if (!answer.replayed) checkouts.countCheckout(answer);
      res.status(answer.status).json(answer.body);
      return undefined;
    },
  });

  api.add({
    method: 'get',
    path: '/orders',
    tag: 'Orders',
    summary: 'The caller\'s orders, newest first',
    auth: {},
    query: orderListQuerySchema,
    response: { status: 200, description: 'A page of orders', schema: orderListSchema },
    handler: ({ query, user }) => listOrders({ userId: user._id }, query.cursor),
  });

  api.add({
    method: 'get',
    path: '/orders/:id',
    tag: 'Orders',
    summary: 'One of the caller\'s orders, or a guest\'s with the token of its link',
    auth: guestOrUser,
    params: orderParamsSchema,
    query: orderAccessQuerySchema,
    response: { status: 200, description: 'The order', schema: orderSchema },
    errors: [404],
    handler: async ({ params, query, user }) => viewFor(await readableOrder(params.id, user, query.token)),
  });

  api.add({
    method: 'post',
    path: '/orders/:id/cancel',
    tag: 'Orders',
    summary: 'Cancel an order before its fulfilment starts',
    description: 'Reserved or sold items go back on sale and a taken payment is refunded. Once the order is being prepared it is 409.',
    auth: guestOrUser,
    params: orderParamsSchema,
    query: orderAccessQuerySchema,
    response: { status: 200, description: 'The cancelled order', schema: orderSchema },
    errors: [404, 409],
    handler: async ({ params, query, user }) => {
      const order = await readableOrder(params.id, user, query.token);
      const cancelled = await lifecycle.move(order._id, 'cancelled', 'shopper', { note: 'Cancelled by the shopper', ...(user ? { byUserId: user._id } : {}) });
      return viewFor(cancelled);
    },
  });
}
