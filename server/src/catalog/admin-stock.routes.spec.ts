import type { AdminProduct, AdminProductInput, Category, ProductStock, StockMovementList } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { ProductModel } from './product.model';

describe('Admin stock page API', () => {
  // The memory copy of the admin list hears only the shop's events, so it proves they are published.
  const shop = useTestShop({ CATALOG_LISTING: 'memory' });
  let admin: Session;
  let customer: Session;
  let seller: Session;
  let categoryId: string;
  const unknownId = '0123456789abcdef01234567';

  function call(path: string, init: RequestInit & { json?: unknown } = {}, session: Session | null = admin): Promise<Response> {
    return shop.request(path, { ...init, headers: session ? bearer(session) : {} });
  }

  async function create(overrides: Partial<AdminProductInput> = {}): Promise<AdminProduct> {
    const input: AdminProductInput = { title: 'Stock Page Lantern', description: 'Glows.', categoryId, price: { amount: 2500, currency: 'EUR' }, stock: 10, status: 'active', ...overrides };
    const response = await call('/api/admin/products', { method: 'POST', json: input });
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as AdminProduct;
  }

  function adjust(productId: string, json: unknown, session: Session | null = admin): Promise<Response> {
    return call(`/api/admin/products/${productId}/stock`, { method: 'POST', json }, session);
  }

  function setThreshold(productId: string, json: unknown, session: Session | null = admin): Promise<Response> {
    return call(`/api/admin/products/${productId}/low-stock-threshold`, { method: 'PUT', json }, session);
  }

  async function movementsOf(productId: string, query = ''): Promise<StockMovementList> {
    const response = await call(`/api/admin/products/${productId}/stock-movements${query}`);
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as StockMovementList;
  }

  beforeAll(async () => {
    [admin, customer, seller] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'customer'), signInAs(shop, 'seller')]);
    const response = await call('/api/admin/categories', { method: 'POST', json: { name: 'Stock page lights' } });
    categoryId = ((await response.json()) as Category).id;
  });

  it('records each adjustment as a movement by the admin, listed newest first and paged', async () => {
    const product = await create({ stock: 10 });
    expect((await adjust(product.id, { add: 5, reason: 'Delivery from supplier' })).status).toBe(200);
    expect((await adjust(product.id, { add: -3, reason: 'Damaged in transit' })).status).toBe(200);
    expect((await adjust(product.id, { set: 20, reason: 'Stocktake' })).status).toBe(200);

    const all = await movementsOf(product.id);
    expect(all.total).toBe(3);
    expect(all.items.map((movement) => [movement.change, movement.stockAfter, movement.reason])).toEqual([
      [8, 20, 'Stocktake'],
      [-3, 12, 'Damaged in transit'],
      [5, 15, 'Delivery from supplier'],
    ]);
    expect(all.items.every((movement) => movement.by.id === admin.auth.user.id && movement.by.name === admin.auth.user.name)).toBeTrue();
    expect(Date.parse(all.items[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(all.items[2]!.createdAt));

    const second = await movementsOf(product.id, '?page=2&limit=2');
    expect(second).toEqual(jasmine.objectContaining({ total: 3, page: 2, limit: 2 }));
    expect(second.items.map((movement) => movement.reason)).toEqual(['Delivery from supplier']);
  });

  it("lists only the product's own movements, and 404 for an unknown product", async () => {
    const [mine, other] = await Promise.all([create({ title: 'Mine' }), create({ title: 'Other' })]);
    await adjust(other.id, { add: 1, reason: 'Only for the other' });
    expect((await movementsOf(mine.id)).items).toEqual([]);
    expect((await movementsOf(other.id)).items.map((movement) => movement.reason)).toEqual(['Only for the other']);
    const unknown = await call(`/api/admin/products/${unknownId}/stock-movements`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('refuses an invalid movement query or id with 400', async () => {
    const product = await create();
    for (const query of ['?page=0', '?limit=1000', '?page=abc', '?limit=2.5', '?sort=createdAt', '?page[$gt]=1']) {
      expect((await call(`/api/admin/products/${product.id}/stock-movements${query}`)).status).withContext(query).toBe(400);
    }
    expect((await call('/api/admin/products/not-an-id/stock-movements')).status).toBe(400);
  });

  it('sets the low-stock threshold, and the admin list shows it at once', async () => {
    const product = await create({ title: 'Threshold Candle', stock: 8 });
    expect(product.lowStockThreshold).toBe(5);
    const listed = async () => ((await (await call('/api/admin/products?q=threshold%20candle')).json()) as { items: AdminProduct[] }).items[0]!;
    expect((await listed()).lowStockThreshold).toBe(5);

    const response = await setThreshold(product.id, { lowStockThreshold: 12 });
    expect(response.status).toBe(200);
    expect((await response.json()) as ProductStock).toEqual({ productId: product.id, stock: 8, reserved: 0, available: 8, lowStockThreshold: 12 });
    expect((await ProductModel.findById(product.id).lean())?.lowStockThreshold).toBe(12);
    expect((await listed()).lowStockThreshold).withContext('product.changed was published').toBe(12);

    expect((await setThreshold(product.id, { lowStockThreshold: 0 })).status).toBe(200);
    expect((await setThreshold(product.id, { lowStockThreshold: 10_000 })).status).toBe(200);
  });

  it("filters low stock by each product's own threshold", async () => {
    const [plenty, raised] = await Promise.all([create({ title: 'Lowfilter Plenty', stock: 8 }), create({ title: 'Lowfilter Raised', stock: 8 })]);
    await setThreshold(raised.id, { lowStockThreshold: 8 });
    const low = (await (await call('/api/admin/products?q=lowfilter&lowStock=true')).json()) as { items: AdminProduct[] };
    expect(low.items.map((item) => item.id)).toEqual([raised.id]);
    expect(low.items.map((item) => item.id)).not.toContain(plenty.id);
  });

  it('refuses a threshold that is negative, fractional, huge, text or an operator with 400 on the field', async () => {
    const product = await create();
    for (const value of [-1, 2.5, 10_001, 1e9, '7', null, { $gt: 0 }, [3]]) {
      const response = await setThreshold(product.id, { lowStockThreshold: value });
      expect(response.status).withContext(JSON.stringify(value)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.details?.[0]?.path).withContext(JSON.stringify(value)).toBe('body.lowStockThreshold');
    }
    expect((await setThreshold(product.id, {})).status).toBe(400);
    expect((await setThreshold(product.id, { lowStockThreshold: 3, stock: 100 })).status).withContext('unknown key').toBe(400);
    expect((await setThreshold(product.id, { $set: { stock: 100 } })).status).toBe(400);
    expect((await ProductModel.findById(product.id).lean())?.lowStockThreshold).toBe(5);
  });

  it('answers 404 for a threshold of an unknown product, and 400 for an id that is an operator', async () => {
    expect((await setThreshold(unknownId, { lowStockThreshold: 3 })).status).toBe(404);
    expect((await call('/api/admin/products/%7B%22%24gt%22%3A%22%22%7D/low-stock-threshold', { method: 'PUT', json: { lowStockThreshold: 3 } })).status).toBe(400);
  });

  it('requires a reason of 3 to 200 characters for an adjustment, and refuses operators in it', async () => {
    const product = await create({ stock: 4 });
    for (const body of [{ add: 1 }, { add: 1, reason: '' }, { add: 1, reason: '   ' }, { add: 1, reason: 'ab' }, { add: 1, reason: 'x'.repeat(201) }, { add: 1, reason: { $ne: '' } }, { add: { $gt: 0 }, reason: 'Operator' }, { set: -1, reason: 'Negative' }, { set: 1.5, reason: 'Fractional' }, { add: '2', reason: 'Text' }]) {
      expect((await adjust(product.id, body)).status).withContext(JSON.stringify(body)).toBe(400);
    }
    expect((await adjust(product.id, { add: 1, reason: 'x'.repeat(200) })).status).toBe(200);
    expect((await adjust(unknownId, { add: 1, reason: 'Nobody' })).status).toBe(404);
    expect((await movementsOf(product.id)).total).toBe(1);
  });

  it('explains in words why stock cannot go below what unpaid orders hold', async () => {
    const product = await create({ stock: 10 });
    await ProductModel.updateOne({ _id: product.id }, { $set: { reserved: 3, available: 7 } });
    const response = await adjust(product.id, { set: 2, reason: 'Stocktake' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.message).toBe('Stock cannot go below the 3 units reserved by unpaid orders');
    expect((await movementsOf(product.id)).total).toBe(0);
  });

  it('is closed to anonymous callers (401), customers and sellers (403)', async () => {
    const product = await create();
    for (const [session, status] of [[null, 401], [customer, 403], [seller, 403]] as const) {
      expect((await call(`/api/admin/products/${product.id}/stock-movements`, {}, session)).status).withContext(`movements ${status}`).toBe(status);
      expect((await setThreshold(product.id, { lowStockThreshold: 1 }, session)).status).withContext(`threshold ${status}`).toBe(status);
      expect((await adjust(product.id, { add: 1, reason: 'Not allowed' }, session)).status).withContext(`adjust ${status}`).toBe(status);
    }
    expect((await ProductModel.findById(product.id).lean())?.lowStockThreshold).toBe(5);
  });
});
