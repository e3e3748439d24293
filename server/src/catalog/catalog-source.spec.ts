import { chooseCatalogSource } from './catalog-source';

describe('Catalogue source', () => {
  it('answers from memory on FerretDB and from the database on MongoDB, unless told otherwise', () => {
    expect(chooseCatalogSource('auto', 'ferretdb')).toBe('memory');
    expect(chooseCatalogSource('auto', 'mongodb')).toBe('database');
    expect(chooseCatalogSource('database', 'ferretdb')).toBe('database');
    expect(chooseCatalogSource('memory', 'mongodb')).toBe('memory');
  });
});
