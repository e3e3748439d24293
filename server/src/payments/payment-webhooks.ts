import { isValidObjectId } from 'mongoose';
import type { Logger } from 'pino';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';
import { OrderModel, type OrderDocument } from '../orders/order.model';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import type { PaymentEvent } from './payment-provider';
import { PaymentEventModel } from './payment-event.model';

export type WebhookOutcome = 'applied' | 'duplicate' | 'stored' | 'ignored';

/**
 * What a verified payment event does to its order. Safe to receive twice (the event id is stored
 * once) and in any order: payment statuses only move forward, so a refund that arrives before the
 * approval ends refunded, and an event for an order not yet known waits for it.
 */
export class PaymentWebhooks {
  constructor(
    private readonly lifecycle: OrderLifecycle,
    private readonly log: Logger,
  ) {}

  async receive(providerName: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<WebhookOutcome> {
    const provider = this.lifecycle.providerOf({ payment: { provider: providerName } } as OrderDocument);
    const event = provider.parseWebhook(rawBody, headers);
    if (!event) return 'ignored';
    try {
      await PaymentEventModel.create({
        provider: providerName,
        eventId: event.eventId,
        type: event.type,
        reference: event.reference,
        orderId: event.orderId ?? null,
        failureMessage: event.failureMessage ?? null,
        occurredAt: event.occurredAt,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
    const order = await this.orderOf(event);
    if (!order) return 'stored';
    await this.apply(order, event);
    await PaymentEventModel.updateOne({ provider: providerName, eventId: event.eventId }, { $set: { applied: true } });
    return 'applied';
  }

  /**
   * Applies the events that arrived before their order knew its payment reference, and answers the
   * order as it is afterwards (as given, when nothing was waiting).
   */
  async applyWaitingEvents(order: OrderDocument): Promise<OrderDocument> {
    if (!order.payment.reference) return order;
    const waiting = await PaymentEventModel.find({ reference: order.payment.reference, applied: false }).sort({ occurredAt: 1 }).lean();
    if (waiting.length === 0) return order;
    for (const stored of waiting) {
      const fresh = (await OrderModel.findById(order._id).lean())!;
      await this.apply(fresh, {
        eventId: stored.eventId,
        type: stored.type as PaymentEvent['type'],
        reference: stored.reference,
        occurredAt: stored.occurredAt,
        ...(stored.failureMessage ? { failureMessage: stored.failureMessage } : {}),
      });
      await PaymentEventModel.updateOne({ _id: stored._id }, { $set: { applied: true } });
    }
    return (await OrderModel.findById(order._id).lean())!;
  }

  private async orderOf(event: PaymentEvent): Promise<OrderDocument | null> {
    if (event.orderId && isValidObjectId(event.orderId)) {
      const order = await OrderModel.findById(event.orderId).lean();
      // The order may exist before it has its reference; an event naming another payment is not its.
      if (order && (!order.payment.reference || order.payment.reference === event.reference)) return order;
      if (order) return null;
    }
    return OrderModel.findOne({ 'payment.reference': event.reference }).lean();
  }

  private async apply(order: OrderDocument, event: PaymentEvent): Promise<void> {
    switch (event.type) {
      case 'payment.authorized':
        return this.approved(order, await this.lifecycle.recordPayment(order, 'authorized', ['pending']));
      case 'payment.captured':
        return this.approved(order, await this.lifecycle.recordPayment(order, 'captured', ['pending', 'authorized']));
      case 'payment.failed': {
        const failed = await this.lifecycle.recordPayment(order, 'failed', ['pending'], event.failureMessage ?? 'The payment failed');
        if (failed?.status === 'pending_payment') await this.moveQuietly(failed, 'cancelled', failed.payment.failureMessage ?? undefined);
        return;
      }
      case 'payment.refunded': {
        const refunded = await this.lifecycle.recordPayment(order, 'refunded', ['pending', 'authorized', 'captured', 'failed']);
        if (refunded?.status === 'pending_payment') await this.moveQuietly(refunded, 'cancelled', 'The payment was refunded');
        return;
      }
    }
  }

  /** The money is secured: an unpaid order becomes paid; one cancelled meanwhile (it expired) gets its money back. */
  private async approved(order: OrderDocument, recorded: OrderDocument | null): Promise<void> {
    const current = recorded ?? order;
    const secured = current.payment.status === 'authorized' || current.payment.status === 'captured';
    if (current.status === 'pending_payment' && secured) await this.moveQuietly(current, 'paid');
    else if (current.status === 'cancelled' || current.status === 'returned') await this.lifecycle.settle(current);
  }

  /** Someone else moving the order first (the sweeper, a second webhook) is not a webhook failure. */
  private async moveQuietly(order: OrderDocument, to: 'paid' | 'cancelled', note?: string): Promise<void> {
    try {
      await this.lifecycle.move(order, to, 'payment', note ? { note } : {});
    } catch (error) {
      if (error instanceof AppError && error.code === 'illegal_transition') {
        this.log.info({ orderId: order._id.toString(), to }, 'a payment event found its order already moved');
        const fresh = await OrderModel.findById(order._id).lean();
        if (fresh && to === 'paid') await this.lifecycle.settle(fresh);
        return;
      }
      throw error;
    }
  }
}
