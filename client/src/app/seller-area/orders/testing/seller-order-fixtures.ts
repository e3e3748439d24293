import type { OrderStatus } from '@shared/orders/order-status';
import type { OrderCreated } from '@shared/realtime/socket-events';
import type { SellerOrder, SellerOrderLine, SellerOrderList, SellerOrderSummary } from '@shared/sellers/seller-orders';
import { historyUpTo } from '../../../orders/testing/order-fixtures';

export const sellerOrderId = '64c0000000000000000000a1';
export const kettleId = 'a00000000000000000000011';
export const lampId = 'a00000000000000000000012';

export const euros = (amount: number) => ({ amount, currency: 'EUR' });

/** One of the seller's lines, at a 10% commission. */
export function sellerLine(overrides: Partial<SellerOrderLine> = {}): SellerOrderLine {
  const quantity = overrides.quantity ?? 2;
  const unit = overrides.unitPrice?.amount ?? 2500;
  const total = quantity * unit;
  return {
    productId: kettleId,
    slug: 'copper-kettle',
    title: 'Copper Kettle',
    image: null,
    unitPrice: euros(unit),
    quantity,
    lineTotal: euros(total),
    commission: { basisPoints: 1000, amount: euros(total / 10) },
    payout: euros(total - total / 10),
    shipment: null,
    ...overrides,
  };
}

/** An order as its seller sees it: paid, two lines of the seller's, one more line of another seller's. */
export function sellerOrder(overrides: Partial<SellerOrder> = {}): SellerOrder {
  const status: OrderStatus = overrides.status ?? 'paid';
  const lines = overrides.lines ?? [sellerLine(), sellerLine({ productId: lampId, slug: 'brass-lamp', title: 'Brass Lamp', quantity: 1, unitPrice: euros(4000) })];
  const gross = lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  const commission = lines.reduce((sum, line) => sum + line.commission.amount.amount, 0);
  return {
    id: sellerOrderId,
    number: 'MS-7K3Q-9XWD',
    status,
    lines,
    totals: { gross: euros(gross), commission: euros(commission), payout: euros(gross - commission) },
    otherSellersLineCount: 1,
    shippingAddress: { name: 'Gia Guest', line1: '1 Main Street', city: 'Dublin', postalCode: 'D01 F5P2', country: 'IE' },
    shippingMethod: 'standard',
    statusHistory: historyUpTo(status),
    mayShip: (status === 'paid' || status === 'fulfilling') && lines.some((line) => !line.shipment),
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

let nextSummary = 0;

export function sellerOrderSummary(overrides: Partial<SellerOrderSummary> = {}): SellerOrderSummary {
  nextSummary += 1;
  const { id, number, status, totals, mayShip, createdAt } = sellerOrder();
  return {
    id: `${id.slice(0, -4)}${nextSummary.toString(16).padStart(4, '0')}`,
    number: `${number}-${nextSummary}`,
    status,
    totals,
    mayShip,
    createdAt,
    updatedAt: createdAt,
    itemCount: 3,
    lineCount: 2,
    shippedLineCount: 0,
    ...overrides,
  };
}

export function sellerOrderList(items: SellerOrderSummary[], nextCursor: string | null = null): SellerOrderList {
  return { items, nextCursor };
}

/** The `order:created` event a seller gets for a summary: their lines' total, no email. */
export function sellerOrderCreated({ id, number, status, totals, itemCount, createdAt }: SellerOrderSummary): OrderCreated {
  return { orderId: id, number, status, total: totals.gross, itemCount, createdAt };
}
