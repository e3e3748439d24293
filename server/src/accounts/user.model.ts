import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const userRoles = ['customer', 'seller', 'admin'] as const;

const userSchema = new Schema(
  {
    /** Stored normalised (trimmed, lower-case) so the unique index catches every duplicate. */
    email: { type: String, required: true, unique: true, lowercase: true, trim: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    role: { type: String, enum: userRoles, default: 'customer' },
    /** argon2id hash; never sent to a client. */
    passwordHash: { type: String, required: true, select: false },
    disabled: { type: Boolean, default: false },
  },
  { timestamps: true, strict: 'throw' },
);

export type UserDocument = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema);
