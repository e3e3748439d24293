/** A RegExp source that matches `text` literally: user input never becomes regex syntax. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
