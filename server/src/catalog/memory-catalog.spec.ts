import type { ProductDetail, ProductList } from '@shared/catalog/product';
import mongoose from 'mongoose';
import { bearer, signIn, signInAs, createUser, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { createLogger } from '../config/logger';
import { ShopEvents } from '../events/shop-events';
import { CatalogIndex } from './catalog-index';
import { MemoryCatalog } from './memory-catalog';
import { ProductModel } from './product.model';

/** Redis runs on every machine of this project, CI's included (see the README's requirements). */
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Another instance's view arrives through Redis; it is awaited, not raced against a short timer. */
async function eventually(expectation: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs / 1000} s: ${expectation}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('The catalogue index', () => {
  const shop = useTestShop({ CATALOG_LISTING: 'memory' });

  async function freshIndex(): Promise<{ index: CatalogIndex; events: ShopEvents }> {
    const events = new ShopEvents(createLogger(shop.config));
    return { index: new CatalogIndex(events, createLogger(shop.config)), events };
  }

  it('applies a stock change that arrives while it is being read to what the read returns', async () => {
    const category = await createCategory(shop, 'Racing');
    const product = await createProduct(shop, { category, stock: 5 });
    const { index, events } = await freshIndex();
    const loading = index.load();
    // The read above saw 5; the change is told while it is still under way.
    await events.publish('stock.changed', { productId: product._id.toString(), available: 1 });
    await loading;
    expect((await index.findById(product._id.toString()))?.available).toBe(1);
  });

  it('applies a product change that arrives while it is being read to what the read returns', async () => {
    const category = await createCategory(shop, 'Withdrawn');
    const product = await createProduct(shop, { category, stock: 5 });
    const { index, events } = await freshIndex();
    const loading = index.load();
    await ProductModel.updateOne({ _id: product._id }, { $set: { status: 'archived' } });
    await events.publish('product.changed', { productId: product._id.toString() });
    await loading;
    expect(await index.findById(product._id.toString())).toBeUndefined();
    expect(await index.findBySlug(product.slug)).toBeUndefined();
  });

  it('answers a listing again from what it computed only while nothing it shows has changed', async () => {
    const admin = await signInAs(shop, 'admin');
    const category = await createCategory(shop, 'Remembered');
    const product = await createProduct(shop, { category, stock: 4, title: 'Remembered mug' });
    const listing = async () => (await (await shop.request(`/api/products?category=${category.slug}`)).json()) as ProductList;
    const first = await listing();
    expect(await listing()).toEqual(first);
    expect(first.items[0]!.available).toBe(4);

    await shop.request(`/api/admin/products/${product._id.toString()}/stock`, { method: 'POST', headers: bearer(admin), json: { set: 0, reason: 'Broken' } });
    const afterStock = await listing();
    expect(afterStock.items[0]!.available).toBe(0);
    expect(afterStock.facets.inStock).toBe(0);

    await shop.request(`/api/admin/categories/${category._id.toString()}`, { method: 'PATCH', headers: bearer(admin), json: { name: 'Kept in mind' } });
    expect((await listing()).facets.categories.map((facet) => facet.name)).toContain('Kept in mind');
    expect((await listing()).items[0]!.category.name).toBe('Kept in mind');
  });

  it('answers listings, product pages, related products and categories without asking the database', async () => {
    const category = await createCategory(shop, 'Quiet');
    const seller = await createUser('seller');
    const sellerId = (await mongoose.connection.db!.collection('users').findOne({ email: seller }))!._id;
    const product = await createProduct(shop, { category, sellerId });
    await createProduct(shop, { category });
    const paths = ['/api/products?limit=24', '/api/products?q=fixture&sort=price_asc', `/api/products/${product.slug}`, `/api/products/${product._id.toString()}/related`, '/api/categories'];
    for (const path of paths) expect((await shop.request(path)).status).withContext(`${path}, filling the caches`).toBe(200);

    const queried: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => {
      queried.push(`${collection}.${method}`);
    });
    try {
      for (const path of paths) expect((await shop.request(path)).status).withContext(path).toBe(200);
    } finally {
      mongoose.set('debug', false);
    }
    expect(queried).toEqual([]);
  });
});

describe('The catalogue in memory, across instances (REDIS_URL)', () => {
  const shop = useTestShop({ CATALOG_LISTING: 'memory', REDIS_URL: redisUrl });
  // A second instance's catalogue, sharing only the database and Redis with the first.
  let other: { catalog: MemoryCatalog; stopRelay: () => Promise<void> };
  let admin: Session;

  beforeAll(async () => {
    const log = createLogger(shop.config);
    const events = new ShopEvents(log);
    const stopRelay = await events.relayThroughRedis(redisUrl);
    const index = new CatalogIndex(events, log);
    await index.load();
    other = { catalog: new MemoryCatalog(index, events), stopRelay };
    admin = await signInAs(shop, 'admin');
  });

  afterAll(async () => {
    await other.stopRelay();
  });

  const asAdmin = (path: string, init: RequestInit & { json?: unknown }) => shop.request(path, { ...init, headers: bearer(admin) });

  it('shows a product edited, its stock changed and its category renamed on one instance at once on the other', async () => {
    const categoryResponse = await asAdmin('/api/admin/categories', { method: 'POST', json: { name: 'Teapots' } });
    const categoryId = ((await categoryResponse.json()) as { id: string }).id;
    await eventually('the new category', async () => (await other.catalog.categories()).some((category) => category.id === categoryId));

    const created = await asAdmin('/api/admin/products', {
      method: 'POST',
      json: { title: 'Cast iron teapot', description: 'Keeps tea hot.', categoryId, price: { amount: 3999, currency: 'EUR' }, stock: 8, status: 'active' },
    });
    const productId = ((await created.json()) as { id: string }).id;
    await eventually('the new product', async () => (await other.catalog.activeProduct(productId))?.title === 'Cast iron teapot');

    await asAdmin(`/api/admin/products/${productId}`, { method: 'PATCH', json: { title: 'Cast iron teapot, 1 l' } });
    await eventually('the new title', async () => (await other.catalog.activeProduct(productId))?.title === 'Cast iron teapot, 1 l');

    await asAdmin(`/api/admin/products/${productId}/stock`, { method: 'POST', json: { set: 3, reason: 'Count' } });
    await eventually('the new availability', async () => (await other.catalog.availability([productId]))[productId] === 3);

    await asAdmin(`/api/admin/categories/${categoryId}`, { method: 'PATCH', json: { name: 'Tea kettles' } });
    await eventually('the new category name', async () => (await other.catalog.categories()).find((category) => category.id === categoryId)?.name === 'Tea kettles');
    await eventually('search terms of the new name', async () => (await other.catalog.list({ words: ['kettles'], filters: {}, sort: 'relevance', skip: 0, limit: 10 })).products.some((product) => product._id.toString() === productId));

    await asAdmin(`/api/admin/products/${productId}`, { method: 'PATCH', json: { status: 'archived' } });
    await eventually('the product gone from the storefront', async () => (await other.catalog.activeProduct(productId)) === undefined);
  }, 60_000);

  it('shows a seller’s new name on the other instance at once', async () => {
    const email = await createUser('seller');
    const seller = await signIn(shop, email);
    const category = await createCategory(shop, 'Sold by someone');
    await createProduct(shop, { category, sellerId: new mongoose.Types.ObjectId(seller.auth.user.id) });
    expect((await other.catalog.sellerNames([seller.auth.user.id])).get(seller.auth.user.id)).toBe('Test seller');

    const renamed = await shop.request('/api/account', { method: 'PATCH', headers: bearer(seller), json: { name: 'Fern & Fig Ceramics' } });
    expect(renamed.status).toBe(200);
    await eventually('the new seller name', async () => (await other.catalog.sellerNames([seller.auth.user.id])).get(seller.auth.user.id) === 'Fern & Fig Ceramics');
    // And this instance's storefront, at once: the facet and the product page.
    const listing = (await (await shop.request(`/api/products?category=${category.slug}`)).json()) as ProductList;
    expect(listing.facets.sellers.map((facet) => facet.name)).toContain('Fern & Fig Ceramics');
    const page = (await (await shop.request(`/api/products/${listing.items[0]!.slug}`)).json()) as ProductDetail;
    expect(page.seller.name).toBe('Fern & Fig Ceramics');
  }, 60_000);
});
