const placeholderOrigin = 'http://return-path.invalid';

/**
 * Where to send the shopper after a social login: a path on this site, else `/`. `//evil.example`
 * and `/\evil.example` are read by browsers as other hosts, and control characters are dropped by
 * URL parsers (so `/\t/evil.example` becomes `//evil.example`): all of them would make the shop an
 * open redirect. The client applies the same rule (client/src/app/core/auth/return-path.ts).
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /\p{Cc}/u.test(value)) return '/';
  const url = new URL(value, placeholderOrigin);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments and backslashes can still normalise into `//` (`/a/../..//evil.example`).
  return url.origin === placeholderOrigin && !path.startsWith('//') ? path : '/';
}
