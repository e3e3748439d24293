import { multiplyMoney, percentageOf } from '@shared/money';
import { defaultCommissionBasisPoints } from '@shared/sellers/seller';
import type { OrderStatus } from '@shared/orders/order-status';
import type { PaymentStatus } from '@shared/orders/order';
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { readSellerName } from '../catalog/seller-names';
import type { CommerceConfig } from '../config/config';
import { OrderModel, type OrderDocument, type StockState } from '../orders/order.model';
import { newOrderNumber } from '../orders/order-number';
import { orderTotals } from '../orders/pricing';
import { TestPaymentModel } from '../payments/test-payment.model';
import { recountSales } from '../stats/sales-stats';

/** What a demo order copies from a product. */
export interface DemoOrderProduct {
  _id: Types.ObjectId;
  title: string;
  slug: string;
  images: Types.ObjectId[];
  price: { amount: number; currency: string };
  categoryId: Types.ObjectId;
  sellerId: Types.ObjectId | null;
}

export interface DemoOrderOptions {
  products: readonly DemoOrderProduct[];
  shopper: { _id: Types.ObjectId; email: string; name: string };
  commerce: CommerceConfig;
  random: () => number;
  now: number;
  /** How far back the history goes. */
  days?: number;
}

const dayMs = 86_400_000;
const carriers = ['DHL', 'An Post', 'UPS', 'DPD'];
const firstNames = ['Aoife', 'Ben', 'Chloé', 'Dara', 'Emil', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tess'];
const lastNames = ['Byrne', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Horvat', 'Ivanova', 'Kelly', 'Larsen', 'Moreau', 'Nowak', 'Okafor', 'Rossi', 'Schmidt', 'Tanaka'];
const cities = [
  { city: 'Dublin', postalCode: 'D02 X285', country: 'IE' },
  { city: 'Cork', postalCode: 'T12 RX42', country: 'IE' },
  { city: 'Berlin', postalCode: '10115', country: 'DE' },
  { city: 'Lyon', postalCode: '69002', country: 'FR' },
  { city: 'Utrecht', postalCode: '3511 LX', country: 'NL' },
];

/**
 * The status an order of this age has reached, as a shop that ships within a few days would see
 * it, with a few cancelled and returned. Never `pending_payment`: an unpaid demo order would hold
 * stock that no reservation took, and the sweeper would give back units that were never held.
 */
function statusForAge(ageDays: number, roll: number): OrderStatus {
  if (roll < 0.04) return 'cancelled';
  if (ageDays > 14 && roll < 0.07) return 'returned';
  if (ageDays >= 6) return 'delivered';
  if (ageDays >= 3) return roll < 0.5 ? 'delivered' : 'shipped';
  if (ageDays >= 1) return roll < 0.5 ? 'shipped' : 'fulfilling';
  return roll < 0.6 ? 'paid' : 'fulfilling';
}

/** The path an order took to its status, for its history. */
const pathTo: Record<OrderStatus, OrderStatus[]> = {
  pending_payment: ['pending_payment'],
  paid: ['pending_payment', 'paid'],
  fulfilling: ['pending_payment', 'paid', 'fulfilling'],
  shipped: ['pending_payment', 'paid', 'fulfilling', 'shipped'],
  delivered: ['pending_payment', 'paid', 'fulfilling', 'shipped', 'delivered'],
  cancelled: ['pending_payment', 'paid', 'cancelled'],
  returned: ['pending_payment', 'paid', 'fulfilling', 'shipped', 'delivered', 'returned'],
};

const paymentFor: Record<OrderStatus, PaymentStatus> = {
  pending_payment: 'pending',
  paid: 'authorized',
  fulfilling: 'authorized',
  shipped: 'captured',
  delivered: 'captured',
  cancelled: 'refunded',
  returned: 'refunded',
};

const stockFor: Record<OrderStatus, StockState> = {
  pending_payment: 'held',
  paid: 'sold',
  fulfilling: 'sold',
  shipped: 'sold',
  delivered: 'sold',
  cancelled: 'returned',
  returned: 'returned',
};

/**
 * A few weeks of orders, more each week, so the admin overview tells a story on first start:
 * guests and the demo shopper, one to three lines each, every status an order of its age could
 * have. Their payments are in the test processor's ledger, so an admin can ship or refund them.
 * The sales figures are then counted from them.
 */
export async function seedDemoOrders(options: DemoOrderOptions): Promise<number> {
  const { products, shopper, commerce, random, now } = options;
  const days = options.days ?? 42;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Best sellers: a fifth of the catalogue gets most of the orders.
  const popular = products.slice(0, Math.max(1, Math.floor(products.length / 5)));
  const sellerIds = [...new Set(products.flatMap((product) => (product.sellerId ? [product.sellerId.toString()] : [])))];
  const sellerNames = new Map(await Promise.all(sellerIds.map(async (id) => [id, (await readSellerName(id)) ?? null] as const)));

  const orders: Array<Omit<OrderDocument, 'updatedAt'> & { updatedAt: Date }> = [];
  const payments = [];
  for (let ageDays = days - 1; ageDays >= 0; ageDays -= 1) {
    const growth = 1 + (days - ageDays) / days;
    const weekend = new Date(now - ageDays * dayMs).getUTCDay() % 6 === 0 ? 1.4 : 1;
    const count = Math.round((3 + random() * 5) * growth * weekend);
    for (let index = 0; index < count; index += 1) {
      // Today's orders only up to now.
      const createdAt = new Date(now - ageDays * dayMs - Math.floor(random() * (ageDays === 0 ? Math.min(dayMs, 8 * 3_600_000) : dayMs)));
      const status = statusForAge(ageDays, random());
      const isShopper = random() < 0.12;
      const first = pick(firstNames);
      const last = pick(lastNames);
      const name = isShopper ? shopper.name : `${first} ${last}`;
      // Some guests come back: the pool of emails is smaller than the number of orders.
      const email = isShopper ? shopper.email : `${first}.${last}`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '') + '@example.com';
      const chosen = new Map<string, { product: DemoOrderProduct; quantity: number }>();
      const lineCount = 1 + Math.floor(random() ** 2 * 3);
      for (let line = 0; line < lineCount; line += 1) {
        const product = random() < 0.7 ? pick(popular) : pick(products);
        const existing = chosen.get(product._id.toString());
        chosen.set(product._id.toString(), { product, quantity: (existing?.quantity ?? 0) + 1 + Math.floor(random() ** 3 * 3) });
      }
      const lines = [...chosen.values()].map(({ product, quantity }) => ({
        productId: product._id,
        slug: product.slug,
        title: product.title,
        image: product.images[0] ?? null,
        unitPrice: product.price,
        quantity,
        lineTotal: multiplyMoney(product.price, quantity),
        sellerId: product.sellerId,
        sellerName: product.sellerId ? (sellerNames.get(product.sellerId.toString()) ?? null) : null,
        categoryId: product.categoryId,
        // The demo sellers sell at the default rate, as checkout would have recorded it.
        commission: product.sellerId ? { basisPoints: defaultCommissionBasisPoints, amount: percentageOf(multiplyMoney(product.price, quantity), defaultCommissionBasisPoints) } : null,
      }));
      const shippingMethod = random() < 0.2 ? 'express' : 'standard';
      const zero = { amount: 0, currency: commerce.currency };
      const totals = orderTotals(
        lines.map((line) => line.lineTotal),
        zero,
        { amount: commerce.shippingPrices[shippingMethod], currency: commerce.currency },
        commerce.taxRateBasisPoints,
        commerce.currency,
      );
      const _id = objectIdAt(createdAt);
      const steps = pathTo[status];
      // Paid a minute after it was placed; each later step spread over the time since, a day apart at most.
      const stepMs = Math.min(dayMs, (now - createdAt.getTime()) / steps.length);
      const statusHistory = steps.map((step, stepIndex) => ({
        status: step,
        at: new Date(createdAt.getTime() + (stepIndex === 0 ? 0 : 60_000 + (stepIndex - 1) * stepMs)),
        by: (step === 'pending_payment' ? 'shopper' : step === 'paid' ? 'payment' : 'admin') as 'shopper' | 'payment' | 'admin',
        byUserId: null,
        ...(step === 'cancelled' ? { note: 'Cancelled at the customer\'s request' } : step === 'returned' ? { note: 'Returned within 30 days' } : {}),
      }));
      // Shipped orders' lines left with a carrier when the order shipped; of an order still being
      // fulfilled, some sellers' lines have left already, so the seller area has both kinds.
      const shippedAt = statusHistory.find((change) => change.status === 'shipped')?.at;
      const fulfilmentStartedAt = statusHistory.find((change) => change.status === 'fulfilling')?.at;
      const shipmentOf = (at: Date) => ({ carrier: pick(carriers), trackingNumber: `${pick(['JJD', 'CE', '1Z'])}${Math.floor(random() * 1e10).toString().padStart(10, '0')}`, shippedAt: at });
      const shippedLines = lines.map((line) => ({
        ...line,
        shipment: shippedAt ? shipmentOf(shippedAt) : status === 'fulfilling' && line.sellerId && fulfilmentStartedAt && random() < 0.5 ? shipmentOf(fulfilmentStartedAt) : null,
      }));
      const reference = `tp_demo${_id.toHexString()}`;
      const city = pick(cities);
      orders.push({
        _id,
        number: newOrderNumber(),
        userId: isShopper ? shopper._id : null,
        email,
        lines: shippedLines,
        totals,
        discountCode: null,
        shippingAddress: { name, line1: `${1 + Math.floor(random() * 120)} ${pick(['Harbour', 'Main', 'Mill', 'Station', 'Church'])} Street`, ...city },
        shippingMethod,
        payment: { provider: 'test', reference, status: paymentFor[status], cardLast4: '4242', failureMessage: null },
        status,
        statusHistory,
        stockState: stockFor[status],
        reservedUntil: null,
        sellerIds: [...new Set(lines.flatMap((line) => (line.sellerId ? [line.sellerId.toString()] : [])))].map((id) => new Types.ObjectId(id)),
        createdAt,
        updatedAt: statusHistory.at(-1)!.at,
      });
      const ledgerStatus = { authorized: 'authorized', captured: 'captured', refunded: 'refunded' } as const;
      payments.push({
        reference,
        idempotencyKey: `order-${_id.toHexString()}`,
        orderId: _id.toHexString(),
        amount: totals.total.amount,
        currency: commerce.currency,
        cardLast4: '4242',
        status: ledgerStatus[paymentFor[status] as keyof typeof ledgerStatus],
      });
    }
  }
  for (let start = 0; start < orders.length; start += 500) {
    await OrderModel.insertMany(orders.slice(start, start + 500), { timestamps: false });
  }
  await TestPaymentModel.insertMany(payments);
  await recountSales();
  return orders.length;
}

/**
 * An id whose time is the order's, as if it had been made then: order lists page by `_id`, newest
 * first, so an id made at seeding time would put a morning order of a day after its evening.
 */
function objectIdAt(createdAt: Date): Types.ObjectId {
  const seconds = Math.floor(createdAt.getTime() / 1000).toString(16).padStart(8, '0');
  return new Types.ObjectId(seconds + randomBytes(8).toString('hex'));
}
