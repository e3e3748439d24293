import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';
import type { UserRole } from '../accounts/accounts';
import type { Money } from '../money.schema';
import type { OrderStatus } from '../orders/order-status';

/** What a client may ask to follow; the server decides the rooms (SPEC section 7). */
export const watchProductsSchema = z.strictObject({
  productIds: z.array(objectIdSchema).max(200),
});

export type WatchProducts = z.infer<typeof watchProductsSchema>;

export interface StockChanged {
  productId: string;
  available: number;
}

export type SocketAck<T> = { data: T } | { error: { code: string; message: string } };

/**
 * The answer to `watch`: how many products the socket now follows, and what each newly watched
 * active product has available at the moment it joined, so that a change made between the page's
 * REST load and the join is not missed; every later change arrives as `stock:changed`.
 */
export interface WatchAnswer {
  watching: number;
  available: Record<string, number>;
}

/** An order moved (SPEC section 4): to its shopper, to admins, and to whoever follows the order. */
export interface OrderStatusChanged {
  orderId: string;
  number: string;
  status: OrderStatus;
  at: string;
}

/** A new order: for the admins' live feed, and for each seller on it, of their own lines only. */
export interface OrderCreated {
  orderId: string;
  number: string;
  status: OrderStatus;
  /** The order's total for admins; the seller's lines' total for a seller. */
  total: Money;
  itemCount: number;
  /** The shopper's email, for admins only. */
  email?: string;
  createdAt: string;
}

/** A product's availability fell to its low-stock threshold or below, for admins. */
export interface StockLow {
  productId: string;
  title: string;
  available: number;
  threshold: number;
}

/** The user's own role, after an admin changed it. */
export interface AccountChanged {
  role: UserRole;
}

/** Which question, about which product: enough for a notice that links to the product page. */
export interface QuestionEvent {
  questionId: string;
  productId: string;
  productSlug: string;
  productTitle: string;
}

/** A shopper asked about a product: to its seller's room, or to the admins for the shop's own products. */
export type QuestionAsked = QuestionEvent;

/** One of the user's questions was answered: to the asker's own room only. */
export type QuestionAnswered = QuestionEvent;

/** Follow one order's status: one's own (signed in), or a guest's with the token of its link. */
export const watchOrderSchema = z.strictObject({
  orderId: objectIdSchema,
  token: z.string().max(200).optional(),
});
export type WatchOrder = z.infer<typeof watchOrderSchema>;

export interface ServerToClientEvents {
  'stock:changed': (event: StockChanged) => void;
  'order:status': (event: OrderStatusChanged) => void;
  'order:created': (event: OrderCreated) => void;
  'stock:low': (event: StockLow) => void;
  /** To the user whose role an admin changed: their rooms are already changed; the client reads its session again. */
  'account:changed': (event: AccountChanged) => void;
  'question:asked': (event: QuestionAsked) => void;
  'question:answered': (event: QuestionAnswered) => void;
}

export interface ClientToServerEvents {
  watch: (payload: WatchProducts, ack: (result: SocketAck<WatchAnswer>) => void) => void;
  unwatch: (payload: WatchProducts, ack: (result: SocketAck<{ watching: number }>) => void) => void;
  /** Answers the order's status now, so a move between the page's load and the join is not missed. */
  watchOrder: (payload: WatchOrder, ack: (result: SocketAck<{ status: OrderStatus }>) => void) => void;
}

/** The rooms the server puts sockets in. */
export const rooms = {
  product: (productId: string) => `product:${productId}`,
  user: (userId: string) => `user:${userId}`,
  seller: (sellerId: string) => `seller:${sellerId}`,
  admins: 'admins',
  order: (orderId: string) => `order:${orderId}`,
} as const;
