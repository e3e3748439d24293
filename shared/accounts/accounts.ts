import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';
import { maxPasswordLength, minPasswordLength, userRoles } from './account-rules';


export { maxPasswordLength, minPasswordLength, userRoles };
export type { UserRole } from './account-rules';

/** Emails are compared trimmed and lower-cased; the unique index sees the same form. */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('must be a valid email address'));

/** Length rules here; the common-password check runs on the server, where the list lives. */
export const newPasswordSchema = z.string().min(minPasswordLength, `must be at least ${minPasswordLength} characters`).max(maxPasswordLength);

const personNameSchema = z.string().trim().min(1, 'is required').max(120);

/** Extra fields (a `role`, say) are dropped, not refused: sign-up always makes a customer. */
export const registerRequestSchema = z
  .object({ email: emailSchema, password: newPasswordSchema, name: personNameSchema })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.input<typeof registerRequestSchema>;

export const loginRequestSchema = z
  .strictObject({ email: emailSchema, password: z.string().min(1, 'is required').max(256) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const authUserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(userRoles) })
  .meta({ id: 'AuthUser' });
export type AuthUser = z.infer<typeof authUserSchema>;

/** The sign-up / sign-in answer; the refresh token travels in an httpOnly cookie, never in JSON. */
export const authResponseSchema = z
  .object({
    user: authUserSchema,
    accessToken: z.string(),
    expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires' }),
  })
  .meta({ id: 'AuthResponse' });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const meResponseSchema = z.object({ user: authUserSchema }).meta({ id: 'MeResponse' });

export const forgotPasswordRequestSchema = z.strictObject({ email: emailSchema });
export type ForgotPasswordRequest = z.input<typeof forgotPasswordRequestSchema>;

export const resetPasswordRequestSchema = z.strictObject({ token: z.string().min(20).max(200), password: newPasswordSchema });
export type ResetPasswordRequest = z.input<typeof resetPasswordRequestSchema>;

export const messageResponseSchema = z.object({ message: z.string() });

export const oidcProviderSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'OidcProvider' });
export type OidcProvider = z.infer<typeof oidcProviderSchema>;

// ── Profile ────────────────────────────────────────────────────────────────────────────────

export const profileSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    pendingEmail: z.string().nullable().meta({ description: 'New address waiting for its confirmation link to be followed' }),
    hasPassword: z.boolean().meta({ description: 'False for accounts created through social login only' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileRequestSchema = z.strictObject({ name: personNameSchema });
export type UpdateProfileRequest = z.input<typeof updateProfileRequestSchema>;

/** The password is required when the account has one; accounts made by social login have none. */
export const changeEmailRequestSchema = z.strictObject({ newEmail: emailSchema, password: z.string().min(1).max(256).optional() });
export type ChangeEmailRequest = z.input<typeof changeEmailRequestSchema>;

export const verifyEmailRequestSchema = z.strictObject({ token: z.string().min(20).max(200) });
export type VerifyEmailRequest = z.input<typeof verifyEmailRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  /** Required when the account has a password; a social-login account sets its first one without. */
  currentPassword: z.string().min(1).max(256).optional(),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

export const deleteAccountRequestSchema = z.strictObject({ password: z.string().max(256).optional() });
export type DeleteAccountRequest = z.input<typeof deleteAccountRequestSchema>;

export const addressInputSchema = z
  .strictObject({
    label: z.string().trim().max(40).optional(),
    name: personNameSchema,
    line1: z.string().trim().min(1, 'is required').max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1, 'is required').max(100),
    postalCode: z.string().trim().min(1, 'is required').max(20),
    region: z.string().trim().max(100).optional(),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
    phone: z.string().trim().max(40).optional(),
    isDefault: z.boolean().optional(),
  })
  .meta({ id: 'AddressInput' });
export type AddressInput = z.input<typeof addressInputSchema>;

export const addressSchema = z
  .object({
    id: z.string(),
    label: z.string().optional(),
    name: z.string(),
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    postalCode: z.string(),
    region: z.string().optional(),
    country: z.string(),
    phone: z.string().optional(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof addressSchema>;

export const addressIdParamsSchema = z.strictObject({ addressId: objectIdSchema });

// ── Admin: users ───────────────────────────────────────────────────────────────────────────

export const adminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    disabled: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().meta({ description: 'Part of the email or name' }),
  role: z.enum(userRoles).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminUserListQuery = z.input<typeof adminUserListQuerySchema>;

export const adminUserListSchema = z
  .object({ items: z.array(adminUserSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'AdminUserList' });
export type AdminUserList = z.infer<typeof adminUserListSchema>;

export const adminUpdateUserRequestSchema = z
  .strictObject({ role: z.enum(userRoles).optional(), disabled: z.boolean().optional() })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, 'give a role or disabled');
export type AdminUpdateUserRequest = z.input<typeof adminUpdateUserRequestSchema>;

export const userIdParamsSchema = z.strictObject({ userId: objectIdSchema });
