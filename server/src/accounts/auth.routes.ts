import {
  authResponseSchema,
  forgotPasswordRequestSchema,
  loginRequestSchema,
  meResponseSchema,
  messageResponseSchema,
  registerRequestSchema,
  resetPasswordRequestSchema,
} from '@shared/accounts/accounts';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { isDuplicateKeyError } from '../database/errors';
import type { AccountsContext } from './accounts-context';
import { consumeOneTimeToken, issueOneTimeToken } from './one-time-tokens';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';
import { accountRateLimits } from './rate-limits';
import { toAuthUser } from './sessions.service';
import { UserModel } from './user.model';

const resetTokenLifetimeMs = 30 * 60 * 1000;
const forgotPasswordAnswer = { message: 'If an account exists for that address, we have sent it a link to choose a new password.' };

export function assertStrongPassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new AppError(400, 'validation_failed', 'Choose a less common password', [
      { path: field, message: 'is too common; choose a password that is harder to guess' },
    ]);
  }
}

export function registerAuthRoutes(api: ApiRoutes, context: AccountsContext): void {
  const { sessions, mailer, config } = context;
  const limits = accountRateLimits(context.redis);

  api.add({
    method: 'post',
    path: '/auth/register',
    tag: 'Auth',
    summary: 'Create a customer account and sign in',
    description: 'The role is always `customer`; any role in the body is ignored. Sets the refresh-token cookie.',
    body: registerRequestSchema,
    response: { status: 201, description: 'Signed in', schema: authResponseSchema },
    errors: [409, 429],
    middleware: limits.signUp,
    handler: async ({ body }, req, res) => {
      assertStrongPassword(body.password, 'body.password');
      const passwordHash = await hashPassword(body.password);
      try {
        const user = await UserModel.create({ email: body.email, name: body.name, passwordHash, role: 'customer' });
        return await sessions.start(user, req, res);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw AppError.conflict('An account with this email already exists; sign in instead');
        throw error;
      }
    },
  });

  api.add({
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    summary: 'Sign in with email and password',
    body: loginRequestSchema,
    response: { status: 200, description: 'Signed in; sets the refresh-token cookie', schema: authResponseSchema },
    errors: [401, 429],
    middleware: limits.signIn,
    handler: async ({ body }, req, res) => {
      const user = await UserModel.findOne({ email: body.email, deletedAt: null }).select('+passwordHash').lean();
      const passwordMatches = await verifyPassword(user?.passwordHash, body.password);
      if (!user || !passwordMatches) throw new AppError(401, 'unauthenticated', 'Wrong email or password');
      if (user.disabled) throw new AppError(401, 'unauthenticated', 'This account has been disabled; please contact us');
      return sessions.start(user, req, res);
    },
  });

  api.add({
    method: 'post',
    path: '/auth/refresh',
    tag: 'Auth',
    summary: 'Exchange the refresh-token cookie for a new access token (the cookie is rotated)',
    response: { status: 200, description: 'A fresh access token', schema: authResponseSchema },
    errors: [401],
    handler: (_input, req, res) => sessions.refresh(req, res),
  });

  api.add({
    method: 'post',
    path: '/auth/logout',
    tag: 'Auth',
    summary: 'End this session',
    response: { status: 204, description: 'Signed out' },
    handler: async (_input, req, res) => {
      await sessions.end(req, res);
      return undefined;
    },
  });

  api.add({
    method: 'get',
    path: '/auth/me',
    tag: 'Auth',
    summary: 'The signed-in user',
    auth: {},
    response: { status: 200, description: 'The user', schema: meResponseSchema },
    handler: ({ user }) => ({ user: toAuthUser(user) }),
  });

  api.add({
    method: 'post',
    path: '/auth/password/forgot',
    tag: 'Auth',
    summary: 'Email a password-reset link',
    description: 'Answers the same whether or not the address has an account.',
    body: forgotPasswordRequestSchema,
    response: { status: 202, description: 'Accepted', schema: messageResponseSchema },
    errors: [429],
    middleware: limits.forgotPassword,
    handler: async ({ body }) => {
      const user = await UserModel.findOne({ email: body.email, disabled: false, deletedAt: null }, { email: 1, name: 1 }).lean();
      if (user) {
        const token = await issueOneTimeToken('password_reset', user._id, resetTokenLifetimeMs);
        mailer.sendInBackground({
          to: user.email,
          subject: 'Choose a new password for MEAN Shop',
          text:
            `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your MEAN Shop account.\n` +
            `Choose a new password here within 30 minutes:\n\n${config.publicUrl}/reset-password?token=${token}\n\n` +
            'If you did not ask for this, ignore this mail: your password stays as it is.\n',
        });
      }
      return forgotPasswordAnswer;
    },
  });

  api.add({
    method: 'post',
    path: '/auth/password/reset',
    tag: 'Auth',
    summary: 'Set a new password with the token from the reset mail; ends every session',
    body: resetPasswordRequestSchema,
    response: { status: 204, description: 'Password changed' },
    errors: [429],
    middleware: limits.resetPassword,
    handler: async ({ body }) => {
      assertStrongPassword(body.password, 'body.password');
      const passwordHash = await hashPassword(body.password);
      const token = await consumeOneTimeToken('password_reset', body.token);
      if (!token) {
        throw new AppError(400, 'validation_failed', 'This reset link is invalid or has expired; please ask for a new one', [
          { path: 'body.token', message: 'is invalid or has expired' },
        ]);
      }
      await UserModel.updateOne({ _id: token.userId }, { $set: { passwordHash } });
      await sessions.revokeAllForUser(token.userId);
      return undefined;
    },
  });
}
