import type { LineShipment, Order, OrderLine, OrderSummary } from '@shared/orders/order';
import type { Money } from '@shared/money';
import type { OrderEvent } from '../events/shop-events';
import type { OrderDocument } from './order.model';

const money = (value: Money): Money => ({ amount: value.amount, currency: value.currency });

function totalsOf(order: OrderDocument): Order['totals'] {
  const { subtotal, discount, shipping, tax, total } = order.totals;
  return { subtotal: money(subtotal), discount: money(discount), shipping: money(shipping), tax: money(tax), total: money(total) };
}

const itemCountOf = (order: OrderDocument) => order.lines.reduce((count, line) => count + line.quantity, 0);

export function shipmentView(shipment: OrderDocument['lines'][number]['shipment']): LineShipment | null {
  return shipment ? { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, shippedAt: shipment.shippedAt.toISOString() } : null;
}

export function orderLineView(line: OrderDocument['lines'][number]): OrderLine {
  return {
    productId: line.productId.toString(),
    slug: line.slug,
    title: line.title,
    image: line.image?.toString() ?? null,
    unitPrice: money(line.unitPrice),
    quantity: line.quantity,
    lineTotal: money(line.lineTotal),
    sellerId: line.sellerId?.toString() ?? null,
    sellerName: line.sellerName ?? null,
    shipment: shipmentView(line.shipment),
  };
}

/** Where an order goes, without the optional lines it does not have. */
export function shippingAddressView(address: OrderDocument['shippingAddress']): Order['shippingAddress'] {
  return {
    name: address.name,
    line1: address.line1,
    city: address.city,
    postalCode: address.postalCode,
    country: address.country,
    ...(address.line2 ? { line2: address.line2 } : {}),
    ...(address.region ? { region: address.region } : {}),
    ...(address.phone ? { phone: address.phone } : {}),
  };
}

export function statusHistoryView(order: OrderDocument): Order['statusHistory'] {
  return order.statusHistory.map((change) => ({
    status: change.status,
    at: change.at.toISOString(),
    by: change.by,
    ...(change.note ? { note: change.note } : {}),
  }));
}

/** An order as its shopper and admins see it (SPEC section 6). */
export function toOrderView(order: OrderDocument, accessToken?: string): Order {
  return {
    id: order._id.toString(),
    number: order.number,
    status: order.status,
    email: order.email,
    lines: order.lines.map(orderLineView),
    totals: totalsOf(order),
    discountCode: order.discountCode ?? null,
    shippingAddress: shippingAddressView(order.shippingAddress),
    shippingMethod: order.shippingMethod,
    payment: {
      provider: order.payment.provider,
      status: order.payment.status,
      card: order.payment.cardLast4 ? { last4: order.payment.cardLast4 } : null,
      failureMessage: order.payment.failureMessage ?? null,
    },
    statusHistory: statusHistoryView(order),
    reservedUntil: order.status === 'pending_payment' && order.reservedUntil ? order.reservedUntil.toISOString() : null,
    ...(accessToken ? { accessToken } : {}),
    createdAt: order.createdAt.toISOString(),
  };
}

export function toOrderSummary(order: OrderDocument): OrderSummary {
  return {
    id: order._id.toString(),
    number: order.number,
    status: order.status,
    email: order.email,
    totals: totalsOf(order),
    itemCount: itemCountOf(order),
    createdAt: order.createdAt.toISOString(),
  };
}

/** What the shop's events carry about an order. */
export function toOrderEvent(order: OrderDocument): OrderEvent {
  return {
    orderId: order._id.toString(),
    number: order.number,
    status: order.status,
    at: (order.statusHistory.at(-1)?.at ?? order.updatedAt).toISOString(),
    userId: order.userId?.toString() ?? null,
    email: order.email,
    sellerIds: order.sellerIds.map((id) => id.toString()),
    total: money(order.totals.total),
    itemCount: itemCountOf(order),
    lines: order.lines.map((line) => ({
      productId: line.productId.toString(),
      title: line.title,
      categoryId: line.categoryId?.toString() ?? null,
      sellerId: line.sellerId?.toString() ?? null,
      quantity: line.quantity,
      lineTotal: money(line.lineTotal),
    })),
    createdAt: order.createdAt.toISOString(),
  };
}
