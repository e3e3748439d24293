import { adminOrderListQuerySchema, orderListSchema, orderParamsSchema, orderSchema, orderStatusChangeRequestSchema } from '@shared/orders/order';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import type { Commerce } from './commerce';
import { OrderModel } from './order.model';
import { listOrders } from './order-list';
import { toOrderView } from './order-view';

const adminsOnly = { roles: ['admin'] } as const;

/** SPEC section 6, admin orders: the list, one order, and moving it along the state machine. */
export function registerAdminOrderRoutes(api: ApiRoutes, commerce: Commerce): void {
  api.add({
    method: 'get',
    path: '/admin/orders',
    tag: 'Admin',
    summary: 'All orders, newest first, optionally of one status',
    auth: adminsOnly,
    query: adminOrderListQuerySchema,
    response: { status: 200, description: 'A page of orders', schema: orderListSchema },
    handler: ({ query }) => listOrders(query.status ? { status: query.status } : {}, query.cursor),
  });

  api.add({
    method: 'get',
    path: '/admin/orders/:id',
    tag: 'Admin',
    summary: 'One order with its payment and status history',
    auth: adminsOnly,
    params: orderParamsSchema,
    response: { status: 200, description: 'The order', schema: orderSchema },
    errors: [404],
    handler: async ({ params }) => {
      const order = await OrderModel.findById(params.id).lean();
      if (!order) throw AppError.notFound('Order');
      return toOrderView(order);
    },
  });

  api.add({
    method: 'post',
    path: '/admin/orders/:id/status',
    tag: 'Admin',
    summary: 'Move an order to its next status, with a note',
    description: 'Only the moves of SPEC section 4 are allowed; any other, or one that lost a race with another admin, is 409. Shipping captures the payment; cancelling or returning refunds it.',
    auth: adminsOnly,
    params: orderParamsSchema,
    body: orderStatusChangeRequestSchema,
    response: { status: 200, description: 'The moved order', schema: orderSchema },
    errors: [404, 409, 503],
    handler: async ({ params, body, user }) =>
      toOrderView(await commerce.lifecycle.move(params.id, body.status, 'admin', { byUserId: user._id, ...(body.note ? { note: body.note } : {}) })),
  });
}
