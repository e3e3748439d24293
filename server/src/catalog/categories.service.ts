import type { Category } from '@shared/catalog/product';
import { CategoryModel } from './category.model';
import { countActiveProductsByCategory } from './listing-sources';
import { rollUpCategoryCounts } from './product-facets';

/** All categories with how many active products each holds, its sub-categories included. */
export async function listCategories(): Promise<Category[]> {
  const [categories, ownCounts] = await Promise.all([
    CategoryModel.find({}, { name: 1, slug: 1, parentId: 1, position: 1 }).sort({ position: 1, name: 1 }).lean(),
    countActiveProductsByCategory(),
  ]);
  const parents = new Map(categories.map((category) => [category._id.toString(), category.parentId?.toString() ?? null]));
  const counts = rollUpCategoryCounts(ownCounts, (id) => parents.get(id));
  return categories.map((category) => ({
    id: category._id.toString(),
    slug: category.slug,
    name: category.name,
    parentId: category.parentId ? category.parentId.toString() : null,
    productCount: counts.get(category._id.toString()) ?? 0,
  }));
}
