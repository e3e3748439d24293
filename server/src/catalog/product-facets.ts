import { priceBandLimits, type ProductList } from '@shared/catalog/product';

/**
 * Facets count the products matching every filter except the facet's own, so other choices stay
 * visible. FerretDB v1 has neither `$facet` nor `$bucket`: the counts are grouped by the database
 * or in code (memory-catalog.ts, database-catalog.ts) and finished here.
 */
export interface FacetGroup {
  categoryId: string;
  sellerId: string | null;
  price: number;
  available: number;
  /** How many products the group stands for; one product when absent. */
  count?: number;
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

/** A facet, and the filter of the same name. */
export type Dimension = 'category' | 'seller' | 'price' | 'inStock';

export function matches(group: FacetGroup, filters: FacetFilters, except?: Dimension): boolean {
  if (except !== 'category' && filters.categoryIds && !filters.categoryIds.has(group.categoryId)) return false;
  if (except !== 'seller' && filters.sellerId !== undefined && group.sellerId !== filters.sellerId) return false;
  if (except !== 'price' && filters.minPrice !== undefined && group.price < filters.minPrice) return false;
  if (except !== 'price' && filters.maxPrice !== undefined && group.price > filters.maxPrice) return false;
  if (except !== 'inStock' && filters.inStock && group.available <= 0) return false;
  return true;
}

/** The band of `priceBandLimits` a price falls in. */
export function priceBandOf(price: number): number {
  return priceBandLimits.findLastIndex((min) => price >= min);
}

/**
 * Raw facet counts, each leaving out its own filter; how they are counted depends on where the
 * listing comes from (see catalog-source.ts), how they are shown does not.
 */
export interface FacetCounts {
  /** Per category id, each product in its own category only: `presentFacets` rolls them up. */
  byCategory: ReadonlyMap<string, number>;
  /** Per seller id, `null` for the shop's own products. */
  bySeller: ReadonlyMap<string | null, number>;
  /** One count per band of `priceBandLimits`. */
  byPriceBand: readonly number[];
  inStock: number;
}

/**
 * Facet counts of grouped products, in code, in one pass that allocates nothing per group (it
 * runs over the whole in-memory catalogue): a group that passes every filter counts in every
 * facet; one that fails a single filter counts only in that filter's own facet.
 */
export function countFacets(groups: Iterable<FacetGroup>, filters: FacetFilters): FacetCounts {
  const byCategory = new Map<string, number>();
  const bySeller = new Map<string | null, number>();
  const byPriceBand = priceBandLimits.map(() => 0);
  let inStock = 0;
  for (const group of groups) {
    const failedCategory = filters.categoryIds !== undefined && !filters.categoryIds.has(group.categoryId);
    const failedSeller = filters.sellerId !== undefined && group.sellerId !== filters.sellerId;
    const failedPrice = (filters.minPrice !== undefined && group.price < filters.minPrice) || (filters.maxPrice !== undefined && group.price > filters.maxPrice);
    const failedInStock = filters.inStock === true && group.available <= 0;
    const failures = Number(failedCategory) + Number(failedSeller) + Number(failedPrice) + Number(failedInStock);
    if (failures > 1) continue;
    const only: Dimension | undefined = failedCategory ? 'category' : failedSeller ? 'seller' : failedPrice ? 'price' : failedInStock ? 'inStock' : undefined;
    const count = group.count ?? 1;
    if (only === undefined || only === 'category') byCategory.set(group.categoryId, (byCategory.get(group.categoryId) ?? 0) + count);
    if (only === undefined || only === 'seller') bySeller.set(group.sellerId, (bySeller.get(group.sellerId) ?? 0) + count);
    if (only === undefined || only === 'price') byPriceBand[priceBandOf(group.price)]! += count;
    if ((only === undefined || only === 'inStock') && group.available > 0) inStock += count;
  }
  return { byCategory, bySeller, byPriceBand, inStock };
}

/**
 * Counts per category with each product counted in its own category and in every ancestor, as a
 * category filter includes its sub-categories.
 */
export function rollUpCategoryCounts(byOwnCategory: ReadonlyMap<string, number>, parentOf: (categoryId: string) => string | null | undefined): Map<string, number> {
  const rolledUp = new Map<string, number>();
  for (const [categoryId, count] of byOwnCategory) {
    for (let id: string | null | undefined = categoryId; id; id = parentOf(id)) rolledUp.set(id, (rolledUp.get(id) ?? 0) + count);
  }
  return rolledUp;
}

/** The facets as the API answers them: categories rolled up to their parents, names, bands, most first. */
export function presentFacets(
  counts: FacetCounts,
  categories: ReadonlyMap<string, FacetCategory>,
  sellerNames: ReadonlyMap<string, string>,
  shopName: string,
): ProductList['facets'] {
  const categoryCounts = rollUpCategoryCounts(counts.byCategory, (id) => categories.get(id)?.parentId);
  return {
    categories: [...categoryCounts]
      .flatMap(([id, count]) => {
        const category = categories.get(id);
        if (!category) return [];
        const parentSlug = category.parentId ? (categories.get(category.parentId)?.slug ?? null) : null;
        return [{ slug: category.slug, name: category.name, parentSlug, count }];
      })
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    sellers: [...counts.bySeller]
      .map(([id, count]) => ({ id: id ?? 'shop', name: id ? (sellerNames.get(id) ?? 'Marketplace seller') : shopName, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    priceBands: priceBandLimits.map((min, band) => ({ min, max: priceBandLimits[band + 1] ?? null, count: counts.byPriceBand[band] ?? 0 })),
    inStock: counts.inStock,
  };
}
