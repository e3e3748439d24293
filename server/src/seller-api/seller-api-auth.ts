import { sellerApiKeyPattern, type SellerApiScope } from '@shared/sellers/seller-api';
import type { Request, RequestHandler } from 'express';
import type { Types } from 'mongoose';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../http/app-error';
import { SellerModel } from '../sellers/seller.model';
import { SellerApiKeyModel } from './seller-api-key.model';
import { hashSellerApiKey } from './seller-api-keys.service';

/** The key a Seller API request authenticated with. */
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

const cannotSell = () => new AppError(403, 'forbidden', 'This seller account may not use the Seller API now');

/**
 * The seller may use the API: an approved seller record (suspended or pending is 403) and, for a
 * key, a user that still exists, is enabled and is a seller. Equalities on `_id` only.
 */
export async function assertSellerInGoodStanding(sellerId: Types.ObjectId, options: { checkUser: boolean }): Promise<void> {
  const [seller, user] = await Promise.all([
    SellerModel.findById(sellerId, { status: 1 }).lean(),
    options.checkUser ? UserModel.findOne({ _id: sellerId, disabled: false, deletedAt: null }, { role: 1 }).lean() : Promise.resolve({ role: 'seller' as const }),
  ]);
  if (!seller || seller.status !== 'approved' || user?.role !== 'seller') throw cannotSell();
}

/** For the session routes, after `auth: { roles: ['seller'] }`: the signed-in seller is in good standing. */
export const requireSellerInGoodStanding: RequestHandler = async (req, _res, next) => {
  await assertSellerInGoodStanding(req.user!._id, { checkUser: false });
  next();
};

function keyFrom(req: Request): string {
  const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
  const key = match?.[1];
  if (!key || !sellerApiKeyPattern.test(key)) {
    throw new AppError(401, 'unauthenticated', 'Send a Seller API key: `Authorization: Bearer msk_…`');
  }
  return key;
}

/**
 * Authenticates `Authorization: Bearer msk_…`: the key is looked up by its SHA-256 (an indexed
 * equality), unknown or revoked is 401, a seller not in good standing 403, a key without `scope`
 * 403. Then `lastUsedAt` is brought up to date when it is older than a minute, guarded by the value
 * read, so concurrent requests write it once.
 */
export function sellerApiKeyAuth(scope: SellerApiScope): RequestHandler {
  return async (req, _res, next) => {
    const key = await SellerApiKeyModel.findOne({ keyHash: hashSellerApiKey(keyFrom(req)) }, { sellerId: 1, scopes: 1, revokedAt: 1, lastUsedAt: 1 }).lean();
    if (!key || key.revokedAt) throw new AppError(401, 'unauthenticated', 'This API key is unknown or has been revoked');
    await assertSellerInGoodStanding(key.sellerId, { checkUser: true });
    const scopes = key.scopes as SellerApiScope[];
    if (!scopes.includes(scope)) throw new AppError(403, 'forbidden', `This API key lacks the \`${scope}\` scope`);
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
      await SellerApiKeyModel.updateOne({ _id: key._id, lastUsedAt: key.lastUsedAt ?? null }, { $set: { lastUsedAt: now } }, { timestamps: false });
    }
    req.sellerApiKey = { id: key._id.toString(), sellerId: key.sellerId, scopes };
    next();
  };
}
