import { Schema, model } from 'mongoose';

/** Mail kept instead of sent, in development without SMTP_URL, for the developer to read. */
const outboxMailSchema = new Schema(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
outboxMailSchema.index({ createdAt: -1 });

export const OutboxMailModel = model('OutboxMail', outboxMailSchema);
