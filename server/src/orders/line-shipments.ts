import type { LineShipmentInput } from '@shared/orders/order';
import { lineShippableStatuses, type OrderActor, type OrderStatus } from '@shared/orders/order-status';
import { trusted, Types } from 'mongoose';
import { AppError } from '../http/app-error';
import type { OrderLifecycle } from './order-lifecycle';
import { OrderModel, type OrderDocument } from './order.model';


const cannotShip = (status: OrderStatus) =>
  new AppError(409, 'illegal_transition', status === 'pending_payment' ? 'This order is not paid yet; ship it once it is' : `This order is ${status.replace('_', ' ')}; its lines can no longer be shipped`);

/** An order's lines with a seller, and whether each is shipped: the seller area and the order's status both read it. */
export const isShipped = (line: OrderDocument['lines'][number]): boolean => Boolean(line.shipment);

/**
 * Who ships a line: a marketplace seller their own lines, or an admin the shop's own (the lines
 * without a seller). `userId` is who did it, for the order's history.
 */
export type LineShipper = { kind: 'seller'; sellerId: Types.ObjectId; name: string } | { kind: 'shop'; userId: Types.ObjectId };

const actorOf = (shipper: LineShipper): OrderActor => (shipper.kind === 'seller' ? 'seller' : 'admin');
const userOf = (shipper: LineShipper): Types.ObjectId => (shipper.kind === 'seller' ? shipper.sellerId : shipper.userId);
const nameOf = (shipper: LineShipper): string => (shipper.kind === 'seller' ? shipper.name : 'The shop');

/**
 * A marketplace seller ships their lines of an order one by one (issue 11, item 2), and an admin
 * the shop's own lines the same way; the order follows: the first shipped line moves a paid order
 * to `fulfilling`, the last one to `shipped`.
 *
 * Two sellers of one order ship at once without a lock: each line is written by one guarded
 * update (`lines.<i>.shipment` still null, the order still shippable), and each shipper then reads
 * the order again and makes whatever move it now calls for. Whoever wrote last reads every line
 * shipped, so the order always ships; a move the other one made first is a 409 that is ignored.
 */
export class LineShipments {
  constructor(private readonly lifecycle: OrderLifecycle) {}

  /**
   * Ships the shipper's line of `productId`. Sending the same carrier and tracking number again
   * changes nothing and answers as the first time (a retried request), and finishes the order's
   * move should the first attempt have failed after the line was written; different ones are 409.
   */
  async ship(orderId: string, productId: string, shipper: LineShipper, input: { carrier: string; trackingNumber: string }): Promise<OrderDocument> {
    const order = await this.shippersOrder(orderId, shipper);
    const index = order.lines.findIndex((line) => line.productId.toString() === productId && shipsLine(shipper, line));
    const line = order.lines[index];
    if (!line) throw AppError.notFound('Order line');
    if (line.shipment) {
      if (line.shipment.carrier !== input.carrier || line.shipment.trackingNumber !== input.trackingNumber) {
        throw new AppError(409, 'conflict', `This line was already shipped with ${line.shipment.carrier}, tracking number ${line.shipment.trackingNumber}`);
      }
      return this.moveOrderAlong(order, shipper);
    }
    if (!lineShippableStatuses.includes(order.status)) throw cannotShip(order.status);

    const shipment = { carrier: input.carrier, trackingNumber: input.trackingNumber, shippedAt: new Date() };
    const written = await OrderModel.updateOne(
      {
        _id: order._id,
        status: trusted({ $in: [...lineShippableStatuses] }),
        [`lines.${index}.productId`]: line.productId,
        [`lines.${index}.shipment`]: null,
      },
      { $set: { [`lines.${index}.shipment`]: shipment } },
    );
    const current = await this.shippersOrder(orderId, shipper);
    if (written.modifiedCount === 0) {
      // Lost a race: the line was shipped by a twin request, or the order moved (cancelled) meanwhile.
      const now = current.lines[index];
      if (now?.shipment) return this.ship(orderId, productId, shipper, input);
      throw cannotShip(current.status);
    }
    return this.moveOrderAlong(current, shipper, shipment);
  }

  private async shippersOrder(orderId: string, shipper: LineShipper): Promise<OrderDocument> {
    // A seller's order is looked up with the seller in the filter: another seller's is 404, as one that does not exist.
    const order = await OrderModel.findOne({ _id: new Types.ObjectId(orderId), ...(shipper.kind === 'seller' ? { sellerIds: shipper.sellerId } : {}) }).lean();
    if (!order) throw AppError.notFound('Order');
    return order;
  }

  private async moveOrderAlong(order: OrderDocument, shipper: LineShipper, shipment?: LineShipmentInput): Promise<OrderDocument> {
    let current = order;
    const note = shipment ? `${nameOf(shipper)} shipped with ${shipment.carrier}, tracking number ${shipment.trackingNumber}` : undefined;
    if (current.status === 'paid') current = await this.moveIgnoringLostRace(current, 'fulfilling', shipper, note);
    if (current.status === 'fulfilling' && current.lines.every(isShipped)) {
      current = await this.moveIgnoringLostRace(current, 'shipped', shipper, 'Every line has shipped');
    }
    return current;
  }

  /** Moves the order, or, when someone moved it first, reads what it is now. */
  private async moveIgnoringLostRace(order: OrderDocument, to: OrderStatus, shipper: LineShipper, note: string | undefined): Promise<OrderDocument> {
    try {
      return await this.lifecycle.move(order, to, actorOf(shipper), { byUserId: userOf(shipper), ...(note ? { note } : {}) });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      return (await OrderModel.findById(order._id).lean()) ?? order;
    }
  }
}

/** A seller ships their own lines; the shop ships those that no seller sells. */
function shipsLine(shipper: LineShipper, line: OrderDocument['lines'][number]): boolean {
  return shipper.kind === 'seller' ? Boolean(line.sellerId?.equals(shipper.sellerId)) : !line.sellerId;
}
