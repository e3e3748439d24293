import { randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a number read out over the phone is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A human-readable order number such as `MS-7K3Q-9XWD`: random rather than counted, so it tells
 * nobody how many orders the shop has, with 32⁸ (about 10¹²) of them; the unique index on
 * `number` turns the rare repeat into a retry.
 */
export function newOrderNumber(): string {
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `MS-${part()}-${part()}`;
}
