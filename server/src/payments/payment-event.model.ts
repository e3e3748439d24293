import { Schema, model } from 'mongoose';

/**
 * Every verified webhook, once: the unique event id makes a duplicate delivery a no-op. An event
 * whose order cannot be found yet stays `applied: false` and is applied when the order learns its
 * payment reference (checkout.service.ts).
 */
const paymentEventSchema = new Schema(
  {
    provider: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    reference: { type: String, required: true },
    orderId: { type: String, default: null },
    failureMessage: { type: String, default: null },
    occurredAt: { type: Date, required: true },
    applied: { type: Boolean, required: true, default: false },
  },
  { timestamps: true, strict: 'throw' },
);

paymentEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });
paymentEventSchema.index({ reference: 1 });

export const PaymentEventModel = model('PaymentEvent', paymentEventSchema);
