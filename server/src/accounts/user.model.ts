import { userRoles } from '@shared/accounts/accounts';
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export { userRoles };

const addressSchema = new Schema(
  {
    label: { type: String, maxlength: 40 },
    name: { type: String, required: true, maxlength: 120 },
    line1: { type: String, required: true, maxlength: 200 },
    line2: { type: String, maxlength: 200 },
    city: { type: String, required: true, maxlength: 100 },
    postalCode: { type: String, required: true, maxlength: 20 },
    region: { type: String, maxlength: 100 },
    country: { type: String, required: true, match: /^[A-Z]{2}$/ },
    phone: { type: String, maxlength: 40 },
    isDefault: { type: Boolean, default: false },
  },
  { timestamps: false },
);

const oidcIdentitySchema = new Schema(
  { provider: { type: String, required: true }, subject: { type: String, required: true } },
  { _id: false },
);

const userSchema = new Schema(
  {
    /** Stored normalised (trimmed, lower-case) so the unique index catches every duplicate. */
    email: { type: String, required: true, unique: true, lowercase: true, trim: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    role: { type: String, enum: userRoles, default: 'customer' },
    /** argon2id hash; absent for accounts made by social login only. Never sent to a client. */
    passwordHash: { type: String, select: false },
    disabled: { type: Boolean, default: false },
    /** An address waiting for its confirmation link; the current one stays in use until then. */
    pendingEmail: { type: String, default: null },
    oidcIdentities: { type: [oidcIdentitySchema], default: [] },
    addresses: { type: [addressSchema], default: [] },
    /** Set when the account was deleted: personal data is gone, orders keep pointing here. */
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

userSchema.index({ 'oidcIdentities.provider': 1, 'oidcIdentities.subject': 1 });
userSchema.index({ role: 1, createdAt: -1 });

export type UserDocument = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const UserModel = model('User', userSchema);
