import { hkdfSync } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';

export const loginStateCookieName = 'shop_oidc';
const lifetimeSeconds = 10 * 60;
const audience = 'mean-shop-oidc-login';

/** What the callback needs to check the provider's answer against the request we sent. */
const loginStateSchema = z.object({
  provider: z.string(),
  codeVerifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  returnTo: z.string(),
});
export type LoginState = z.infer<typeof loginStateSchema>;

/**
 * Carries a social login's PKCE verifier, state and nonce from the redirect to the provider to
 * its callback, in the browser that started it, so no server-side session store is needed. The
 * cookie is an encrypted JWT: the browser can neither read the verifier nor forge any field.
 */
export class LoginStateCookie {
  private readonly key: Uint8Array;

  constructor(
    jwtSecret: string,
    private readonly secure: boolean,
  ) {
    // A key of its own, derived from the JWT secret, so this cookie and an access token can never
    // be taken for one another even though one secret backs both.
    this.key = new Uint8Array(hkdfSync('sha256', jwtSecret, '', 'mean-shop oidc login state', 32));
  }

  private options(): CookieOptions {
    // Lax, not Strict: the provider sends the browser back with a cross-site top-level GET, which
    // Lax cookies accompany. The path keeps the cookie away from every other request.
    return { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/api/auth/oidc' };
  }

  async set(res: Response, state: LoginState): Promise<void> {
    const sealed = await new EncryptJWT({ ...state })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .encrypt(this.key);
    res.cookie(loginStateCookieName, sealed, { ...this.options(), maxAge: lifetimeSeconds * 1000 });
  }

  /** The state of a login started in this browser in the last 10 minutes; undefined for anything else. */
  async read(req: Request): Promise<LoginState | undefined> {
    const sealed = (req.cookies as Record<string, unknown> | undefined)?.[loginStateCookieName];
    if (typeof sealed !== 'string' || sealed.length === 0 || sealed.length > 4096) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, {
        audience,
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        requiredClaims: ['exp'],
      });
      const parsed = loginStateSchema.safeParse(payload);
      return parsed.success ? parsed.data : undefined;
    } catch {
      // Expired, tampered with, or sealed with another secret: the same as no login at all.
      return undefined;
    }
  }

  clear(res: Response): void {
    res.clearCookie(loginStateCookieName, this.options());
  }
}
