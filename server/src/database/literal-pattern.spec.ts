import { escapeRegex } from './literal-pattern';

describe('escapeRegex', () => {
  const everyAsciiCharacter = String.fromCharCode(...Array.from({ length: 128 }, (_, code) => code));
  const texts = [everyAsciiCharacter, '.*', 'a+b (c) [d] {1,2} ^$ | \\ ?', 'nul\u0000byte', '\u2028line separator', 'émoji 😀', 'x'.repeat(5000)];

  it('makes a pattern that matches the text itself and nothing else', () => {
    for (const text of texts) {
      const pattern = new RegExp(`^${escapeRegex(text)}$`, 'u');
      expect(pattern.test(text)).withContext(JSON.stringify(text.slice(0, 40))).toBeTrue();
      expect(pattern.test(`${text}x`)).toBeFalse();
    }
    expect(new RegExp(escapeRegex('.*')).test('anything')).toBeFalse();
  });

  it('leaves no control character in the pattern, since BSON ends a pattern at a NUL', () => {
    const source = escapeRegex(everyAsciiCharacter);
    const controls = [...source].filter((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
    expect(controls).toEqual([]);
    expect(escapeRegex('a\u0000b')).toBe('a\\x00b');
  });
});
