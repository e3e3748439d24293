import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { OrderStatus } from '@shared/orders/order-status';
import type { ClientToServerEvents, OrderCreated, QuestionAnswered, QuestionAsked, ServerToClientEvents, SocketAck, StockChanged, StockLow, WatchAnswer } from '@shared/realtime/socket-events';
import { io, type Socket } from 'socket.io-client';
import { AuthStore } from '../auth/auth-store';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `push`: a change the server pushed; `watch`: the level when the product was first watched. */
export type StockSource = 'push' | 'watch';
export type StockListener = (change: StockChanged, source: StockSource) => void;

/**
 * An order's status as the socket learnt it: pushed (`order:status`), or answered to `watchOrder`
 * (`watch`). A push also carries the order's number and when it moved.
 */
export interface OrderStatusNow {
  orderId: string;
  status: OrderStatus;
  number?: string;
  at?: string;
}
/** `push`: a move the server pushed; `watch`: the status when the order was watched. */
export type OrderStatusSource = 'push' | 'watch';
export type OrderStatusListener = (change: OrderStatusNow, source: OrderStatusSource) => void;
export type OrderCreatedListener = (order: OrderCreated) => void;
export type StockLowListener = (low: StockLow) => void;
export type QuestionAnsweredListener = (answered: QuestionAnswered) => void;
export type QuestionAskedListener = (asked: QuestionAsked) => void;

/** The server refuses a handshake whose access token has expired or been revoked with this. */
const unauthenticated = 'unauthenticated';

/**
 * The shop's one socket.io connection (SPEC section 7), opened when something is first watched. The
 * server decides the rooms from the access token sent at the handshake, so the connection is made
 * again when the signed-in user changes, and after every connection the watched products are asked
 * for again: the server forgets them with the old connection.
 */
@Injectable({ providedIn: 'root' })
export class ShopSocket {
  private readonly auth = inject(AuthStore);
  private socket: ClientSocket | undefined;
  private readonly watched = new Set<string>();
  private readonly stockListeners = new Set<StockListener>();
  /** Order id → the guest token that opens it (none for one's own orders, or for admins). */
  private readonly watchedOrders = new Map<string, string | undefined>();
  private readonly orderStatusListeners = new Set<OrderStatusListener>();
  private readonly orderCreatedListeners = new Set<OrderCreatedListener>();
  private readonly stockLowListeners = new Set<StockLowListener>();
  private readonly questionAnsweredListeners = new Set<QuestionAnsweredListener>();
  private readonly questionAskedListeners = new Set<QuestionAskedListener>();
  private connectedOnce = false;

  /**
   * Counts the connections made after the first. Events sent while the browser was offline are not
   * replayed, so what a page shows is fetched again over REST when this changes.
   */
  readonly reconnections = signal(0);

  constructor() {
    effect(() => {
      this.auth.user();
      untracked(() => {
        if (this.socket?.connected) this.socket.disconnect().connect();
      });
    });
  }

  watch(productIds: readonly string[]): void {
    const added = productIds.filter((id) => !this.watched.has(id));
    if (added.length === 0) return;
    for (const id of added) this.watched.add(id);
    this.emitInChunks('watch', added);
  }

  unwatch(productIds: readonly string[]): void {
    const removed = productIds.filter((id) => this.watched.delete(id));
    if (removed.length > 0 && this.socket?.connected) this.emitInChunks('unwatch', removed);
  }

  /**
   * Stock levels as they reach the browser: pushed on every change, and answered for each product
   * when it is first watched.
   */
  onStockChanged(listener: StockListener): () => void {
    this.stockListeners.add(listener);
    return () => this.stockListeners.delete(listener);
  }

  /**
   * Follows one order's status: one's own, any for an admin, or a guest's with the token of its
   * link. Asked for again after every connection, like watched products.
   */
  watchOrder(orderId: string, token?: string): void {
    if (this.watchedOrders.has(orderId) && this.watchedOrders.get(orderId) === token) return;
    this.watchedOrders.set(orderId, token);
    const socket = this.connection();
    if (socket.connected) this.emitWatchOrder(socket, orderId, token);
  }

  /** The server has no unwatch for orders; the order is just not asked for again after a reconnection. */
  unwatchOrder(orderId: string): void {
    this.watchedOrders.delete(orderId);
  }

  /**
   * Order statuses as they reach the browser: pushed for watched orders, one's own orders and (for
   * admins) every order, and answered for each order when it is watched. Listening opens the
   * connection: the rooms these events come through are decided at the handshake.
   */
  onOrderStatus(listener: OrderStatusListener): () => void {
    return this.listen(this.orderStatusListeners, listener);
  }

  /** New orders, for admins (and sellers on them); opens the connection like `onOrderStatus`. */
  onOrderCreated(listener: OrderCreatedListener): () => void {
    return this.listen(this.orderCreatedListeners, listener);
  }

  /** Products whose availability has just fallen to their low-stock threshold, for admins; opens the connection like `onOrderStatus`. */
  onStockLow(listener: StockLowListener): () => void {
    return this.listen(this.stockLowListeners, listener);
  }

  /** The signed-in user's own questions, as they are answered; opens the connection like `onOrderStatus`. */
  onQuestionAnswered(listener: QuestionAnsweredListener): () => void {
    return this.listen(this.questionAnsweredListeners, listener);
  }

  /** New questions to answer: a seller's about their products, the admins' about the shop's own; opens the connection like `onOrderStatus`. */
  onQuestionAsked(listener: QuestionAskedListener): () => void {
    return this.listen(this.questionAskedListeners, listener);
  }

  private listen<T>(listeners: Set<T>, listener: T): () => void {
    listeners.add(listener);
    this.connection();
    return () => listeners.delete(listener);
  }

  private connection(): ClientSocket {
    this.socket ??= this.open();
    return this.socket;
  }

  private open(): ClientSocket {
    const socket: ClientSocket = io({
      // Read at every handshake, so a reconnection carries the current token.
      auth: (send) => send({ token: this.auth.accessToken() }),
    });
    socket.on('connect', () => {
      if (this.connectedOnce) this.reconnections.update((count) => count + 1);
      this.connectedOnce = true;
      if (this.watched.size > 0) this.emitInChunks('watch', [...this.watched]);
      for (const [orderId, token] of this.watchedOrders) this.emitWatchOrder(socket, orderId, token);
    });
    socket.on('connect_error', (error) => {
      // socket.io does not retry a handshake its server refused; a fresh token (or none, once signed out) will do.
      if (error.message !== unauthenticated) return;
      this.auth
        .refresh()
        .catch(() => undefined)
        .finally(() => socket.connect());
    });
    socket.on('stock:changed', (change) => this.tellListeners(change, 'push'));
    socket.on('order:status', ({ orderId, status, number, at }) => this.tellOrderStatus({ orderId, status, number, at }, 'push'));
    socket.on('order:created', (order) => {
      for (const listener of this.orderCreatedListeners) listener(order);
    });
    socket.on('stock:low', (low) => {
      for (const listener of this.stockLowListeners) listener(low);
    });
    socket.on('question:answered', (answered) => {
      for (const listener of this.questionAnsweredListeners) listener(answered);
    });
    socket.on('question:asked', (asked) => {
      for (const listener of this.questionAskedListeners) listener(asked);
    });
    // An admin changed this user's role: the server has moved the socket's rooms already; the
    // session is read again so that the pages and guards see the new role too.
    socket.on('account:changed', () => void this.auth.refresh().catch(() => undefined));
    return socket;
  }

  private emitWatchOrder(socket: ClientSocket, orderId: string, token: string | undefined): void {
    socket.emit('watchOrder', token ? { orderId, token } : { orderId }, (answer) => {
      // Refused (no such order, or not this visitor's): the page still shows what it loaded, without live updates.
      if ('data' in answer) this.tellOrderStatus({ orderId, status: answer.data.status }, 'watch');
    });
  }

  private tellOrderStatus(change: OrderStatusNow, source: OrderStatusSource): void {
    for (const listener of this.orderStatusListeners) listener(change, source);
  }

  private tellListeners(change: StockChanged, source: StockSource): void {
    for (const listener of this.stockListeners) listener(change, source);
  }

  /** The server takes at most 200 products per message (shared `watchProductsSchema`). */
  private emitInChunks(event: 'watch' | 'unwatch', productIds: string[]): void {
    const socket = this.connection();
    // Until the connection is up there is nothing to tell: 'connect' sends the whole watched list.
    if (!socket.connected) return;
    for (let start = 0; start < productIds.length; start += 200) {
      const payload = { productIds: productIds.slice(start, start + 200) };
      if (event === 'unwatch') socket.emit('unwatch', payload, ignoreRefusal);
      else socket.emit('watch', payload, (answer) => this.applyWatchAnswer(answer));
    }
  }

  private applyWatchAnswer(answer: SocketAck<WatchAnswer>): void {
    // A refused watch only means no live updates for those products; the page still shows what it loaded.
    if (!('data' in answer)) return;
    for (const [productId, available] of Object.entries(answer.data.available)) this.tellListeners({ productId, available }, 'watch');
  }
}

/**
 * Calls `reload` after every reconnection, so a page fetches again what it shows: events sent
 * while the browser was offline are not replayed. Call in an injection context.
 */
export function refetchOnReconnect(reload: () => void): void {
  const reconnections = inject(ShopSocket).reconnections;
  let handled = untracked(reconnections);
  effect(() => {
    const count = reconnections();
    if (count === handled) return;
    handled = count;
    untracked(reload);
  });
}

function ignoreRefusal(_result: SocketAck<{ watching: number }>): void {}
