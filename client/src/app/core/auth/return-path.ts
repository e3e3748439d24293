/**
 * Where to go after signing in. Only a path on this site is accepted: `//evil.example` and
 * `/\evil.example` are read by browsers as other hosts, so an open redirect would follow them.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  if (value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and could rebuild `//`.
  if (/\p{Cc}/u.test(value)) return fallback;
  return value;
}
