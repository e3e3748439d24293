import { randomUUID } from 'node:crypto';
import type { AuthResponse, AuthUser } from '@shared/accounts/accounts';
import type { CookieOptions, Request, Response } from 'express';
import { trusted, type Types } from 'mongoose';
import { AppError } from '../http/app-error';
import { accessTokenLifetimeSeconds, type AccessTokens } from './access-tokens';
import { RefreshTokenModel } from './refresh-token.model';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { UserModel } from './user.model';

export const refreshCookieName = 'shop_refresh';
const refreshLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** How long a just-rotated refresh token still works (see `withinReuseGrace`). */
export const reuseGraceMs = 10_000;

interface SessionUser {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: AuthUser['role'];
}

export function toAuthUser(user: SessionUser): AuthUser {
  return { id: user._id.toString(), email: user.email, name: user.name, role: user.role };
}

/** Issues access tokens and rotating refresh tokens; the refresh token only ever travels in a cookie. */
export class Sessions {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly secureCookies: boolean,
  ) {}

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, secure: this.secureCookies, sameSite: 'strict', path: '/api/auth' };
  }

  /** Starts a new session (a new token family) and answers with the user and an access token. */
  async start(user: SessionUser, req: Request, res: Response): Promise<AuthResponse> {
    return this.issue(user, randomUUID(), req, res);
  }

  private async issue(user: SessionUser, familyId: string, req: Request, res: Response): Promise<AuthResponse> {
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + refreshLifetimeMs);
    await RefreshTokenModel.create({
      tokenHash: hash,
      userId: user._id,
      familyId,
      expiresAt,
      userAgent: req.get('user-agent')?.slice(0, 300),
      ip: req.ip?.slice(0, 64),
    });
    res.cookie(refreshCookieName, token, { ...this.cookieOptions(), expires: expiresAt });
    const accessToken = await this.accessTokens.sign({ userId: user._id.toString(), role: user.role, sessionId: familyId });
    return { user: toAuthUser(user), accessToken, expiresIn: accessTokenLifetimeSeconds };
  }

  /**
   * Exchanges the refresh cookie for a new pair. The old token is marked rotated by a guarded
   * update, so of two concurrent uses only one wins; a token used twice revokes its family.
   */
  async refresh(req: Request, res: Response): Promise<AuthResponse> {
    const presented = readRefreshCookie(req);
    if (!presented) throw new AppError(401, 'unauthenticated', 'Not signed in');
    const tokenHash = hashSecretToken(presented);
    const now = new Date();
    const claimed = await RefreshTokenModel.findOneAndUpdate(
      { tokenHash, rotatedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) },
      { $set: { rotatedAt: now } },
    ).lean();
    const session = claimed ?? (await this.withinReuseGrace(tokenHash, now));
    if (!session) {
      const known = await RefreshTokenModel.findOne({ tokenHash }, { familyId: 1 }).lean();
      // A rotated or revoked token presented again is a replay: end every session in its family.
      if (known) await this.revokeFamily(known.familyId);
      this.clearCookie(res);
      throw new AppError(401, 'unauthenticated', 'Your session has ended; please sign in again');
    }
    const user = await UserModel.findOne({ _id: session.userId, disabled: false, deletedAt: null }).lean();
    if (!user) {
      await this.revokeFamily(session.familyId);
      this.clearCookie(res);
      throw new AppError(401, 'unauthenticated', 'This account cannot sign in');
    }
    return this.issue(user, session.familyId, req, res);
  }

  /**
   * A token rotated moments ago and presented again is a browser race, not a theft: the page was
   * left while the refresh answer, with its new cookie, was still on its way. Within a few seconds
   * it is answered with another token of the same family instead of ending every session.
   */
  private async withinReuseGrace(tokenHash: string, now: Date) {
    const recent = await RefreshTokenModel.findOne({
      tokenHash,
      revokedAt: null,
      expiresAt: trusted({ $gt: now }),
      rotatedAt: trusted({ $gt: new Date(now.getTime() - reuseGraceMs) }),
    }).lean();
    return recent ?? undefined;
  }

  /** Ends the session of the presented cookie (its whole family). */
  async end(req: Request, res: Response): Promise<void> {
    const presented = readRefreshCookie(req);
    if (presented) {
      const known = await RefreshTokenModel.findOne({ tokenHash: hashSecretToken(presented) }, { familyId: 1 }).lean();
      if (known) await this.revokeFamily(known.familyId);
    }
    this.clearCookie(res);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await RefreshTokenModel.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  /** After a password reset or change, a disable or a deletion: every refresh token of the user stops working. */
  async revokeAllForUser(userId: Types.ObjectId | string, options: { exceptSession?: string } = {}): Promise<void> {
    await RefreshTokenModel.updateMany(
      { userId, revokedAt: null, ...(options.exceptSession ? { familyId: trusted({ $ne: options.exceptSession }) } : {}) },
      { $set: { revokedAt: new Date() } },
    );
  }

  clearCookie(res: Response): void {
    res.clearCookie(refreshCookieName, this.cookieOptions());
  }
}

function readRefreshCookie(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[refreshCookieName];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}
