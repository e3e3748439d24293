import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const oneTimeTokenPurposes = ['password_reset', 'email_change'] as const;
export type OneTimeTokenPurpose = (typeof oneTimeTokenPurposes)[number];

/** Tokens mailed to a user (password reset, email confirmation): stored hashed, used once, short-lived. */
const oneTimeTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    purpose: { type: String, enum: oneTimeTokenPurposes, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
    usedAt: { type: Date, default: null },
    /** For an email change: the address to switch to. */
    newEmail: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

export type OneTimeTokenDocument = InferSchemaType<typeof oneTimeTokenSchema> & { _id: Types.ObjectId };
export const OneTimeTokenModel = model('OneTimeToken', oneTimeTokenSchema);
