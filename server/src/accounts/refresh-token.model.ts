import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * A refresh token, stored as a hash. Tokens issued one after another by rotation share a family;
 * presenting a token that was already rotated means it leaked, and revokes the whole family.
 */
const refreshTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    familyId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
    /** When it was exchanged for its successor; a second use is a replay. */
    rotatedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    userAgent: { type: String, maxlength: 300 },
    ip: { type: String, maxlength: 64 },
  },
  { timestamps: true, strict: 'throw' },
);

export type RefreshTokenDocument = InferSchemaType<typeof refreshTokenSchema> & { _id: Types.ObjectId; createdAt: Date };
export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);
