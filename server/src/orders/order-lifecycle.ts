import { transitionFor, type OrderActor, type OrderStatus } from '@shared/orders/order-status';
import type { PaymentStatus } from '@shared/orders/order';
import { trusted, type Types } from 'mongoose';
import type { Logger } from 'pino';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import type { Inventory, StockLine } from '../inventory/inventory';
import type { PaymentProvider } from '../payments/payment-provider';
import { OrderModel, type OrderDocument, type StockState } from './order.model';
import { toOrderEvent } from './order-view';

export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

const statusWords: Record<OrderStatus, string> = {
  pending_payment: 'waiting for payment',
  paid: 'paid',
  fulfilling: 'being prepared',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
  returned: 'returned',
};

/** The statuses of an order whose money is the shop's: its units have left the shelf. */
export const soldStatuses: ReadonlySet<OrderStatus> = new Set(['paid', 'fulfilling', 'shipped', 'delivered']);

export interface MoveOptions {
  note?: string;
  byUserId?: Types.ObjectId;
  /** More of the order, written in the same update as the move (checkout records the approved payment with it). */
  alsoSet?: Record<string, unknown>;
  /** More that must still hold for the move to be made; when it does not, the move is a 409 like any lost race. */
  onlyIf?: Record<string, unknown>;
}

export const linesOf = (order: Pick<OrderDocument, 'lines'>): StockLine[] => order.lines.map((line) => ({ productId: line.productId.toString(), quantity: line.quantity }));

/**
 * The only way an order's status changes (SPEC section 4). A move is allowed by the transition
 * table in shared/, then applied as one guarded update on `{ _id, status: from }`: of two admins,
 * or an admin and a webhook, moving one order at once, exactly one matches and the other gets 409.
 *
 * What follows a move — stock sold, released or returned, a payment refunded — is done by
 * `settle`, which reads only the order's recorded state and so can be run again after a crash:
 * the sweeper does exactly that for orders whose stock or payment lags behind their status.
 */
export class OrderLifecycle {
  constructor(
    private readonly events: ShopEvents,
    private readonly inventory: Inventory,
    private readonly providers: PaymentProviders,
    private readonly log: Logger,
  ) {}

  /**
   * Given the order as just read or written, no second read is made: the update is guarded on the
   * status it had, so a move made meanwhile by someone else still makes this one a 409.
   */
  async move(orderOrId: string | Types.ObjectId | OrderDocument, to: OrderStatus, actor: OrderActor, options: MoveOptions = {}): Promise<OrderDocument> {
    const order = isOrderDocument(orderOrId) ? orderOrId : await OrderModel.findById(orderOrId).lean();
    if (!order) throw AppError.notFound('Order');
    const from = order.status;
    if (!transitionFor(from, to, actor)) {
      throw new AppError(409, 'illegal_transition', `An order that is ${statusWords[from]} cannot be ${statusWords[to]}`);
    }
    // A shipment is charged: when the money cannot be taken, the order does not ship.
    if (to === 'shipped' && order.payment.status === 'authorized') await this.capture(order);
    const moved = await OrderModel.findOneAndUpdate(
      { ...options.onlyIf, _id: order._id, status: from },
      {
        $set: { ...options.alsoSet, status: to, ...(from === 'pending_payment' ? { reservedUntil: null } : {}) },
        $push: { statusHistory: { status: to, at: new Date(), by: actor, byUserId: options.byUserId ?? null, ...(options.note ? { note: options.note } : {}) } },
      },
      { returnDocument: 'after' },
    ).lean();
    if (!moved) throw new AppError(409, 'illegal_transition', 'This order was changed by someone else a moment ago; reload it to see its status');
    const settled = await this.settle(moved);
    await this.events.publish('order.status_changed', {
      ...toOrderEvent(settled),
      from,
      by: actor,
      ...(options.note ? { note: options.note } : {}),
      refunded: settled.payment.status === 'refunded' && order.payment.status !== 'refunded',
    });
    return settled;
  }

  /**
   * Brings stock and payment in line with the status: a paid order's reservation becomes a sale;
   * a cancelled one's is released (or, once sold, returned); a cancelled or returned order's money
   * goes back. Each step is guarded, so running this twice does each thing once.
   */
  async settle(order: OrderDocument): Promise<OrderDocument> {
    let current = order;
    const lines = linesOf(current);
    const orderId = current._id.toString();
    if (soldStatuses.has(current.status) && isHeld(current.stockState)) {
      await this.inventory.commitSale(orderId, lines);
      current = await this.setStockState(current, 'sold');
    }
    if (current.status === 'cancelled' || current.status === 'returned') {
      if (isHeld(current.stockState)) {
        await this.inventory.release(orderId, lines);
        current = await this.setStockState(current, 'released');
      } else if (current.stockState === 'sold') {
        // Marked first: a crash in between leaves units off the shelf, never sold twice.
        const marked = await OrderModel.findOneAndUpdate({ _id: current._id, stockState: 'sold' }, { $set: { stockState: 'returned' } }, { returnDocument: 'after' }).lean();
        if (marked) {
          await this.inventory.returnStock(lines);
          current = marked;
        }
      }
      current = await this.refund(current);
    }
    return current;
  }

  /** Records what the provider says of the payment, only forward (a late "authorised" never undoes a refund). */
  async recordPayment(order: OrderDocument, status: PaymentStatus, from: readonly PaymentStatus[], failureMessage?: string): Promise<OrderDocument | null> {
    // No payment status ever goes back to an earlier one, so an order read past `from` is still past it.
    if (!from.includes(order.payment.status)) return null;
    return OrderModel.findOneAndUpdate(
      { _id: order._id, 'payment.status': trusted({ $in: [...from] }) },
      { $set: { 'payment.status': status, ...(failureMessage ? { 'payment.failureMessage': failureMessage } : {}) } },
      { returnDocument: 'after' },
    ).lean();
  }

  providerOf(order: OrderDocument): PaymentProvider {
    const provider = this.providers.get(order.payment.provider);
    if (!provider) throw new AppError(503, 'service_unavailable', `The ${order.payment.provider} payment provider is not configured`);
    return provider;
  }

  private async capture(order: OrderDocument): Promise<void> {
    if (!order.payment.reference) return;
    await this.providerOf(order).capture(order.payment.reference, `capture-${order._id.toString()}`);
    await this.recordPayment(order, 'captured', ['authorized']);
  }

  /**
   * Money held or taken for an order that will not be fulfilled goes back. A payment still being
   * decided (the slow card) is voided too, so its late approval charges nothing. A provider that
   * fails now is tried again by the sweeper, which finds such orders by their payment status.
   */
  private async refund(order: OrderDocument): Promise<OrderDocument> {
    const { reference, status } = order.payment;
    if (!reference || !['pending', 'authorized', 'captured'].includes(status)) return order;
    try {
      await this.providerOf(order).refund(reference, `refund-${order._id.toString()}`);
    } catch (error) {
      this.log.error({ err: error, orderId: order._id.toString() }, 'could not refund a payment; the sweeper will try again');
      return order;
    }
    return (await this.recordPayment(order, 'refunded', ['pending', 'authorized', 'captured'])) ?? order;
  }

  private async setStockState(order: OrderDocument, stockState: StockState): Promise<OrderDocument> {
    return (await OrderModel.findOneAndUpdate({ _id: order._id, stockState: order.stockState }, { $set: { stockState } }, { returnDocument: 'after' }).lean()) ?? order;
  }
}

function isHeld(stockState: StockState): boolean {
  return stockState === 'held' || stockState === 'reserving';
}

function isOrderDocument(value: string | Types.ObjectId | OrderDocument): value is OrderDocument {
  return typeof value === 'object' && 'status' in value;
}
