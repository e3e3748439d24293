import { trusted, type QueryFilter } from 'mongoose';
import { escapeRegex } from '../database/literal-pattern';
import type { ProductDocument } from './product.model';

/**
 * Search terms are stored on write because FerretDB has no $text index: lower-cased, accents
 * removed, split on anything that is not a letter or digit, each word once.
 */
export function searchTermsFor(...texts: Array<string | undefined>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of normaliseForSearch(text).split(/[^\p{L}\p{N}]+/u)) {
      if (word.length > 0) words.add(word);
    }
  }
  return [...words];
}

export function normaliseForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search, as stored search terms are made. */
export function searchWords(query: string | undefined): string[] {
  return query ? searchTermsFor(query).slice(0, 10) : [];
}

/**
 * Each search word must start a stored search term: `$and` of anchored regexes, because FerretDB
 * v1 silently matches nothing for `$all` with regexes.
 */
export function searchTermsFilter(words: string[]): QueryFilter<ProductDocument> {
  return words.length > 0 ? { $and: trusted(words.map((word) => ({ searchTerms: new RegExp(`^${escapeRegex(word)}`) }))) } : {};
}
