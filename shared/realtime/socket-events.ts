import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';

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

export interface ServerToClientEvents {
  'stock:changed': (event: StockChanged) => void;
}

export interface ClientToServerEvents {
  watch: (payload: WatchProducts, ack: (result: SocketAck<WatchAnswer>) => void) => void;
  unwatch: (payload: WatchProducts, ack: (result: SocketAck<{ watching: number }>) => void) => void;
}

/** The rooms the server puts sockets in. */
export const rooms = {
  product: (productId: string) => `product:${productId}`,
  user: (userId: string) => `user:${userId}`,
  seller: (sellerId: string) => `seller:${sellerId}`,
  admins: 'admins',
} as const;
