import type { CartNotice } from '@shared/cart/cart';
import type { CookieOptions, Request, Response } from 'express';
import type { AuthenticatedUser } from '../accounts/authenticator';
import { hashSecretToken, newSecretToken } from '../accounts/secret-tokens';
import type { Carts } from './carts.service';

export const guestCartCookie = 'meanshop_cart';
export const guestCartLifetimeDays = 30;
const guestCartLifetimeMs = guestCartLifetimeDays * 24 * 60 * 60 * 1000;

export interface CartOwnership {
  /** The cart's owner key, or undefined for a guest who has no cart yet. */
  owner: string | undefined;
  /** Set for a guest: checkout scopes idempotency keys to the cart, since there is no user. */
  guest: boolean;
  /** What a merge on sign-in changed, to tell the shopper once. */
  notices: CartNotice[];
}

/**
 * Whose cart a request works on. A signed-in shopper's own; a guest's is named by an httpOnly
 * cookie holding a random token, stored only as its hash. When a signed-in request still carries a
 * guest cookie — the first one after signing in — the guest cart is merged into the user's and the
 * cookie is cleared.
 */
export class CartOwners {
  constructor(
    private readonly carts: Carts,
    private readonly secureCookies: boolean,
  ) {}

  async of(req: Request, res: Response, user: AuthenticatedUser | undefined): Promise<CartOwnership> {
    const guestToken = guestTokenOf(req);
    if (!user) return { owner: guestToken ? guestOwner(guestToken) : undefined, guest: true, notices: [] };
    const owner = `user:${user.id}`;
    if (!guestToken) return { owner, guest: false, notices: [] };
    const notices = await this.carts.merge(guestOwner(guestToken), owner);
    res.clearCookie(guestCartCookie, this.cookieOptions());
    return { owner, guest: false, notices };
  }

  /** The owner to write to: a guest without a cart gets one now, and the cookie naming it. */
  async forWriting(req: Request, res: Response, user: AuthenticatedUser | undefined): Promise<CartOwnership & { owner: string }> {
    const ownership = await this.of(req, res, user);
    if (ownership.owner) return { ...ownership, owner: ownership.owner };
    const { token } = newSecretToken();
    res.cookie(guestCartCookie, token, { ...this.cookieOptions(), maxAge: guestCartLifetimeMs });
    return { ...ownership, owner: guestOwner(token) };
  }

  private cookieOptions(): CookieOptions {
    // Lax, not strict: a shopper arriving from a link or an e-mail still finds their cart.
    return { httpOnly: true, secure: this.secureCookies, sameSite: 'lax', path: '/api' };
  }
}

function guestTokenOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[guestCartCookie];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

function guestOwner(token: string): string {
  return `guest:${hashSecretToken(token)}`;
}
