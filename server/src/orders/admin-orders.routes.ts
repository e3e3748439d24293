import {
  adminOrderFiltersSchema,
  adminOrderListQuerySchema,
  lineShipmentInputSchema,
  orderLineParamsSchema,
  orderListSchema,
  orderParamsSchema,
  orderSchema,
  orderStatusChangeRequestSchema,
} from '@shared/orders/order';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { adminOrderFilter } from './admin-order-filter';
import type { Commerce } from './commerce';
import { OrderModel } from './order.model';
import { streamOrdersCsv } from './order-export';
import { listOrders } from './order-list';
import { toOrderView } from './order-view';

const adminsOnly = { roles: ['admin'] } as const;

/** SPEC section 6, admin orders: the list, one order, and moving it along the state machine. */
/** What a status move changes, for the audit log: not the whole order. */
function orderStanding(order: { number: string; status: string; payment: { status: string } } | null) {
  return order && { number: order.number, status: order.status, paymentStatus: order.payment.status };
}

export function registerAdminOrderRoutes(api: ApiRoutes, commerce: Commerce): void {
  api.add({
    method: 'get',
    path: '/admin/orders',
    tag: 'Admin',
    summary: 'All orders, newest first, filtered by status, local days, customer, seller or a search',
    description: '`q` finds an order by its number or its customer\'s email, exactly. Filters combine.',
    auth: adminsOnly,
    query: adminOrderListQuerySchema,
    response: { status: 200, description: 'A page of orders', schema: orderListSchema },
    handler: async ({ query: { cursor, ...filters } }) => {
      const filter = adminOrderFilter(filters);
      return filter ? listOrders(filter, cursor) : { items: [], nextCursor: null };
    },
  });

  // Before `/admin/orders/:id`, which would take `export.csv` for an id.
  api.add({
    method: 'get',
    path: '/admin/orders/export.csv',
    tag: 'Admin',
    summary: 'The filtered orders as CSV, newest first, one row per order',
    description: 'Same filters as the list. Cells a spreadsheet would run as a formula start with `\'`.',
    auth: adminsOnly,
    query: adminOrderFiltersSchema,
    response: { status: 200, description: 'A CSV attachment', contentType: 'text/csv' },
    // Customers' names and emails leave the shop: who took them, and which, is on record.
    audit: { action: 'orders.exported', targetType: 'orders', targetId: () => null, after: (_result, { query }) => query },
    handler: async ({ query }, _req, res) => {
      await streamOrdersCsv(res, adminOrderFilter(query), `orders-${new Date().toISOString().slice(0, 10)}.csv`);
      return undefined;
    },
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
    audit: {
      action: 'order.status_changed',
      targetType: 'order',
      before: async ({ params }) => orderStanding(await OrderModel.findById(params.id, { number: 1, status: 1, payment: 1 }).lean()),
      after: (order, { body }) => order && { ...orderStanding(order), note: body.note ?? null },
    },
    handler: async ({ params, body, user }) =>
      toOrderView(await commerce.lifecycle.move(params.id, body.status, 'admin', { byUserId: user._id, ...(body.note ? { note: body.note } : {}) })),
  });

  api.add({
    method: 'post',
    path: '/admin/orders/:orderId/lines/:productId/shipment',
    tag: 'Admin',
    summary: 'Ship one of the shop\'s own lines of an order, with the carrier and tracking number',
    description:
      'For the lines no seller sells; each seller ships their own (`POST /api/seller/orders/:orderId/lines/:productId/shipment`). ' +
      'As there: the order must be paid and not yet shipped (409 otherwise); the first line shipped moves it to `fulfilling`, and once every line is shipped it moves to `shipped`. ' +
      'The same carrier and tracking number again change nothing; different ones for a shipped line are 409. A seller\'s line, or a product not in the order, is 404.',
    auth: adminsOnly,
    params: orderLineParamsSchema,
    body: lineShipmentInputSchema,
    response: { status: 200, description: 'The order', schema: orderSchema },
    errors: [404, 409, 503],
    audit: {
      action: 'order.line_shipped',
      targetType: 'order',
      after: (order, { params, body }) => order && { number: order.number, status: order.status, productId: params.productId, carrier: body.carrier, trackingNumber: body.trackingNumber },
    },
    handler: async ({ params, body, user }) => toOrderView(await commerce.lineShipments.ship(params.orderId, params.productId, { kind: 'shop', userId: user._id }, body)),
  });
}
