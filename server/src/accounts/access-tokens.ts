import type { UserRole } from '@shared/accounts/accounts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../http/app-error';

export const accessTokenLifetimeSeconds = 15 * 60;
const issuer = 'mean-shop';
const audience = 'mean-shop-api';
/** One algorithm, pinned: tokens claiming `none` or an asymmetric algorithm are refused. */
const algorithm = 'HS256';

export interface AccessTokenClaims {
  userId: string;
  role: UserRole;
  /** The refresh-token family this token was issued in, so "end my other sessions" can spare it. */
  sessionId: string;
}

export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${accessTokenLifetimeSeconds}s`)
      .sign(this.key);
  }

  /** Throws 401 for anything but a valid, unexpired token of ours. */
  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [algorithm], issuer, audience, requiredClaims: ['sub', 'exp', 'sid'] });
      return { userId: payload.sub!, role: payload['role'] as UserRole, sessionId: String(payload['sid']) };
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw new AppError(401, 'unauthenticated', expired ? 'Your session has expired; please sign in again' : 'Invalid access token');
    }
  }
}
