import { type Types } from 'mongoose';
import { CategoryModel } from '../src/catalog/category.model';
import { ProductModel } from '../src/catalog/product.model';
import { searchTermsFor } from '../src/catalog/search-terms';
import { slugify } from '../src/seed/seed';
import type { TestShop } from './test-shop';

let sequence = 0;

// Fixtures write to the database directly, so they tell the shop what changed, as its services do.

export async function createCategory(shop: TestShop, name: string, parent?: { _id: Types.ObjectId }) {
  const category = await CategoryModel.create({ name, slug: slugify(name), parentId: parent?._id ?? null });
  await shop.shop.events.publish('categories.changed', { productsChanged: false });
  return category;
}

export interface ProductFixture {
  title?: string;
  category: { _id: Types.ObjectId; parentId?: Types.ObjectId | null };
  price?: number;
  compareAtPrice?: number;
  stock?: number;
  reserved?: number;
  status?: 'draft' | 'active' | 'archived';
  soldCount?: number;
  createdAt?: Date;
  sellerId?: Types.ObjectId;
}

/** Inserts a product as the admin API would store it; only what a spec cares about must be given. */
export async function createProduct(shop: TestShop, fixture: ProductFixture) {
  sequence += 1;
  const title = fixture.title ?? `Fixture product ${sequence}`;
  const createdAt = fixture.createdAt ?? new Date(Date.UTC(2026, 0, 1) + sequence * 60_000);
  const stock = fixture.stock ?? 10;
  const reserved = fixture.reserved ?? 0;
  const [product] = await ProductModel.insertMany(
    [
      {
        title,
        slug: `${slugify(title)}-${sequence}`,
        description: `Description of ${title}`,
        categoryId: fixture.category._id,
        categoryPath: [...(fixture.category.parentId ? [fixture.category.parentId] : []), fixture.category._id],
        price: { amount: fixture.price ?? 1000, currency: 'EUR' },
        ...(fixture.compareAtPrice ? { compareAtPrice: { amount: fixture.compareAtPrice, currency: 'EUR' } } : {}),
        status: fixture.status ?? 'active',
        stock,
        reserved,
        available: stock - reserved,
        soldCount: fixture.soldCount ?? 0,
        sellerId: fixture.sellerId ?? null,
        searchTerms: searchTermsFor(title, `Description of ${title}`),
        createdAt,
        updatedAt: createdAt,
      },
    ],
    { timestamps: false },
  );
  await shop.shop.events.publish('product.changed', { productId: product!._id.toString() });
  return product!;
}
