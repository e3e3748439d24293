import type { UserRole } from '@shared/accounts/accounts';
import type { Request } from 'express';
import type { Types } from 'mongoose';
import { AppError } from '../http/app-error';
import type { AccessTokens } from './access-tokens';
import { UserModel } from './user.model';

export interface AuthenticatedUser {
  id: string;
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: UserRole;
  sessionId: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by routes that require a signed-in user. */
    user?: AuthenticatedUser;
  }
}

/**
 * Turns a bearer token into the current user. The user is read on every request, so disabling an
 * account or changing a role takes effect at once, not when the token expires.
 */
export class Authenticator {
  constructor(private readonly accessTokens: AccessTokens) {}

  async fromToken(token: string): Promise<AuthenticatedUser> {
    const claims = await this.accessTokens.verify(token);
    const user = await UserModel.findOne({ _id: claims.userId, disabled: false, deletedAt: null }, { email: 1, name: 1, role: 1 }).lean();
    if (!user) throw new AppError(401, 'unauthenticated', 'This account cannot be used; please sign in again');
    return { id: user._id.toString(), _id: user._id, email: user.email, name: user.name, role: user.role, sessionId: claims.sessionId };
  }

  async fromRequest(req: Request): Promise<AuthenticatedUser> {
    const header = req.get('authorization');
    const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header) : null;
    if (!match) throw new AppError(401, 'unauthenticated', 'Sign in to continue');
    return this.fromToken(match[1]!);
  }

  async requireRole(req: Request, roles: readonly UserRole[] | undefined): Promise<AuthenticatedUser> {
    const user = await this.fromRequest(req);
    if (roles && !roles.includes(user.role)) throw new AppError(403, 'forbidden', 'You do not have access to this');
    req.user = user;
    return user;
  }
}
