import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

/** ~49,000 passwords seen most often in breaches, from zxcvbn-ts's common dictionary. */
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | undefined | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check, so a missing account is not told apart by timing.
    await argon2.verify(timingDummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

const timingDummyHash = await argon2.hash('timing-dummy-password', { type: argon2.argon2id });
