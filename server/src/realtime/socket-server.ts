import { createAdapter } from '@socket.io/redis-adapter';
import { sumMoney } from '@shared/money';
import type { OrderStatus } from '@shared/orders/order-status';
import { rooms, watchOrderSchema, watchProductsSchema, type ClientToServerEvents, type ServerToClientEvents, type SocketAck } from '@shared/realtime/socket-events';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server, type Socket } from 'socket.io';
import type { AuthenticatedUser, Authenticator } from '../accounts/authenticator';
import type { Config } from '../config/config';
import { connectRedis } from '../database/redis-client';
import type { ShopEvents } from '../events/shop-events';

interface SocketData {
  user: AuthenticatedUser | undefined;
}

export type ShopSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ShopSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A socket may follow at most this many products at once. */
const maxWatchedProducts = 500;

export interface SocketServerHandle {
  io: ShopSocketServer;
  close(): Promise<void>;
}

/**
 * socket.io for the API's HTTP server, not yet attached: attach it once the server has its request
 * listener (the API), so that socket.io answers /socket.io/ itself and passes everything else on.
 * Rooms are decided here, never by the client: a client may only ask to watch products (SPEC
 * section 7).
 */
export async function createSocketServer(
  config: Config,
  log: Logger,
  authenticator: Authenticator,
  /** What each active product of a list has available now (catalog/catalog-source.ts). */
  availabilityOf: (productIds: string[]) => Promise<Record<string, number>>,
  /** An order's status if this user (or a guest with this token) may follow it, else undefined. */
  orderStatusFor: (orderId: string, user: AuthenticatedUser | undefined, token: string | undefined) => Promise<OrderStatus | undefined> = async () => undefined,
): Promise<SocketServerHandle> {
  const allowedOrigins = new Set(config.corsOrigins);
  const io: ShopSocketServer = new Server({
    cors: { origin: config.corsOrigins, credentials: true },
    maxHttpBufferSize: 16 * 1024,
    // Browsers always send Origin; a foreign page must not ride a shopper's session.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || allowedOrigins.has(origin) || config.env !== 'production' && isLoopback(origin));
    },
  });

  const closeRedis = config.redisUrl ? await attachRedisAdapter(io, config.redisUrl, log) : async () => {};
  const eventLimiter = new RateLimiterMemory({ points: 20, duration: 1 });

  // The same access token as the API; without one a socket may only watch public product rooms.
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    if (token === undefined || token === null || token === '') {
      socket.data.user = undefined;
      return next();
    }
    if (typeof token !== 'string') return next(new Error('unauthenticated'));
    authenticator
      .fromToken(token)
      .then((user) => {
        socket.data.user = user;
        next();
      })
      .catch(() => next(new Error('unauthenticated')));
  });

  io.on('connection', (socket: ShopSocket) => {
    const user = socket.data.user;
    if (user) {
      void socket.join(rooms.user(user.id));
      joinRoleRooms(socket, user);
    }
    socket.use(([event], next) => {
      eventLimiter
        .consume(socket.id)
        .then(() => next())
        .catch(() => {
          log.warn({ socketId: socket.id, event }, 'socket event rate exceeded');
          next(new Error('rate_limited'));
        });
    });
    socket.on('error', () => socket.disconnect(true));

    socket.on('watch', (payload, ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      const parsed = watchProductsSchema.safeParse(payload);
      if (!parsed.success) return respond(invalidPayload);
      const watched = [...socket.rooms].filter((room) => room.startsWith('product:')).length;
      if (watched + parsed.data.productIds.length > maxWatchedProducts) {
        return respond({ error: { code: 'validation_failed', message: `At most ${maxWatchedProducts} products can be watched` } });
      }
      void socket.join(parsed.data.productIds.map(rooms.product));
      // Read after joining: a change from now on is pushed, one before is in the answer.
      availabilityOf(parsed.data.productIds)
        .catch((error: unknown) => {
          log.warn({ err: error }, 'could not read the availability of watched products');
          return {};
        })
        .then((available) => respond({ data: { watching: watched + parsed.data.productIds.length, available } }));
    });

    socket.on('watchOrder', (payload, ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      const parsed = watchOrderSchema.safeParse(payload);
      if (!parsed.success) return respond(invalidPayload);
      const { orderId, token } = parsed.data;
      // Joined only once access is proven; the status read after joining misses no move.
      orderStatusFor(orderId, socket.data.user, token)
        .then(async (allowed) => {
          if (!allowed) return respond({ error: { code: 'not_found', message: 'Order not found' } });
          await socket.join(rooms.order(orderId));
          respond({ data: { status: (await orderStatusFor(orderId, socket.data.user, token)) ?? allowed } });
        })
        .catch((error: unknown) => {
          log.warn({ err: error }, 'could not check access to a watched order');
          respond({ error: { code: 'service_unavailable', message: 'Try again in a moment' } });
        });
    });

    socket.on('unwatch', (payload, ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      const parsed = watchProductsSchema.safeParse(payload);
      if (!parsed.success) return respond(invalidPayload);
      for (const productId of parsed.data.productIds) void socket.leave(rooms.product(productId));
      respond({ data: { watching: [...socket.rooms].filter((room) => room.startsWith('product:')).length } });
    });
  });

  return {
    io,
    close: async () => {
      await io.close();
      await closeRedis();
    },
  };
}

/** The rooms a role hears; `user:<id>` is every signed-in socket's, whatever the role. */
function joinRoleRooms(socket: ShopSocket, user: AuthenticatedUser): void {
  if (user.role === 'admin') void socket.join(rooms.admins);
  if (user.role === 'seller') void socket.join(rooms.seller(user.id));
}

/** This instance's open sockets of one user. */
function localSocketsOf(io: ShopSocketServer, userId: string): ShopSocket[] {
  const namespace = io.of('/');
  const ids = namespace.adapter.rooms.get(rooms.user(userId)) ?? new Set<string>();
  return [...ids].flatMap((id) => namespace.sockets.get(id) ?? []);
}

const invalidPayload: SocketAck<never> = { error: { code: 'validation_failed', message: 'Invalid payload' } };

function isLoopback(origin: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/** With several instances, events reach sockets on every instance through Redis pub/sub. */
async function attachRedisAdapter(io: ShopSocketServer, redisUrl: string, log: Logger): Promise<() => Promise<void>> {
  const [publisher, subscriber] = await Promise.all([connectRedis(redisUrl, log, 'publisher'), connectRedis(redisUrl, log, 'subscriber')]);
  io.adapter(createAdapter(publisher, subscriber));
  log.info('socket.io uses the Redis adapter');
  return async () => {
    await Promise.allSettled([publisher.quit(), subscriber.quit()]);
  };
}

/**
 * Maps the shop's events to rooms. Only this instance's own: socket.io's Redis adapter already
 * carries an emit to the sockets of every instance.
 */
export function pushShopEvents(events: ShopEvents, io: ShopSocketServer): void {
  // Every instance mends its own sockets, whichever published: the event reaches each of them, and
  // the role a socket was given at its handshake decides its rooms and what it may watch.
  events.on('user.access_changed', ({ userId, role, canSignIn }) => {
    for (const socket of localSocketsOf(io, userId)) {
      if (!canSignIn || !socket.data.user) {
        socket.disconnect(true);
        continue;
      }
      socket.data.user = { ...socket.data.user, role };
      void socket.leave(rooms.admins);
      void socket.leave(rooms.seller(userId));
      joinRoleRooms(socket, socket.data.user);
      socket.emit('account:changed', { role });
    }
  });
  events.on('stock.changed', ({ productId, available }, origin) => {
    if (origin === 'local') io.to(rooms.product(productId)).emit('stock:changed', { productId, available });
  });
  events.on('stock.low', (low, origin) => {
    if (origin === 'local') io.to(rooms.admins).emit('stock:low', low);
  });
  events.on('order.created', (order, origin) => {
    if (origin !== 'local') return;
    const { orderId, number, status, total, itemCount, email, createdAt } = order;
    io.to(rooms.admins).emit('order:created', { orderId, number, status, total, itemCount, email, createdAt });
    // Each seller hears of their own lines only, and not the shopper's email.
    for (const sellerId of order.sellerIds) {
      const lines = order.lines.filter((line) => line.sellerId === sellerId);
      io.to(rooms.seller(sellerId)).emit('order:created', {
        orderId,
        number,
        status,
        total: sumMoney(lines.map((line) => line.lineTotal), total.currency),
        itemCount: lines.reduce((count, line) => count + line.quantity, 0),
        createdAt,
      });
    }
  });
  events.on('order.status_changed', (order, origin) => {
    if (origin !== 'local') return;
    const audience = [rooms.order(order.orderId), rooms.admins, ...order.sellerIds.map(rooms.seller), ...(order.userId ? [rooms.user(order.userId)] : [])];
    // One emit to the union of rooms: a socket in several of them gets the event once.
    io.to(audience).emit('order:status', { orderId: order.orderId, number: order.number, status: order.status, at: order.at });
  });
  // The seller hears of questions about their own products; the admins answer for the shop's own.
  events.on('question.asked', ({ questionId, productId, productSlug, productTitle, sellerId }, origin) => {
    if (origin === 'local') io.to(sellerId ? rooms.seller(sellerId) : rooms.admins).emit('question:asked', { questionId, productId, productSlug, productTitle });
  });
  // Only the asker: an unanswered question is theirs alone, and the answer is news to nobody else.
  events.on('question.answered', ({ questionId, productId, productSlug, productTitle, askerId }, origin) => {
    if (origin === 'local') io.to(rooms.user(askerId)).emit('question:answered', { questionId, productId, productSlug, productTitle });
  });
}
