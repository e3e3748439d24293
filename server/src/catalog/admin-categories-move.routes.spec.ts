import type { AuditList } from '@shared/admin/audit';
import type { AdminProduct, Category } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { CategoryModel } from './category.model';
import { ProductModel } from './product.model';

describe('moving a category (PATCH /api/admin/categories/:id with parentId)', () => {
  const shop = useTestShop({ CATALOG_LISTING: 'memory' });
  let admin: Session;

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
  });

  async function category(name: string, parentId?: string): Promise<Category> {
    const response = await shop.request('/api/admin/categories', { method: 'POST', headers: bearer(admin), json: { name, ...(parentId ? { parentId } : {}) } });
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as Category;
  }

  function move(categoryId: string, parentId: string | null): Promise<Response> {
    return shop.request(`/api/admin/categories/${categoryId}`, { method: 'PATCH', headers: bearer(admin), json: { parentId } });
  }

  const titlesIn = async (slug: string) => ((await (await shop.request(`/api/products?category=${slug}&limit=50`)).json()) as { items: Array<{ title: string }> }).items.map((item) => item.title).sort();

  it('moves a category with its sub-categories and products under another, and the storefront follows', async () => {
    const [garden, kitchen] = [await category('Move garden'), await category('Move kitchen')];
    const pots = await category('Move pots', garden.id);
    const smallPots = await category('Move small pots', pots.id);
    const smallPotsDoc = (await CategoryModel.findById(smallPots.id).lean())!;
    await createProduct(shop, { category: smallPotsDoc, title: 'Terracotta pot' });

    expect((await move(pots.id, kitchen.id)).status).toBe(200);
    const moved = (await ProductModel.findOne({ title: 'Terracotta pot' }).lean())!;
    expect(moved.categoryPath.map(String)).toEqual([kitchen.id, pots.id, smallPots.id]);
    expect(await titlesIn('move-kitchen')).toEqual(['Terracotta pot']);
    expect(await titlesIn('move-garden')).toEqual([]);
    expect(await titlesIn('move-pots')).toEqual(['Terracotta pot']);

    expect((await move(pots.id, null)).status).toBe(200);
    expect((await CategoryModel.findById(pots.id).lean())!.parentId).toBeNull();
    expect(await titlesIn('move-kitchen')).toEqual([]);

    const log = (await (await shop.request(`/api/admin/audit?targetType=category&targetId=${pots.id}`, { headers: bearer(admin) })).json()) as AuditList;
    expect(log.items.map((entry) => [entry.action, (entry.before as { parentId?: string | null } | null)?.parentId, (entry.after as { parentId?: string | null } | null)?.parentId])).toEqual([
      ['category.updated', kitchen.id, null],
      ['category.updated', garden.id, kitchen.id],
      ['category.created', undefined, garden.id],
    ]);
  });

  it('refuses to move a category under itself, its own sub-categories or nothing that exists', async () => {
    const top = await category('Cycle top');
    const child = await category('Cycle child', top.id);
    for (const [parentId, expected] of [
      [top.id, 'cannot be the category itself or one of its sub-categories'],
      [child.id, 'cannot be the category itself or one of its sub-categories'],
      ['0123456789abcdef01234567', 'is not a category'],
    ] as const) {
      const response = await move(top.id, parentId);
      expect(response.status).withContext(parentId).toBe(400);
      expect(((await response.json()) as ErrorBody).error.details).toEqual([{ path: 'body.parentId', message: expected }]);
    }
    expect((await move(top.id, 'nope' as never)).status).toBe(400);
    expect((await CategoryModel.findById(top.id).lean())!.parentId).toBeNull();
  });

  it('asks for a slug when the name makes none, instead of failing', async () => {
    const response = await shop.request('/api/admin/categories', { method: 'POST', headers: bearer(admin), json: { name: '家具' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.details).toEqual([{ path: 'body.slug', message: 'is required for this name' }]);
    expect((await category('家具 (furniture)')).slug).toBe('furniture');
  });

  it('records product edits in the audit log with the product before and after', async () => {
    const lamps = await category('Audited lamps');
    const created = await shop.request('/api/admin/products', {
      method: 'POST',
      headers: bearer(admin),
      json: { title: 'Audited lamp', description: 'Bright.', categoryId: lamps.id, price: { amount: 1000, currency: 'EUR' }, stock: 3, status: 'draft' },
    });
    const product = (await created.json()) as AdminProduct;
    expect((await shop.request(`/api/admin/products/${product.id}`, { method: 'PATCH', headers: bearer(admin), json: { status: 'active', price: { amount: 1200, currency: 'EUR' } } })).status).toBe(200);

    const log = (await (await shop.request(`/api/admin/audit?targetType=product&targetId=${product.id}`, { headers: bearer(admin) })).json()) as AuditList;
    expect(log.items.map((entry) => entry.action)).toEqual(['product.updated', 'product.created']);
    expect(log.items[0]!.before).toEqual(jasmine.objectContaining({ status: 'draft', price: { amount: 1000, currency: 'EUR' } }));
    expect(log.items[0]!.after).toEqual(jasmine.objectContaining({ status: 'active', price: { amount: 1200, currency: 'EUR' } }));
  });
});
