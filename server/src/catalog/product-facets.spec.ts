import { countFacets, matches, presentFacets, type FacetCategory, type FacetFilters, type FacetGroup } from './product-facets';

function computeFacets(groups: FacetGroup[], filters: FacetFilters, categories: ReadonlyMap<string, FacetCategory>, sellerNames: ReadonlyMap<string, string>, shopName: string) {
  return presentFacets(countFacets(groups, filters), categories, sellerNames, shopName);
}

function countMatching(groups: FacetGroup[], filters: FacetFilters): number {
  return groups.filter((group) => matches(group, filters)).reduce((total, group) => total + (group.count ?? 1), 0);
}

describe('Product facets', () => {
  const categories = new Map<string, FacetCategory>([
    ['electronics', { id: 'electronics', slug: 'electronics', name: 'Electronics', parentId: null }],
    ['audio', { id: 'audio', slug: 'audio', name: 'Audio', parentId: 'electronics' }],
    ['books', { id: 'books', slug: 'books', name: 'Books', parentId: null }],
  ]);
  const groups: FacetGroup[] = [
    { categoryId: 'audio', sellerId: null, price: 1999, available: 5, count: 2 },
    { categoryId: 'audio', sellerId: 's1', price: 29_999, available: 0, count: 1 },
    { categoryId: 'electronics', sellerId: 's1', price: 4999, available: 0, count: 1 },
    { categoryId: 'books', sellerId: null, price: 1299, available: 30, count: 3 },
  ];
  const sellers = new Map([['s1', 'Sam Seller']]);

  it('counts every product when nothing is filtered, rolling categories up to their parents', () => {
    const facets = computeFacets(groups, {}, categories, sellers, 'MEAN Shop');
    expect(facets.categories).toEqual([
      { slug: 'electronics', name: 'Electronics', parentSlug: null, count: 4 },
      { slug: 'audio', name: 'Audio', parentSlug: 'electronics', count: 3 },
      { slug: 'books', name: 'Books', parentSlug: null, count: 3 },
    ]);
    expect(facets.sellers).toEqual([{ id: 'shop', name: 'MEAN Shop', count: 5 }, { id: 's1', name: 'Sam Seller', count: 2 }]);
    expect(facets.priceBands.map((band) => band.count)).toEqual([5, 1, 0, 0, 1, 0]);
    expect(facets.priceBands[0]).toEqual({ min: 0, max: 2500, count: 5 });
    expect(facets.priceBands.at(-1)).toEqual({ min: 50_000, max: null, count: 0 });
    expect(facets.inStock).toBe(5);
  });

  it('leaves a facet\'s own filter out of its counts, and applies the others', () => {
    const filters = { categoryIds: new Set(['electronics', 'audio']), inStock: true };
    const facets = computeFacets(groups, filters, categories, sellers, 'MEAN Shop');
    // Categories ignore the category filter but honour inStock.
    expect(facets.categories.find((category) => category.slug === 'books')?.count).toBe(3);
    expect(facets.categories.find((category) => category.slug === 'electronics')?.count).toBe(2);
    // In-stock ignores inStock but honours the category.
    expect(facets.inStock).toBe(2);
    expect(facets.sellers).toEqual([{ id: 'shop', name: 'MEAN Shop', count: 2 }]);
    expect(countMatching(groups, filters)).toBe(2);
  });

  it('filters by seller, with null meaning the shop itself, and by an inclusive price range', () => {
    expect(countMatching(groups, { sellerId: null })).toBe(5);
    expect(countMatching(groups, { sellerId: 's1' })).toBe(2);
    expect(countMatching(groups, { minPrice: 1999, maxPrice: 4999 })).toBe(3);
  });
});
