import { sellerApiKeyPattern, type SellerApiScope } from '@shared/sellers/seller-api';
import type { Request, RequestHandler } from 'express';
import type { Types } from 'mongoose';
import { UserModel } from '../accounts/user.model';
import type { AuthenticatedUser } from '../accounts/authenticator';
import { AppError } from '../http/app-error';
import type { ApiKeyAuthenticator } from '../http/api-routes';
import { SellerModel } from '../sellers/seller.model';
import { SellerApiKeyModel } from './seller-api-key.model';
import { hashSellerApiKey } from './seller-api-keys.service';

/** The key a Seller API request authenticated with; absent when the seller signed in with a session. */
export interface AuthenticatedSellerApiKey {
  id: string;
  sellerId: Types.ObjectId;
  scopes: SellerApiScope[];
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the Seller API's key authentication. */
    sellerApiKey?: AuthenticatedSellerApiKey;
  }
}

/** `lastUsedAt` is written at most this often per key, to spare a write on every request. */
export const lastUsedPrecisionMs = 60_000;

const cannotSell = () => new AppError(403, 'forbidden', 'This seller account may not sell now');

/**
 * The seller may use the seller routes: an approved seller record (suspended or pending is 403)
 * and, for a key, a user that still exists, is enabled and is a seller. Equalities on `_id` only.
 */
export async function assertSellerInGoodStanding(sellerId: Types.ObjectId): Promise<void> {
  const seller = await SellerModel.findById(sellerId, { status: 1 }).lean();
  if (seller?.status !== 'approved') throw cannotSell();
}

/**
 * For every seller route, after authentication: the seller is in good standing. A key's seller was
 * checked when the key authenticated, a session's is checked here.
 */
export const requireSellerInGoodStanding: RequestHandler = async (req, _res, next) => {
  if (!req.sellerApiKey) await assertSellerInGoodStanding(req.user!._id);
  next();
};

/** For routes that admins call too: a seller must be in good standing, an admin has no seller record. */
export const sellersInGoodStanding: RequestHandler = (req, res, next) => (req.user?.role === 'seller' ? requireSellerInGoodStanding(req, res, next) : next());

/** Only `msk_…` is a key; any other bearer token is a session's access token. */
export const isSellerApiKeyRequest = (req: Request): boolean => /^Bearer msk_/.test(req.get('authorization') ?? '');

/**
 * Authenticates `Authorization: Bearer msk_…` for the routes that take a key: the key is looked up
 * by its SHA-256 (an indexed equality), unknown or revoked is 401, a seller not in good standing
 * 403, a key without the route's scope 403. The key's seller becomes the request's user, so a
 * route serves a key and a session alike. Then `lastUsedAt` is brought up to date when it is older
 * than a minute, guarded by the value read, so concurrent requests write it once.
 */
export const sellerApiKeys: ApiKeyAuthenticator = {
  matches: isSellerApiKeyRequest,
  async authenticate(req, scope): Promise<AuthenticatedUser> {
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    const secret = match?.[1];
    if (!secret || !sellerApiKeyPattern.test(secret)) throw new AppError(401, 'unauthenticated', 'Send a Seller API key: `Authorization: Bearer msk_…`');
    const key = await SellerApiKeyModel.findOne({ keyHash: hashSellerApiKey(secret) }, { sellerId: 1, scopes: 1, revokedAt: 1, lastUsedAt: 1 }).lean();
    if (!key || key.revokedAt) throw new AppError(401, 'unauthenticated', 'This API key is unknown or has been revoked');
    const [user] = await Promise.all([
      UserModel.findOne({ _id: key.sellerId, disabled: false, deletedAt: null }, { email: 1, name: 1, role: 1 }).lean(),
      assertSellerInGoodStanding(key.sellerId),
    ]);
    if (user?.role !== 'seller') throw cannotSell();
    const scopes = key.scopes as SellerApiScope[];
    if (!scopes.includes(scope)) throw new AppError(403, 'forbidden', `This API key lacks the \`${scope}\` scope`);
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
      await SellerApiKeyModel.updateOne({ _id: key._id, lastUsedAt: key.lastUsedAt ?? null }, { $set: { lastUsedAt: now } }, { timestamps: false });
    }
    req.sellerApiKey = { id: key._id.toString(), sellerId: key.sellerId, scopes };
    return { id: user._id.toString(), _id: user._id, email: user.email, name: user.name, role: user.role, sessionId: `seller-api-key:${key._id.toString()}` };
  },
};
