import type { Category } from '@shared/catalog/product';
import type { Types } from 'mongoose';
import { CategoryModel } from './category.model';
import { ProductModel } from './product.model';

/** All categories with how many active products each holds, its sub-categories included. */
export async function listCategories(): Promise<Category[]> {
  const [categories, counts] = await Promise.all([
    CategoryModel.find({}, { name: 1, slug: 1, parentId: 1, position: 1 }).sort({ position: 1, name: 1 }).lean(),
    ProductModel.aggregate<{ _id: Types.ObjectId; count: number }>([
      { $match: { status: 'active' } },
      { $unwind: '$categoryPath' },
      { $group: { _id: '$categoryPath', count: { $sum: 1 } } },
    ]),
  ]);
  const countById = new Map(counts.map((entry) => [entry._id.toString(), entry.count]));
  return categories.map((category) => ({
    id: category._id.toString(),
    slug: category.slug,
    name: category.name,
    parentId: category.parentId ? category.parentId.toString() : null,
    productCount: countById.get(category._id.toString()) ?? 0,
  }));
}
