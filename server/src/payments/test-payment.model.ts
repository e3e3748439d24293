import { Schema, model } from 'mongoose';

/**
 * The built-in test processor's own ledger: what a card processor would keep on its side. It
 * lives in the shop's database so that a restart does not forget what was held or taken.
 */
const testPaymentSchema = new Schema(
  {
    reference: { type: String, required: true, unique: true },
    /** One authorisation per key: a retried checkout gets the first answer back. */
    idempotencyKey: { type: String, required: true, unique: true },
    orderId: { type: String, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
    cardLast4: { type: String, required: true },
    status: { type: String, enum: ['processing', 'authorized', 'declined', 'captured', 'voided', 'refunded'], required: true },
    failureMessage: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

export const TestPaymentModel = model('TestPayment', testPaymentSchema);
