/** A query parameter bound to a component input, as typed and trimmed; empty is no filter. */
export function queryText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
