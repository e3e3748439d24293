import { chooseListingSource } from './listing-sources';

describe('Listing source', () => {
  it('answers from memory on FerretDB and from the database on MongoDB, unless told otherwise', () => {
    expect(chooseListingSource('auto', 'ferretdb')).toBe('memory');
    expect(chooseListingSource('auto', 'mongodb')).toBe('database');
    expect(chooseListingSource('database', 'ferretdb')).toBe('database');
    expect(chooseListingSource('memory', 'mongodb')).toBe('memory');
  });
});
