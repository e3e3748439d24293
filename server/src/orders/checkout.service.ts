import { multiplyMoney, percentageOf, sumMoney, type Money } from '@shared/money';
import { defaultCommissionBasisPoints } from '@shared/sellers/seller';
import type { CheckoutOptions, placeOrderRequestSchema } from '@shared/orders/order';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AuthenticatedUser } from '../accounts/authenticator';
import type { CartAtCheckout, Carts } from '../cart/carts.service';
import type { CommerceConfig } from '../config/config';
import { isDuplicateKeyError } from '../database/errors';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import type { Inventory, ReservedProduct } from '../inventory/inventory';
import type { PaymentInstrument } from '../payments/payment-provider';
import type { PaymentWebhooks } from '../payments/payment-webhooks';
import type { DiscountCodes, Redemption } from './discounts/discount-codes';
import { OrderModel, type OrderDocument } from './order.model';
import { linesOf, type OrderLifecycle, type PaymentProviders } from './order-lifecycle';
import { newOrderNumber } from './order-number';
import { toOrderEvent } from './order-view';
import { orderTotals } from './pricing';
import { sellerNameFrom } from '../catalog/seller-names';
import { SellerModel } from '../sellers/seller.model';

export type PlaceOrderInput = z.output<typeof placeOrderRequestSchema>;

export interface CheckoutCaller {
  user: AuthenticatedUser | undefined;
  /** The cart the order is made from. */
  cartOwner: string;
}

export interface CheckoutDependencies {
  carts: Carts;
  inventory: Inventory;
  lifecycle: OrderLifecycle;
  webhooks: PaymentWebhooks;
  discounts: DiscountCodes;
  providers: PaymentProviders;
  events: ShopEvents;
  commerce: CommerceConfig;
  log: Logger;
}

const shippingNames = { standard: { name: 'Standard delivery', days: '3–5 working days' }, express: { name: 'Express delivery', days: '1–2 working days' } } as const;

/**
 * Turns a cart into an order (SPEC section 5): the order is written first, as `reserving`, so
 * that whatever happens next a record exists for the sweeper; then every line is reserved by a
 * guarded update; then the order is priced from the products as they were reserved — never from
 * anything the client sent — and the payment is authorised.
 */
export class Checkout {
  constructor(private readonly deps: CheckoutDependencies) {}

  options(): CheckoutOptions {
    const { commerce, providers } = this.deps;
    return {
      shippingMethods: (['standard', 'express'] as const).map((id) => ({ id, ...shippingNames[id], price: { amount: commerce.shippingPrices[id], currency: commerce.currency } })),
      taxRateBasisPoints: commerce.taxRateBasisPoints,
      paymentProviders: [...providers.keys()] as CheckoutOptions['paymentProviders'],
      reservationMinutes: commerce.reservationMs / 60_000,
    };
  }

  async placeOrder(caller: CheckoutCaller, request: PlaceOrderInput): Promise<OrderDocument> {
    const { carts, commerce } = this.deps;
    const cart = await carts.forCheckout(caller.cartOwner);
    const cartLines = cart.lines;
    if (cartLines.length === 0) throw AppError.conflict('Your cart is empty');
    const email = caller.user?.email ?? request.email;
    if (!email) throw new AppError(400, 'validation_failed', 'Invalid body', [{ path: 'body.email', message: 'is required to check out as a guest' }]);
    const provider = this.deps.providers.get(request.payment.provider);
    if (!provider) throw new AppError(400, 'validation_failed', 'Invalid body', [{ path: 'body.payment.provider', message: 'is not available in this shop' }]);

    const order = await this.insertReservingOrder(caller, request, email, cartLines);
    const orderId = order._id.toString();
    const stockLines = linesOf(order);
    let reserved: ReservedProduct[];
    try {
      reserved = await this.deps.inventory.reserve(orderId, stockLines);
    } catch (error) {
      // Nothing was held; the shopper never saw this order.
      await OrderModel.deleteOne({ _id: order._id, stockState: 'reserving' });
      throw await this.withCartUpdated(caller.cartOwner, stockLines, error);
    }

    let redemption: Redemption | undefined;
    try {
      const sellers = await sellerTermsOf(reserved);
      const lines = order.lines.map((line, index) => priced(line, reserved[index]!, sellers));
      const subtotal = sumMoney(lines.map((line) => line.lineTotal), commerce.currency);
      const customer = caller.user ? `user:${caller.user.id}` : `email:${email}`;
      redemption = request.discountCode ? await this.deps.discounts.redeem(request.discountCode, customer, subtotal) : undefined;
      const discount: Money = redemption?.discount ?? { amount: 0, currency: commerce.currency };
      const shipping: Money = { amount: commerce.shippingPrices[request.shippingMethod], currency: commerce.currency };
      const totals = orderTotals(lines.map((line) => line.lineTotal), discount, shipping, commerce.taxRateBasisPoints, commerce.currency);
      const held = await OrderModel.findOneAndUpdate(
        { _id: order._id, stockState: 'reserving', status: 'pending_payment' },
        { $set: { lines, totals, discountCode: redemption?.code ?? null, stockState: 'held' } },
        { returnDocument: 'after' },
      ).lean();
      if (!held) throw AppError.conflict('This checkout took too long and its reservation ran out; please try again');
      return await this.pay(held, provider.name, instrumentOf(request), redemption, cart);
    } catch (error) {
      if (error instanceof PaymentDeclined) throw error.appError;
      await redemption?.undo();
      await this.abandon(order._id);
      throw error;
    }
  }

  private async pay(order: OrderDocument, providerName: string, instrument: PaymentInstrument, redemption: Redemption | undefined, cart: CartAtCheckout): Promise<OrderDocument> {
    const { lifecycle, log } = this.deps;
    const orderId = order._id.toString();
    let authorization;
    try {
      authorization = await lifecycle.providerOf(order).authorize({
        orderId,
        orderNumber: order.number,
        amount: order.totals.total,
        instrument,
        // One authorisation per order, whatever is retried.
        idempotencyKey: `order-${orderId}`,
      });
    } catch (error) {
      log.error({ err: error, orderId, provider: providerName }, 'payment authorisation failed');
      throw error instanceof AppError ? error : new AppError(503, 'service_unavailable', 'Payments are not available just now; nothing was charged. Please try again in a moment');
    }
    const reference = { 'payment.reference': authorization.reference, 'payment.cardLast4': authorization.cardLast4 ?? null };
    const recordReference = async () => (await OrderModel.findOneAndUpdate({ _id: order._id }, { $set: reference }, { returnDocument: 'after' }).lean())!;
    let current: OrderDocument;
    if (authorization.status === 'authorized') {
      // The approval, its reference and the move to paid are one write, unless the provider's
      // webhook recorded the approval first: then it makes the move, and only the reference is left.
      current = await lifecycle
        .move(order, 'paid', 'payment', { alsoSet: { ...reference, 'payment.status': 'authorized' }, onlyIf: { 'payment.status': 'pending' } })
        .catch(async (error: unknown) => {
          ignoreRace(error);
          return recordReference();
        });
    } else {
      current = await recordReference();
    }

    if (authorization.status === 'declined') {
      const message = authorization.failureMessage ?? 'Your card was declined';
      current = (await lifecycle.recordPayment(current, 'failed', ['pending'], message)) ?? current;
      if (current.status === 'pending_payment') await lifecycle.move(current, 'cancelled', 'payment', { note: message });
      await redemption?.undo();
      throw new PaymentDeclined(new AppError(422, 'payment_declined', message, [{ path: 'body.payment', message }]));
    }
    const placed = await this.deps.webhooks.applyWaitingEvents(current);
    await this.deps.carts.removeBought(cart, order.lines.map((line) => line.productId.toString()));
    await this.deps.events.publish('order.created', toOrderEvent(placed));
    return placed;
  }

  private async insertReservingOrder(caller: CheckoutCaller, request: PlaceOrderInput, email: string, cartLines: CartAtCheckout['lines']): Promise<OrderDocument> {
    const now = new Date();
    const { currency } = this.deps.commerce;
    const zero = { amount: 0, currency };
    for (;;) {
      try {
        const created = await OrderModel.create({
          _id: new Types.ObjectId(),
          number: newOrderNumber(),
          userId: caller.user?._id ?? null,
          email,
          // Provisional, from the cart; priced again from the reserved products below.
          lines: cartLines.map((line) => ({
            productId: line.productId,
            slug: line.slug,
            title: line.title,
            image: line.image ?? null,
            unitPrice: line.priceWhenAdded,
            quantity: line.quantity,
            lineTotal: multiplyMoney(line.priceWhenAdded, line.quantity),
            sellerId: line.sellerId ?? null,
          })),
          totals: { subtotal: zero, discount: zero, shipping: zero, tax: zero, total: zero },
          shippingAddress: request.shippingAddress,
          shippingMethod: request.shippingMethod,
          payment: { provider: request.payment.provider, status: 'pending' },
          status: 'pending_payment',
          statusHistory: [{ status: 'pending_payment', at: now, by: 'shopper', byUserId: caller.user?._id ?? null }],
          stockState: 'reserving',
          reservedUntil: new Date(now.getTime() + this.deps.commerce.reservationMs),
          sellerIds: [...new Set(cartLines.flatMap((line) => (line.sellerId ? [line.sellerId.toString()] : [])))].map((id) => new Types.ObjectId(id)),
        });
        return created.toObject() as unknown as OrderDocument;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // Another order drew the same number: draw again.
      }
    }
  }

  /** Cancels an order that could not be completed, which releases what it holds. */
  private async abandon(orderId: Types.ObjectId): Promise<void> {
    await this.deps.lifecycle.move(orderId, 'cancelled', 'system', { note: 'Checkout could not be completed' }).catch(ignoreRace);
  }

  /** "Only 2 of X left": the cart line is cut to what is left, and the message says so. */
  private async withCartUpdated(cartOwner: string, lines: ReadonlyArray<{ productId: string }>, error: unknown): Promise<unknown> {
    if (!(error instanceof AppError) || error.code !== 'out_of_stock') return error;
    const detail = error.details?.[0];
    const index = detail ? Number(/^lines\.(\d+)\./.exec(detail.path)?.[1]) : Number.NaN;
    const line = lines[index];
    const left = detail ? Number(/^at most (\d+)$/.exec(detail.message)?.[1] ?? 0) : 0;
    if (line && left > 0) await this.deps.carts.capTo(cartOwner, line.productId, left);
    const advice = left > 0 ? 'we updated your cart' : 'please remove it from your cart';
    return new AppError(409, 'out_of_stock', `${error.message}; ${advice}`, error.details);
  }
}

/** A declined card is an answer, not a failure of checkout: the order stays, cancelled, with the reason. */
class PaymentDeclined extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

function ignoreRace(error: unknown): void {
  if (!(error instanceof AppError && error.code === 'illegal_transition')) throw error;
}

function instrumentOf(request: PlaceOrderInput): PaymentInstrument {
  return request.payment.provider === 'test' ? { provider: 'test', card: request.payment.card } : { provider: 'stripe', paymentMethod: request.payment.paymentMethod };
}

/** What a seller's line records at purchase: their commission rate and their shop's name. */
interface SellerTerms {
  commissionBasisPoints: number;
  name: string | null;
}

/** Each seller's terms now, read once per seller of the order (none for the shop's own products). */
async function sellerTermsOf(products: readonly ReservedProduct[]): Promise<Map<string, SellerTerms>> {
  const sellerIds = [...new Set(products.flatMap((product) => (product.sellerId ? [product.sellerId.toString()] : [])))];
  const sellers = await Promise.all(
    sellerIds.map(async (id): Promise<SellerTerms> => {
      const seller = await SellerModel.findById(id, { commissionBasisPoints: 1, shopName: 1 }).lean();
      return { commissionBasisPoints: seller?.commissionBasisPoints ?? defaultCommissionBasisPoints, name: (await sellerNameFrom(id, seller)) ?? null };
    }),
  );
  return new Map(sellerIds.map((id, index) => [id, sellers[index]!]));
}

function priced(line: OrderDocument['lines'][number], product: ReservedProduct, sellers: ReadonlyMap<string, SellerTerms>): OrderDocument['lines'][number] {
  const unitPrice = { amount: product.price.amount, currency: product.price.currency };
  const lineTotal = multiplyMoney(unitPrice, line.quantity);
  const seller = product.sellerId ? sellers.get(product.sellerId.toString()) : undefined;
  const rate = seller?.commissionBasisPoints;
  return {
    ...line,
    title: product.title,
    slug: product.slug,
    image: product.images[0] ?? null,
    sellerId: product.sellerId ?? null,
    sellerName: seller?.name ?? null,
    categoryId: product.categoryId ?? null,
    unitPrice,
    lineTotal,
    // On the line's own total, before an order-wide discount: the seller's price is what they sold at.
    commission: rate === undefined ? null : { basisPoints: rate, amount: percentageOf(lineTotal, rate) },
  };
}
