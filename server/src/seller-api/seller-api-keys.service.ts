import { createHash, randomBytes } from 'node:crypto';
import { maxLiveSellerApiKeys, sellerApiScopes, type CreatedSellerApiKey, type SellerApiKey, type SellerApiScope } from '@shared/sellers/seller-api';
import { trusted, type Types } from 'mongoose';
import { AppError } from '../http/app-error';
import { SellerApiKeyModel, SellerApiKeyQuotaModel, type SellerApiKeyDocument } from './seller-api-key.model';

const keyPrefix = 'msk_';
/** `msk_` and the first 8 random characters: enough to tell a seller's keys apart, far too little to guess the rest. */
const displayPrefixLength = keyPrefix.length + 8;

/** The only form in which a key is stored or looked up. */
export function hashSellerApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function newSecret(): string {
  return `${keyPrefix}${randomBytes(24).toString('base64url')}`;
}

export function toSellerApiKey(key: SellerApiKeyDocument): SellerApiKey {
  return {
    id: key._id.toString(),
    name: key.name,
    scopes: key.scopes as SellerApiScope[],
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt ? key.lastUsedAt.toISOString() : null,
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

/**
 * Makes a key for the seller and returns it with its secret, which is never readable again.
 * At most `maxLiveSellerApiKeys` live keys: a slot is taken by a guarded increment first (FerretDB
 * serialises it on its one connection, MongoDB applies it atomically), then the key is written.
 */
export async function createSellerApiKey(sellerId: Types.ObjectId, input: { name: string; scopes: SellerApiScope[] }): Promise<CreatedSellerApiKey> {
  await SellerApiKeyQuotaModel.updateOne({ _id: sellerId }, { $setOnInsert: { live: 0 } }, { upsert: true });
  const slot = await SellerApiKeyQuotaModel.updateOne({ _id: sellerId, live: trusted({ $lt: maxLiveSellerApiKeys }) }, { $inc: { live: 1 } });
  if (slot.modifiedCount !== 1) throw AppError.conflict(`A seller may hold at most ${maxLiveSellerApiKeys} live API keys; revoke one first`);
  const secret = newSecret();
  // Scopes in their canonical order, whatever order they were asked in.
  const scopes = sellerApiScopes.filter((scope) => input.scopes.includes(scope));
  try {
    const key = await SellerApiKeyModel.create({ sellerId, name: input.name, scopes, keyHash: hashSellerApiKey(secret), prefix: secret.slice(0, displayPrefixLength) });
    return { ...toSellerApiKey(key.toObject()), key: secret };
  } catch (error) {
    await SellerApiKeyQuotaModel.updateOne({ _id: sellerId, live: trusted({ $gt: 0 }) }, { $inc: { live: -1 } });
    throw error;
  }
}

/** The seller's keys, newest first, revoked ones included; one equality on `sellerId`. */
export async function listSellerApiKeys(sellerId: Types.ObjectId): Promise<SellerApiKey[]> {
  const keys = await SellerApiKeyModel.find({ sellerId }, { keyHash: 0 }).lean<SellerApiKeyDocument[]>();
  return keys.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b._id.toString().localeCompare(a._id.toString())).map(toSellerApiKey);
}

/**
 * Revokes one of the seller's own keys; another seller's key, or none, is 404. Revoking a revoked
 * key changes nothing. The guard on `revokedAt` frees the slot exactly once.
 */
export async function revokeSellerApiKey(sellerId: Types.ObjectId, keyId: string): Promise<void> {
  const key = await SellerApiKeyModel.findOne({ _id: keyId, sellerId }, { revokedAt: 1 }).lean();
  if (!key) throw AppError.notFound('API key');
  const { modifiedCount } = await SellerApiKeyModel.updateOne({ _id: key._id, sellerId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  if (modifiedCount === 1) await SellerApiKeyQuotaModel.updateOne({ _id: sellerId, live: trusted({ $gt: 0 }) }, { $inc: { live: -1 } });
}
