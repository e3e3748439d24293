import { safeReturnPath } from './return-path';

describe('Return path after a social login', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnPath('/orders?page=2#latest')).toBe('/orders?page=2#latest');
    expect(safeReturnPath('/')).toBe('/');
  });

  it('turns anything that a browser would read as another site, or not a path at all, into /', () => {
    const offSite = ['//evil.example', '/\\evil.example', '/\t/evil.example', '/a/../..//evil.example', '/.\\/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'orders', ''];
    for (const value of offSite) expect(safeReturnPath(value)).withContext(JSON.stringify(value)).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
