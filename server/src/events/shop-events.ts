import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { UserRole } from '@shared/accounts/accounts';
import type { Money } from '@shared/money';
import type { OrderActor, OrderStatus } from '@shared/orders/order-status';
import type { AnswerRole } from '@shared/questions/questions';
import type { StockLow } from '@shared/realtime/socket-events';
import { connectRedis } from '../database/redis-client';

/**
 * What happened in the shop, as the services that made it happen tell it. They publish and never
 * know who listens: socket.io pushes to browsers, the catalogue's memory corrects itself.
 */
export interface ShopEventMap {
  /** A product's availability changed. */
  'stock.changed': { productId: string; available: number };
  /** A product was created, edited, archived or deleted: whoever holds a copy reads it again. */
  'product.changed': { productId: string };
  /** Categories were added, renamed, moved or deleted; `productsChanged` when products' search terms followed. */
  'categories.changed': { productsChanged: boolean };
  /** A user's name, role or standing changed (a seller's name shows in the catalogue). */
  'user.changed': { userId: string };
  /** What a user may do changed: a new role, or they can no longer sign in (disabled or deleted). */
  'user.access_changed': { userId: string; role: UserRole; canSignIn: boolean };
  /** Units of a product were sold; its best-seller rank may move. */
  'product.sold': { productId: string; soldCount: number };
  /** Availability fell to the product's low-stock threshold. */
  'stock.low': StockLow;
  /** An order was placed (it may still wait for its payment). */
  'order.created': OrderEvent;
  /** An order moved along SPEC section 4's machine. */
  'order.status_changed': OrderEvent & { from: OrderStatus; by: OrderActor; note?: string; refunded: boolean };
  /** A shopper asked about a product; `sellerId` null for the shop's own products. */
  'question.asked': QuestionShopEvent;
  /** A question was answered, by the product's seller or an admin. */
  'question.answered': QuestionShopEvent & { byRole: AnswerRole };
}

/** A question, with who may hear of it: its asker and the product's seller (null: the shop's own). */
export interface QuestionShopEvent {
  questionId: string;
  productId: string;
  productSlug: string;
  productTitle: string;
  sellerId: string | null;
  askerId: string;
}

/** Enough of an order for every subscriber: rooms, mail, the admin feed. */
export interface OrderEvent {
  orderId: string;
  number: string;
  status: OrderStatus;
  at: string;
  userId: string | null;
  email: string;
  sellerIds: string[];
  total: Money;
  itemCount: number;
  /** What was bought, for the sales figures. */
  lines: Array<{ productId: string; title: string; categoryId: string | null; sellerId: string | null; quantity: number; lineTotal: Money }>;
  createdAt: string;
}

export type ShopEventName = keyof ShopEventMap;

/** Events published by this instance, or by another one and relayed through Redis. */
export type EventOrigin = 'local' | 'remote';

type Handler<Name extends ShopEventName> = (payload: ShopEventMap[Name], origin: EventOrigin) => void | Promise<void>;

const relayChannel = 'meanshop:shop-events';
const eventNames: ReadonlySet<string> = new Set<ShopEventName>([
  'stock.changed',
  'product.changed',
  'categories.changed',
  'user.changed',
  'user.access_changed',
  'product.sold',
  'stock.low',
  'order.created',
  'order.status_changed',
  'question.asked',
  'question.answered',
]);

interface RelayedEvent {
  from: string;
  name: ShopEventName;
  payload: unknown;
}

/**
 * The shop's one event path, built once per running shop. With REDIS_URL, every event is also
 * relayed to the other instances, whose subscribers see it with origin `remote`: a cache there is
 * corrected as here, while socket.io, which crosses instances by its own Redis adapter, pushes
 * only what happened locally.
 */
export class ShopEvents {
  private readonly handlers = new Map<ShopEventName, Array<Handler<ShopEventName>>>();
  private readonly instanceId = randomUUID();
  private relay: ((message: string) => Promise<unknown>) | undefined;

  constructor(private readonly log: Logger) {}

  /**
   * Resolves once this instance's handlers are done, so what a request changed shows in the very
   * next read here (other instances follow as soon as Redis delivers the event).
   */
  async publish<Name extends ShopEventName>(name: Name, payload: ShopEventMap[Name]): Promise<void> {
    this.relay?.(JSON.stringify({ from: this.instanceId, name, payload } satisfies RelayedEvent)).catch((error: unknown) =>
      this.log.warn({ err: error, event: name }, 'could not relay a shop event to the other instances'),
    );
    await this.deliver(name, payload, 'local');
  }

  on<Name extends ShopEventName>(name: Name, handler: Handler<Name>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as Handler<ShopEventName>]);
  }

  /** Relays events to and from the other instances through Redis pub/sub; returns how to stop. */
  async relayThroughRedis(redisUrl: string): Promise<() => Promise<void>> {
    const [publisher, subscriber] = await Promise.all([connectRedis(redisUrl, this.log, 'shop events publisher'), connectRedis(redisUrl, this.log, 'shop events subscriber')]);
    await subscriber.subscribe(relayChannel, (message) => this.receive(message));
    this.relay = (message) => publisher.publish(relayChannel, message);
    return async () => {
      this.relay = undefined;
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    };
  }

  private receive(message: string): void {
    let event: RelayedEvent;
    try {
      event = JSON.parse(message) as RelayedEvent;
    } catch {
      this.log.warn('ignored a relayed shop event that is not JSON');
      return;
    }
    if (event.from === this.instanceId) return;
    if (!eventNames.has(event.name) || typeof event.payload !== 'object' || event.payload === null) {
      this.log.warn({ event: event.name }, 'ignored an unknown relayed shop event');
      return;
    }
    void this.deliver(event.name, event.payload as ShopEventMap[ShopEventName], 'remote');
  }

  /** A failing handler is logged; it never fails the publisher or the other handlers. */
  private async deliver<Name extends ShopEventName>(name: Name, payload: ShopEventMap[Name], origin: EventOrigin): Promise<void> {
    await Promise.all(
      (this.handlers.get(name) ?? []).map(async (handler) => {
        try {
          await handler(payload, origin);
        } catch (error) {
          this.log.error({ err: error, event: name }, 'a shop event handler failed');
        }
      }),
    );
  }
}
