import { priceBandLimits, type ProductList } from '@shared/catalog/product';

/**
 * Facet counts are computed in code from the products that match the search (see catalog-index.ts):
 * FerretDB v1 has neither `$facet` nor `$bucket`. Each facet counts the products matching every
 * filter except its own.
 */
export interface FacetGroup {
  categoryId: string;
  sellerId: string | null;
  price: number;
  available: number;
  count: number;
}

export interface FacetFilters {
  /** The chosen category and all its descendants. */
  categoryIds?: ReadonlySet<string>;
  /** A seller id, or null for the shop's own products. */
  sellerId?: string | null;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

export interface FacetCategory {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
}

type Dimension = 'category' | 'seller' | 'price' | 'inStock';

export function matches(group: FacetGroup, filters: FacetFilters, except?: Dimension): boolean {
  if (except !== 'category' && filters.categoryIds && !filters.categoryIds.has(group.categoryId)) return false;
  if (except !== 'seller' && filters.sellerId !== undefined && group.sellerId !== filters.sellerId) return false;
  if (except !== 'price' && filters.minPrice !== undefined && group.price < filters.minPrice) return false;
  if (except !== 'price' && filters.maxPrice !== undefined && group.price > filters.maxPrice) return false;
  if (except !== 'inStock' && filters.inStock && group.available <= 0) return false;
  return true;
}

function sum(groups: FacetGroup[]): number {
  return groups.reduce((total, group) => total + group.count, 0);
}

export function countMatching(groups: FacetGroup[], filters: FacetFilters): number {
  return sum(groups.filter((group) => matches(group, filters)));
}

export function computeFacets(
  groups: FacetGroup[],
  filters: FacetFilters,
  categories: ReadonlyMap<string, FacetCategory>,
  sellerNames: ReadonlyMap<string, string>,
  shopName: string,
): ProductList['facets'] {
  const categoryCounts = new Map<string, number>();
  for (const group of groups.filter((candidate) => matches(candidate, filters, 'category'))) {
    // A product counts in its category and in every ancestor, as the category filter includes children.
    for (let id: string | null = group.categoryId; id; id = categories.get(id)?.parentId ?? null) {
      categoryCounts.set(id, (categoryCounts.get(id) ?? 0) + group.count);
    }
  }
  const sellerCounts = new Map<string | null, number>();
  for (const group of groups.filter((candidate) => matches(candidate, filters, 'seller'))) {
    sellerCounts.set(group.sellerId, (sellerCounts.get(group.sellerId) ?? 0) + group.count);
  }
  const pricedGroups = groups.filter((candidate) => matches(candidate, filters, 'price'));

  return {
    categories: [...categoryCounts]
      .flatMap(([id, count]) => {
        const category = categories.get(id);
        if (!category) return [];
        const parentSlug = category.parentId ? (categories.get(category.parentId)?.slug ?? null) : null;
        return [{ slug: category.slug, name: category.name, parentSlug, count }];
      })
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    sellers: [...sellerCounts]
      .map(([id, count]) => ({ id: id ?? 'shop', name: id ? (sellerNames.get(id) ?? 'Marketplace seller') : shopName, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    priceBands: priceBandLimits.map((min, index) => {
      const max = priceBandLimits[index + 1] ?? null;
      return { min, max, count: sum(pricedGroups.filter((group) => group.price >= min && (max === null || group.price < max))) };
    }),
    inStock: sum(groups.filter((group) => matches(group, filters, 'inStock') && group.available > 0)),
  };
}
