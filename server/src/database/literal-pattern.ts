/**
 * A RegExp source that matches `text` literally: user input never becomes regex syntax. Control
 * characters are written as `\xHH` escapes, which JavaScript, MongoDB's PCRE and FerretDB's Go
 * regexp all read alike: BSON stores a pattern as a C string, which a NUL would end, so the
 * driver refuses to send a pattern that contains one.
 */
export function escapeRegex(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    .replace(/[\u0000-\u001f\u007f]/g, (control) => `\\x${control.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
