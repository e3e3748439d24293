import { trusted, type Types } from 'mongoose';
import { OneTimeTokenModel, type OneTimeTokenPurpose } from './one-time-token.model';
import { hashSecretToken, newSecretToken } from './secret-tokens';

/** Creates a mailed token; only its hash is stored. Returns the token to put in the link. */
export async function issueOneTimeToken(
  purpose: OneTimeTokenPurpose,
  userId: Types.ObjectId,
  lifetimeMs: number,
  extra: { newEmail?: string } = {},
): Promise<string> {
  const { token, hash } = newSecretToken();
  await OneTimeTokenModel.create({ tokenHash: hash, purpose, userId, expiresAt: new Date(Date.now() + lifetimeMs), ...extra });
  return token;
}

/**
 * Spends a token: one guarded update marks it used, so it works once even when two requests
 * present it at the same time. Returns undefined for unknown, used or expired tokens.
 */
export async function consumeOneTimeToken(purpose: OneTimeTokenPurpose, token: string) {
  const now = new Date();
  const claimed = await OneTimeTokenModel.findOneAndUpdate(
    { tokenHash: hashSecretToken(token), purpose, usedAt: null, expiresAt: trusted({ $gt: now }) },
    { $set: { usedAt: now } },
  ).lean();
  return claimed ?? undefined;
}
