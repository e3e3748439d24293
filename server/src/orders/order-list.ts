import type { OrderList } from '@shared/orders/order';
import { isValidObjectId, trusted, Types, type QueryFilter } from 'mongoose';
import { AppError } from '../http/app-error';
import { OrderModel, type OrderDocument } from './order.model';
import { toOrderSummary } from './order-view';

const pageSize = 20;

/**
 * Orders newest first, a page at a time. The cursor is the last order's id: ObjectIds grow with
 * time, and unlike a page number it does not skip or repeat orders placed while someone pages.
 */
export async function listOrders(filter: QueryFilter<OrderDocument>, cursor: string | undefined): Promise<OrderList> {
  if (cursor !== undefined && !isValidObjectId(cursor)) {
    throw new AppError(400, 'validation_failed', 'Invalid query', [{ path: 'query.cursor', message: 'is not a cursor from this list' }]);
  }
  const orders = await OrderModel.find({ ...filter, ...(cursor ? { _id: trusted({ $lt: new Types.ObjectId(cursor) }) } : {}) })
    .sort({ _id: -1 })
    .limit(pageSize + 1)
    .lean();
  const page = orders.slice(0, pageSize);
  return { items: page.map(toOrderSummary), nextCursor: orders.length > pageSize ? page.at(-1)!._id.toString() : null };
}
