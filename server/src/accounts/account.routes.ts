import {
  addressIdParamsSchema,
  addressInputSchema,
  addressSchema,
  changeEmailRequestSchema,
  changePasswordRequestSchema,
  deleteAccountRequestSchema,
  messageResponseSchema,
  profileSchema,
  updateProfileRequestSchema,
  verifyEmailRequestSchema,
  type Address,
  type Profile,
} from '@shared/accounts/accounts';
import type { Types } from 'mongoose';
import { z } from 'zod';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { forgetAsker } from '../questions/questions.service';
import type { AccountsContext } from './accounts-context';
import { assertStrongPassword } from './auth.routes';
import { consumeOneTimeToken, issueOneTimeToken } from './one-time-tokens';
import { hashPassword, verifyPassword } from './passwords';
import { RefreshTokenModel } from './refresh-token.model';
import { UserModel, type UserDocument } from './user.model';

const emailChangeLifetimeMs = 24 * 60 * 60 * 1000;
const maxAddresses = 20;

type StoredAddress = UserDocument['addresses'][number] & { _id: Types.ObjectId };

function toAddress(address: StoredAddress): Address {
  return {
    id: address._id.toString(),
    name: address.name,
    line1: address.line1,
    city: address.city,
    postalCode: address.postalCode,
    country: address.country,
    isDefault: address.isDefault,
    ...(address.label ? { label: address.label } : {}),
    ...(address.line2 ? { line2: address.line2 } : {}),
    ...(address.region ? { region: address.region } : {}),
    ...(address.phone ? { phone: address.phone } : {}),
  };
}

async function loadUser(userId: Types.ObjectId, withPassword = false) {
  const query = UserModel.findOne({ _id: userId, deletedAt: null });
  const user = await (withPassword ? query.select('+passwordHash') : query);
  if (!user) throw new AppError(401, 'unauthenticated', 'This account cannot be used');
  return user;
}

function toProfile(user: Pick<UserDocument, 'email' | 'name' | 'role' | 'pendingEmail' | 'createdAt'> & { _id: Types.ObjectId; passwordHash?: string | null }, hasPassword: boolean): Profile {
  return {
    id: user._id.toString(),
    email: user.email,
    name: user.name,
    role: user.role,
    pendingEmail: user.pendingEmail ?? null,
    hasPassword,
    createdAt: user.createdAt.toISOString(),
  };
}

async function profileOf(userId: Types.ObjectId): Promise<Profile> {
  const user = await loadUser(userId, true);
  return toProfile(user, Boolean(user.passwordHash));
}

async function requirePassword(userId: Types.ObjectId, password: string | undefined): Promise<void> {
  const user = await loadUser(userId, true);
  if (!user.passwordHash) return;
  if (!password || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError(400, 'validation_failed', 'Your current password is not right', [{ path: 'body.password', message: 'is not your current password' }]);
  }
}

export function registerAccountRoutes(api: ApiRoutes, context: AccountsContext): void {
  const { sessions, mailer, config } = context;
  const signedIn = {};

  api.add({
    method: 'get', path: '/account', tag: 'Account', summary: 'My profile', auth: signedIn,
    response: { status: 200, description: 'The profile', schema: profileSchema },
    handler: ({ user }) => profileOf(user._id),
  });

  api.add({
    method: 'patch', path: '/account', tag: 'Account', summary: 'Change my name', auth: signedIn,
    body: updateProfileRequestSchema,
    response: { status: 200, description: 'The updated profile', schema: profileSchema },
    handler: async ({ user, body }) => {
      await UserModel.updateOne({ _id: user._id }, { $set: { name: body.name } });
      await context.events.publish('user.changed', { userId: user.id });
      return profileOf(user._id);
    },
  });

  api.add({
    method: 'post', path: '/account/email', tag: 'Account', auth: signedIn,
    summary: 'Change my email: a confirmation link goes to the new address, which takes effect once followed',
    body: changeEmailRequestSchema,
    response: { status: 202, description: 'Confirmation mail sent', schema: messageResponseSchema },
    errors: [409],
    handler: async ({ user, body }) => {
      await requirePassword(user._id, body.password);
      if (await UserModel.exists({ email: body.newEmail })) throw AppError.conflict('Another account already uses this email');
      const token = await issueOneTimeToken('email_change', user._id, emailChangeLifetimeMs, { newEmail: body.newEmail });
      await UserModel.updateOne({ _id: user._id }, { $set: { pendingEmail: body.newEmail } });
      mailer.sendInBackground({
        to: body.newEmail,
        subject: 'Confirm your new email for MEAN Shop',
        text: `Hello ${user.name},\n\nConfirm that this is your new address for MEAN Shop:\n\n${config.publicUrl}/account/verify-email?token=${token}\n\nThe link works for 24 hours. If you did not ask for this, ignore this mail.\n`,
      });
      return { message: `We sent a confirmation link to ${body.newEmail}. Your email changes once you follow it.` };
    },
  });

  api.add({
    method: 'post', path: '/account/email/verify', tag: 'Account',
    summary: 'Confirm a new email with the token from the confirmation mail',
    body: verifyEmailRequestSchema,
    response: { status: 200, description: 'The updated profile', schema: profileSchema },
    errors: [409],
    handler: async ({ body }) => {
      const token = await consumeOneTimeToken('email_change', body.token);
      if (!token?.newEmail) {
        throw new AppError(400, 'validation_failed', 'This confirmation link is invalid or has expired', [{ path: 'body.token', message: 'is invalid or has expired' }]);
      }
      try {
        await UserModel.updateOne({ _id: token.userId, deletedAt: null }, { $set: { email: token.newEmail, pendingEmail: null } });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw AppError.conflict('Another account already uses this email');
        throw error;
      }
      return profileOf(token.userId);
    },
  });

  api.add({
    method: 'post', path: '/account/password', tag: 'Account', auth: signedIn,
    summary: 'Change my password; my other sessions end',
    body: changePasswordRequestSchema,
    response: { status: 204, description: 'Changed' },
    handler: async ({ user, body }) => {
      const stored = await loadUser(user._id, true);
      if (stored.passwordHash && !(body.currentPassword && (await verifyPassword(stored.passwordHash, body.currentPassword)))) {
        throw new AppError(400, 'validation_failed', 'Your current password is not right', [{ path: 'body.currentPassword', message: 'is not your current password' }]);
      }
      assertStrongPassword(body.newPassword, 'body.newPassword');
      await UserModel.updateOne({ _id: user._id }, { $set: { passwordHash: await hashPassword(body.newPassword) } });
      await sessions.revokeAllForUser(user._id, { exceptSession: user.sessionId });
      return undefined;
    },
  });

  api.add({
    method: 'get', path: '/account/addresses', tag: 'Account', summary: 'My saved addresses', auth: signedIn,
    response: { status: 200, description: 'Default first', schema: z.array(addressSchema) },
    handler: async ({ user }) => {
      const stored = await loadUser(user._id);
      return (stored.addresses as StoredAddress[]).map(toAddress).sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    },
  });

  api.add({
    method: 'post', path: '/account/addresses', tag: 'Account', summary: 'Save an address', auth: signedIn,
    body: addressInputSchema,
    response: { status: 201, description: 'The saved address', schema: addressSchema },
    errors: [409],
    handler: async ({ user, body }) => {
      const stored = await loadUser(user._id);
      if (stored.addresses.length >= maxAddresses) throw AppError.conflict(`You can keep at most ${maxAddresses} addresses`);
      // The first address is the default one; a new default replaces the old.
      const isDefault = body.isDefault === true || stored.addresses.length === 0;
      if (isDefault) for (const address of stored.addresses) address.isDefault = false;
      stored.addresses.push({ ...body, isDefault });
      await stored.save();
      return toAddress(stored.addresses.at(-1) as StoredAddress);
    },
  });

  api.add({
    method: 'patch', path: '/account/addresses/:addressId', tag: 'Account', summary: 'Change a saved address', auth: signedIn,
    params: addressIdParamsSchema,
    body: addressInputSchema.partial(),
    response: { status: 200, description: 'The changed address', schema: addressSchema },
    errors: [404],
    handler: async ({ user, params, body }) => {
      const stored = await loadUser(user._id);
      // Looked up among the caller's own addresses only: another user's id is simply not found.
      const address = stored.addresses.id(params.addressId) as StoredAddress | null;
      if (!address) throw AppError.notFound('Address');
      if (body.isDefault === true) for (const other of stored.addresses) other.isDefault = false;
      address.set({ ...body, isDefault: body.isDefault ?? address.isDefault });
      await stored.save();
      return toAddress(address);
    },
  });

  api.add({
    method: 'delete', path: '/account/addresses/:addressId', tag: 'Account', summary: 'Delete a saved address', auth: signedIn,
    params: addressIdParamsSchema,
    response: { status: 204, description: 'Deleted' },
    errors: [404],
    handler: async ({ user, params }) => {
      const stored = await loadUser(user._id);
      const address = stored.addresses.id(params.addressId) as StoredAddress | null;
      if (!address) throw AppError.notFound('Address');
      const remaining = stored.addresses.filter((candidate) => !candidate._id.equals(address._id));
      if (address.isDefault && remaining[0]) remaining[0].isDefault = true;
      // The whole list is written back: removing one element would be a conditional $pull, which
      // FerretDB v1 silently ignores.
      stored.set('addresses', remaining);
      await stored.save();
      return undefined;
    },
  });

  api.add({
    method: 'get', path: '/account/export', tag: 'Account', summary: 'Everything we keep about me, as a JSON file', auth: signedIn,
    response: { status: 200, description: 'A JSON download' },
    handler: async ({ user }, _req, res) => {
      const stored = await loadUser(user._id, true);
      const sessionsList = await RefreshTokenModel.find({ userId: user._id }, { createdAt: 1, expiresAt: 1, revokedAt: 1, userAgent: 1, ip: 1 }).lean();
      const exported = {
        exportedAt: new Date().toISOString(),
        profile: toProfile(stored, Boolean(stored.passwordHash)),
        addresses: (stored.addresses as StoredAddress[]).map(toAddress),
        socialLogins: stored.oidcIdentities.map((identity) => ({ provider: identity.provider })),
        sessions: sessionsList.map((session) => ({
          startedAt: session.createdAt.toISOString(),
          expiresAt: session.expiresAt.toISOString(),
          endedAt: session.revokedAt?.toISOString() ?? null,
          userAgent: session.userAgent ?? null,
          ip: session.ip ?? null,
        })),
      };
      res.status(200).set('Content-Disposition', 'attachment; filename="mean-shop-my-data.json"').json(exported);
      return undefined;
    },
  });

  api.add({
    method: 'delete', path: '/account', tag: 'Account', auth: signedIn,
    summary: 'Delete my account: personal data is erased, orders are kept without it',
    body: deleteAccountRequestSchema,
    response: { status: 204, description: 'Deleted and signed out' },
    handler: async ({ user, body }, _req, res) => {
      await requirePassword(user._id, body.password);
      await UserModel.updateOne(
        { _id: user._id },
        {
          $set: { email: `deleted-${user.id}@deleted.invalid`, name: 'Deleted user', disabled: true, deletedAt: new Date(), addresses: [], oidcIdentities: [], pendingEmail: null },
          $unset: { passwordHash: 1 },
        },
      );
      await forgetAsker(user._id);
      await context.events.publish('user.changed', { userId: user.id });
      await sessions.revokeAllForUser(user._id);
      sessions.clearCookie(res);
      await context.events.publish('user.access_changed', { userId: user.id, role: user.role, canSignIn: false });
      return undefined;
    },
  });
}
