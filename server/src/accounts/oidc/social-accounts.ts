import { emailSchema } from '@shared/accounts/accounts';
import { z } from 'zod';
import { isDuplicateKeyError } from '../../database/errors';
import { UserModel } from '../user.model';

/** Who the provider says signed in: `subject` is stable per provider, the email may change. */
export interface OidcIdentity {
  provider: string;
  subject: string;
  /** Normalised like every email the shop stores; absent when the provider sent none (or a malformed one). */
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

/** A social login that must not go ahead; the message is for the log, never for the browser. */
export class SocialLoginRefused extends Error {
  override readonly name = 'SocialLoginRefused';
}

/**
 * The claims the shop relies on. An optional claim that is malformed counts as absent, and only a
 * boolean `true` counts as a verified email (some providers send the string "true"; a verified
 * email decides which account is signed into, so nothing looser is accepted).
 */
const identityClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: emailSchema.optional().catch(undefined),
  email_verified: z.boolean().optional().catch(undefined),
  name: z
    .string()
    .trim()
    .min(1)
    .transform((name) => name.slice(0, 120))
    .optional()
    .catch(undefined),
});

export function identityFromClaims(provider: string, claims: Record<string, unknown>): OidcIdentity {
  const parsed = identityClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new SocialLoginRefused('the provider sent no usable subject');
  const { sub, email, email_verified, name } = parsed.data;
  return { provider, subject: sub, email, emailVerified: email_verified === true, name };
}

/**
 * The account a social login signs into, in this order: the one already linked to this provider
 * and subject; else the one with the same (verified) email, which gets linked; else a new customer
 * account. Disabled and deleted accounts are refused.
 */
export async function accountForIdentity(identity: OidcIdentity) {
  try {
    return await findOrLinkOrCreate(identity);
  } catch (error) {
    // Two first sign-ins racing with the same email: the unique index let one create the account,
    // and the other now finds it.
    if (isDuplicateKeyError(error)) return findOrLinkOrCreate(identity);
    throw error;
  }
}

async function findOrLinkOrCreate(identity: OidcIdentity) {
  const { provider, subject } = identity;
  // Two dotted conditions can match the provider of one linked identity and the subject of another
  // ($elemMatch would not, but FerretDB v1 lacks it on documents), so the pair is checked here too.
  const candidates = await UserModel.find({ 'oidcIdentities.provider': provider, 'oidcIdentities.subject': subject }).lean();
  const linked = candidates.find((user) => user.oidcIdentities.some((linkedIdentity) => linkedIdentity.provider === provider && linkedIdentity.subject === subject));
  if (linked) return usable(linked);

  if (!identity.email || !identity.emailVerified) {
    throw new SocialLoginRefused('no account is linked to this identity, and the provider did not vouch for its email address');
  }
  const existing = await UserModel.findOne({ email: identity.email }).lean();
  if (existing) {
    usable(existing);
    // $addToSet keeps a concurrent second callback from linking the same identity twice.
    await UserModel.updateOne({ _id: existing._id }, { $addToSet: { oidcIdentities: { provider, subject } } });
    return existing;
  }

  const created = await UserModel.create({
    email: identity.email,
    name: identity.name ?? identity.email.split('@')[0]!.slice(0, 120),
    role: 'customer',
    oidcIdentities: [{ provider, subject }],
  });
  return created.toObject();
}

function usable<User extends { disabled: boolean; deletedAt?: Date | null }>(user: User): User {
  if (user.disabled || user.deletedAt) throw new SocialLoginRefused('the account is disabled or deleted');
  return user;
}
