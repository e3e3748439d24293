import type { CheckoutOptions, Order, OrderList, OrderSummary, StatusChange } from '@shared/orders/order';
import type { OrderStatus } from '@shared/orders/order-status';

export const orderId = '64c000000000000000000001';
const euros = (amount: number) => ({ amount, currency: 'EUR' });

/** The history of an order that went the usual way up to `status` (or was cancelled after `pending_payment`). */
export function historyUpTo(status: OrderStatus): StatusChange[] {
  const way: OrderStatus[] = ['pending_payment', 'paid', 'fulfilling', 'shipped', 'delivered'];
  const steps = status === 'cancelled' ? ['pending_payment', 'cancelled'] : status === 'returned' ? [...way, 'returned'] : way.slice(0, way.indexOf(status) + 1);
  return (steps as OrderStatus[]).map((step, index) => ({ status: step, at: `2026-12-01T10:0${index}:00.000Z`, by: index === 0 ? 'shopper' : 'admin' }));
}

export function order(overrides: Partial<Order> = {}): Order {
  const status = overrides.status ?? 'paid';
  return {
    id: orderId,
    number: 'MS-7K3Q-9XWD',
    status,
    email: 'guest@example.com',
    lines: [
      {
        productId: 'a00000000000000000000001',
        slug: 'kettle',
        title: 'Kettle',
        image: null,
        unitPrice: euros(2500),
        quantity: 2,
        lineTotal: euros(5000),
        sellerId: null,
        sellerName: null,
        shipment: null,
      },
    ],
    totals: { subtotal: euros(5000), discount: euros(0), shipping: euros(490), tax: euros(1045), total: euros(6535) },
    discountCode: null,
    shippingAddress: { name: 'Gia Guest', line1: '1 Main Street', city: 'Dublin', postalCode: 'D01 F5P2', country: 'IE' },
    shippingMethod: 'standard',
    payment: { provider: 'test', status: status === 'pending_payment' ? 'pending' : 'authorized', card: { last4: '4242' }, failureMessage: null },
    statusHistory: historyUpTo(status),
    reservedUntil: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

let nextSummary = 0;

export function orderSummary(overrides: Partial<OrderSummary> = {}): OrderSummary {
  nextSummary += 1;
  const { id, number, status, totals, createdAt, email } = order();
  return { id: `${id.slice(0, -4)}${nextSummary.toString(16).padStart(4, '0')}`, number: `${number}-${nextSummary}`, status, totals, createdAt, email, itemCount: 2, ...overrides };
}

export function orderList(items: OrderSummary[], nextCursor: string | null = null): OrderList {
  return { items, nextCursor };
}

export const checkoutOptions: CheckoutOptions = {
  shippingMethods: [
    { id: 'standard', name: 'Standard', price: euros(490), days: '3–5 working days' },
    { id: 'express', name: 'Express', price: euros(990), days: 'Next working day' },
  ],
  taxRateBasisPoints: 1900,
  paymentProviders: ['test'],
  reservationMinutes: 15,
};
