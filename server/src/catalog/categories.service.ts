import type { Category } from '@shared/catalog/product';
import type { CatalogSource } from './catalog-source';
import { rollUpCategoryCounts } from './product-facets';

/** All categories with how many active products each holds, its sub-categories included. */
export async function listCategories(catalog: CatalogSource): Promise<Category[]> {
  const [categories, ownCounts] = await Promise.all([catalog.categories(), catalog.countActiveByCategory()]);
  const parents = new Map(categories.map((category) => [category.id, category.parentId]));
  const counts = rollUpCategoryCounts(ownCounts, (id) => parents.get(id));
  return categories.map((category) => ({
    id: category.id,
    slug: category.slug,
    name: category.name,
    parentId: category.parentId,
    productCount: counts.get(category.id) ?? 0,
  }));
}
