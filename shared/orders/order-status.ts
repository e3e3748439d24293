/**
 * The order lifecycle of SPEC section 4, as one table: read it once and you know every legal move.
 * The server applies a move as a guarded update on `{ _id, status: from }`, so of two people moving
 * one order only one wins; the client shows exactly the buttons this table allows.
 */
export const orderStatuses = ['pending_payment', 'paid', 'fulfilling', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/**
 * Who moves an order: the payment provider's confirmation, the shopper, an admin, the shop itself
 * (an expired reservation), or a marketplace seller — only by shipping their lines: the first line
 * shipped starts fulfilment, the last one ships the order.
 */
export const orderActors = ['payment', 'shopper', 'admin', 'system', 'seller'] as const;
export type OrderActor = (typeof orderActors)[number];

/** An order's lines are shipped one by one, by their sellers or the shop, once it is paid and until it has shipped. */
export const lineShippableStatuses: readonly OrderStatus[] = ['paid', 'fulfilling'];

export interface OrderTransition {
  to: OrderStatus;
  by: readonly OrderActor[];
  /** The payment is refunded and the stock returned. */
  refunds?: true;
}

export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderTransition[]>> = {
  pending_payment: [
    { to: 'paid', by: ['payment'] },
    // Payment failed or expired, or the shopper changed their mind: nothing was charged.
    { to: 'cancelled', by: ['payment', 'system', 'shopper', 'admin'] },
  ],
  paid: [
    { to: 'fulfilling', by: ['admin', 'seller'] },
    { to: 'cancelled', by: ['admin'], refunds: true },
  ],
  fulfilling: [
    { to: 'shipped', by: ['admin', 'seller'] },
    { to: 'cancelled', by: ['admin'], refunds: true },
  ],
  shipped: [{ to: 'delivered', by: ['admin'] }],
  delivered: [{ to: 'returned', by: ['admin'], refunds: true }],
  cancelled: [],
  returned: [],
};

/** The move from `from` to `to` that `actor` may make, or undefined when it is not allowed (409). */
export function transitionFor(from: OrderStatus, to: OrderStatus, actor: OrderActor): OrderTransition | undefined {
  return orderTransitions[from].find((transition) => transition.to === to && transition.by.includes(actor));
}

/** The statuses `actor` may move an order in `from` to, in the table's order: the buttons to show. */
export function nextStatuses(from: OrderStatus, actor: OrderActor): OrderStatus[] {
  return orderTransitions[from].filter((transition) => transition.by.includes(actor)).map((transition) => transition.to);
}

/** No move leads out of these. */
export function isFinal(status: OrderStatus): boolean {
  return orderTransitions[status].length === 0;
}
