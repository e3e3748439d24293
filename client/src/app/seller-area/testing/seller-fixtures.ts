import type { AdminProduct, AdminProductList, Category } from '@shared/catalog/product';

export const lanternId = 'a00000000000000000000001';
export const mugId = 'a00000000000000000000002';
export const sellerId = '64b000000000000000000003';

export const categories: Category[] = [
  { id: 'c00000000000000000000001', slug: 'home', name: 'Home', parentId: null, productCount: 2 },
  { id: 'c00000000000000000000002', slug: 'lamps', name: 'Lamps', parentId: 'c00000000000000000000001', productCount: 1 },
];

/** One of the signed-in seller's products, as the seller routes answer it. */
export function sellerProduct(overrides: Partial<AdminProduct> = {}): AdminProduct {
  return {
    id: lanternId,
    slug: 'brass-lantern',
    title: 'Brass Lantern',
    description: 'Glows warmly.',
    category: { id: categories[1]!.id, slug: 'lamps', name: 'Lamps' },
    price: { amount: 2500, currency: 'EUR' },
    images: [],
    available: 7,
    sellerId,
    createdAt: '2026-03-01T10:00:00.000Z',
    status: 'active',
    stock: 10,
    reserved: 3,
    attributes: [],
    soldCount: 0,
    lowStockThreshold: 5,
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

export function sellerProductList(items: AdminProduct[], total = items.length, page = 1): AdminProductList {
  return { items, total, page, limit: 25 };
}
