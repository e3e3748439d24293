import type { AdminProduct, AdminProductInput, Category } from '@shared/catalog/product';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { ProductModel } from './product.model';

interface AdminProductList {
  items: AdminProduct[];
  total: number;
  page: number;
  limit: number;
}

// The admin's list gives the same answers whichever source serves it (see catalog-source.ts).
for (const listingSource of ['memory', 'database'] as const) describe(`Admin product list, from ${listingSource}`, () => {
  const shop = useTestShop({ CATALOG_LISTING: listingSource });
  let admin: Session;
  let gardenId: string;
  let toolsId: string;
  let kitchenId: string;

  function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    return shop.request(path, { ...init, headers: bearer(admin) });
  }

  async function createCategory(name: string, parentId: string | null = null): Promise<string> {
    const response = await call('/api/admin/categories', { method: 'POST', json: { name, parentId } });
    expect(response.status).withContext(name).toBe(201);
    return ((await response.json()) as Category).id;
  }

  async function create(input: Partial<AdminProductInput> & Pick<AdminProductInput, 'title'>): Promise<AdminProduct> {
    const response = await call('/api/admin/products', {
      method: 'POST',
      json: { description: 'For the list.', categoryId: toolsId, price: { amount: 1500, currency: 'EUR' }, stock: 20, status: 'active', ...input },
    });
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as AdminProduct;
  }

  async function list(query: string): Promise<AdminProductList> {
    const response = await call(`/api/admin/products?${query}`);
    expect(response.status).withContext(query).toBe(200);
    return (await response.json()) as AdminProductList;
  }

  const titles = (page: AdminProductList) => page.items.map((item) => item.title);

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    gardenId = await createCategory('Garden');
    toolsId = await createCategory('Tools', gardenId);
    kitchenId = await createCategory('Cookware');
  });

  it('lists drafts, active and archived products, most recently changed first, with the total', async () => {
    await create({ title: 'Quince Draft', status: 'draft' });
    await create({ title: 'Quince Active' });
    await create({ title: 'Quince Archived', status: 'archived' });
    const page = await list('q=quince');
    expect(titles(page)).toEqual(['Quince Archived', 'Quince Active', 'Quince Draft']);
    expect(page.items.map((item) => item.status)).toEqual(['archived', 'active', 'draft']);
    expect(page.total).toBe(3);
    expect(page.items[0]).toEqual(jasmine.objectContaining({ stock: 20, reserved: 0, available: 20, soldCount: 0, category: { id: toolsId, slug: 'tools', name: 'Tools' } }));
  });

  it('filters by status, by category with the ones below it, by low stock and by search words, and pages without repeats', async () => {
    await create({ title: 'Walnut Rake', stock: 3 });
    await create({ title: 'Walnut Spoon', categoryId: kitchenId, status: 'draft' });
    await create({ title: 'Walnut Hoe', stock: 40, status: 'archived' });
    expect(titles(await list('q=walnut&status=draft'))).toEqual(['Walnut Spoon']);
    expect(titles(await list('q=walnut&category=garden'))).toEqual(['Walnut Hoe', 'Walnut Rake']);
    expect(titles(await list('q=walnut&category=tools&status=archived'))).toEqual(['Walnut Hoe']);
    expect(await list('q=walnut&category=no-such-category')).toEqual(jasmine.objectContaining({ items: [], total: 0 }));
    expect(titles(await list('q=walnut&lowStock=true'))).toEqual(['Walnut Rake']);
    expect(titles(await list('q=walnut%20ra'))).withContext('each word starts a word of the product').toEqual(['Walnut Rake']);
    expect(titles(await list('q=WALNUT%20cookware'))).withContext('category names are searched too').toEqual(['Walnut Spoon']);

    const first = await list('q=walnut&limit=2&page=1');
    const second = await list('q=walnut&limit=2&page=2');
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...titles(first), ...titles(second)]).toEqual(['Walnut Hoe', 'Walnut Spoon', 'Walnut Rake']);
    expect(second).toEqual(jasmine.objectContaining({ page: 2, limit: 2 }));
  });

  it('shows an edit, a stock change, a sale, a deletion and a category rename at the next request', async () => {
    const kettle = await create({ title: 'Fennel Kettle' });
    const pan = await create({ title: 'Fennel Pan' });
    const pot = await create({ title: 'Fennel Pot' });
    expect(titles(await list('q=fennel'))).toEqual(['Fennel Pot', 'Fennel Pan', 'Fennel Kettle']);

    await call(`/api/admin/products/${kettle.id}`, { method: 'PATCH', json: { title: 'Fennel Kettle XL', status: 'draft' } });
    const edited = await list('q=fennel');
    expect(titles(edited)).toEqual(['Fennel Kettle XL', 'Fennel Pot', 'Fennel Pan']);
    expect(edited.items[0]!.status).toBe('draft');

    await call(`/api/admin/products/${pan.id}/stock`, { method: 'POST', json: { set: 2, reason: 'Stocktake' } });
    const restocked = await list('q=fennel&lowStock=true');
    expect(restocked.items.map((item) => [item.title, item.stock, item.available])).toEqual([['Fennel Pan', 2, 2]]);

    // A sale committed by another instance: its write, then its event, as Redis relays it.
    await ProductModel.updateOne({ _id: pot.id }, { $inc: { stock: -1, soldCount: 1 } });
    await shop.shop.events.publish('product.sold', { productId: pot.id, soldCount: 1 });
    const sold = await list('q=fennel');
    expect(sold.items[0]).toEqual(jasmine.objectContaining({ title: 'Fennel Pot', stock: 19, soldCount: 1 }));

    expect((await call(`/api/admin/products/${kettle.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await list('q=fennel')).toEqual(jasmine.objectContaining({ total: 2 }));

    const herbs = await createCategory('Herbs');
    const basil = await create({ title: 'Basil Pot', categoryId: herbs });
    expect((await call(`/api/admin/categories/${herbs}`, { method: 'PATCH', json: { name: 'Aromatics' } })).status).toBe(200);
    const renamed = await list('q=aromatics');
    expect(renamed.items.map((item) => [item.id, item.category.name])).toEqual([[basil.id, 'Aromatics']]);
  });

  it('takes any search text: symbols, NUL, regex syntax and long text are 200, too long or not text is 400', async () => {
    for (const query of ['q=%00', 'q=a%00b', 'q=.*', 'q=%5C(%5B', 'q=%5E%24%7C', `q=${'x'.repeat(200)}`]) {
      expect((await call(`/api/admin/products?${query}`)).status).withContext(query).toBe(200);
    }
    for (const query of [`q=${'x'.repeat(201)}`, 'q=a&q=b', 'q[]=a', 'q[$ne]=x']) {
      expect((await call(`/api/admin/products?${query}`)).status).withContext(query).toBe(400);
    }
  });
});
