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
