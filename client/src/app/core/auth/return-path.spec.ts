import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeReturnPath('/account')).toBe('/account');
    expect(safeReturnPath('/?page=2#catalogue')).toBe('/?page=2#catalogue');
  });

  it('falls back to the home page for anything that could leave the site', () => {
    for (const value of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'account', '/\t/evil.example', '', undefined, null, 42]) {
      expect(safeReturnPath(value)).withContext(String(value)).toBe('/');
    }
  });
});
