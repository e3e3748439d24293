import type { DatabaseOverview, DatabaseReseed } from '@shared/admin/database';
import type { ProductList } from '@shared/catalog/product';
import { BSON } from 'mongodb';
import mongoose from 'mongoose';
import { bearer, createUser, signIn, signInAs, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop, type TestShop } from '../../test/test-shop';
import { RefreshTokenModel } from '../accounts/refresh-token.model';
import { ProductModel } from '../catalog/product.model';
import { UserModel } from '../accounts/user.model';
import { QuestionModel } from '../questions/question.model';

async function overviewFor(shop: TestShop, session: Session): Promise<DatabaseOverview> {
  const response = await shop.request('/api/admin/db', { headers: bearer(session) });
  expect(response.status).withContext(await response.clone().text()).toBe(200);
  return (await response.json()) as DatabaseOverview;
}

/** The export's lines, parsed back as canonical Extended JSON. */
async function exported(shop: TestShop, session: Session, collection: string): Promise<Array<Record<string, unknown>>> {
  const response = await shop.request(`/api/admin/db/collections/${collection}/export`, { headers: bearer(session) });
  expect(response.status).withContext(await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${collection}.ndjson"`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => BSON.EJSON.parse(line, { relaxed: false }) as Record<string, unknown>);
}

describe('the database page (GET /api/admin/db, export, reseed)', () => {
  const shop = useTestShop();
  let admin: Session;

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    const category = await createCategory(shop, 'Database page lamps');
    await createProduct(shop, { category, title: 'Exported lamp', createdAt: new Date('2026-02-03T04:05:06.789Z') });
    await createProduct(shop, { category, title: 'Another exported lamp' });
  });

  it('lists the shop\'s collections with counts that match the database, and the engine', async () => {
    const overview = await overviewFor(shop, admin);
    expect(overview.engine.engine).toBe(shop.shop.database.engine);
    expect(overview.engine.summary).toBe(shop.shop.database.summary);
    expect(overview.database).toBe(mongoose.connection.db!.databaseName);
    const products = overview.collections.find((collection) => collection.name === 'products')!;
    const users = overview.collections.find((collection) => collection.name === 'users')!;
    expect(products.documents).toBe(await ProductModel.countDocuments({}));
    expect(users.documents).toBe(await UserModel.countDocuments({}));
    expect(products.dataBytes).toBeGreaterThan(0);
    expect(products.indexBytes).toBeGreaterThan(0);
    expect(products.indexes.find((index) => index.name === '_id_')).toEqual(jasmine.objectContaining({ keys: [{ field: '_id', order: 1 }], unique: true }));
    expect(products.indexes.find((index) => index.keys.length === 1 && index.keys[0]!.field === 'slug')?.unique).toBeTrue();
    expect(overview.collections.some((collection) => collection.name.startsWith('system.'))).toBeFalse();
    expect(overview.reseedAvailable).toBeTrue();
  });

  it('says which indexes PostgreSQL serves on the embedded FerretDB, and nothing on MongoDB', async () => {
    // Made after the shop started, so the shop made no GIN index for it.
    await mongoose.connection.db!.collection('scratchpad').createIndex({ unservedField: 1 });
    const overview = await overviewFor(shop, admin);
    const slugIndex = overview.collections.find((collection) => collection.name === 'products')!.indexes.find((index) => index.keys[0]?.field === 'slug')!;
    const scratchIndex = overview.collections.find((collection) => collection.name === 'scratchpad')!.indexes.find((index) => index.name === 'unservedField_1')!;
    if (shop.shop.databaseServer.postgres) {
      expect(slugIndex.servedByPostgres).toBeTrue();
      expect(scratchIndex.servedByPostgres).toBeFalse();
      expect(overview.collections.find((collection) => collection.name === 'products')!.storageBytes).toBeGreaterThan(0);
    } else {
      expect(slugIndex.servedByPostgres).toBeNull();
      expect(scratchIndex.servedByPostgres).toBeNull();
    }
  });

  it('exports a collection as canonical Extended JSON in which ObjectIds and dates come back as they were', async () => {
    const documents = await exported(shop, admin, 'products');
    expect(documents.length).toBe(await ProductModel.countDocuments({}));
    const lamp = documents.find((document) => document['title'] === 'Exported lamp')!;
    const stored = await ProductModel.findOne({ title: 'Exported lamp' }).lean();
    expect(lamp['_id']).toBeInstanceOf(BSON.ObjectId);
    expect((lamp['_id'] as BSON.ObjectId).equals(stored!._id)).toBeTrue();
    expect(lamp['categoryId']).toBeInstanceOf(BSON.ObjectId);
    expect(lamp['createdAt']).toEqual(new Date('2026-02-03T04:05:06.789Z'));
    // Canonical Extended JSON keeps a number's BSON type: it parses back as an Int32 or a Double.
    expect(((lamp['price'] as { amount: BSON.Int32 | BSON.Double }).amount).valueOf()).toBe(stored!.price.amount);
  });

  it('streams the raw lines in canonical form, one document per line', async () => {
    const response = await shop.request('/api/admin/db/collections/products/export', { headers: bearer(admin) });
    const firstLine = (await response.text()).split('\n')[0]!;
    expect(firstLine).toMatch(/"_id":\{"\$oid":"[0-9a-f]{24}"\}/);
    expect(firstLine).toMatch(/"createdAt":\{"\$date":\{"\$numberLong":"\d+"\}\}/);
  });

  it('never exports password hashes, tokens or what they open', async () => {
    const users = await exported(shop, admin, 'users');
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((user) => !('passwordHash' in user))).toBeTrue();
    const raw = await (await shop.request('/api/admin/db/collections/users/export', { headers: bearer(admin) })).text();
    expect(raw).not.toContain('$argon2');

    await mongoose.connection.db!.collection('idempotencyrecords').insertOne({
      scope: 'guest:abc', key: 'key-1', requestHash: 'x', state: 'done', responseStatus: 201,
      responseBody: { id: 'o1', accessToken: 'guest-order-secret' },
    });
    await mongoose.connection.db!.collection('scratchpad').insertOne({ label: 'kept', nested: { apiKeySecret: 'nested-secret', visible: 1 } });
    const records = await exported(shop, admin, 'idempotencyrecords');
    expect(records.find((record) => record['key'] === 'key-1')).toEqual(jasmine.objectContaining({ state: 'done' }));
    expect(records.every((record) => !('responseBody' in record))).toBeTrue();
    const scratch = (await exported(shop, admin, 'scratchpad')).find((document) => document['label'] === 'kept')!;
    expect(Object.keys(scratch['nested'] as object)).toEqual(['visible']);

    expect(await RefreshTokenModel.countDocuments({})).toBeGreaterThan(0);
    for (const refused of ['refreshtokens', 'onetimetokens']) {
      await mongoose.connection.db!.collection(refused).insertOne({ tokenHash: 'h', probe: true });
      const response = await shop.request(`/api/admin/db/collections/${refused}/export`, { headers: bearer(admin) });
      expect(response.status).withContext(refused).toBe(403);
    }
    const overview = await overviewFor(shop, admin);
    expect(overview.collections.find((collection) => collection.name === 'refreshtokens')!.export.allowed).toBeFalse();
    expect(overview.collections.find((collection) => collection.name === 'users')!.export.redactedFields).toEqual(['passwordHash']);
  });

  it('answers unknown or hostile collection names with 400 or 404, never 500', async () => {
    const expectations: Array<[string, number]> = [
      ['..%2Fx', 400],
      ['%24cmd', 400],
      ['.hidden', 400],
      ['a%00b', 400],
      ['%7B%22%24gt%22%3A%22%22%7D', 400],
      ['system.users', 404],
      ['system.indexes', 404],
      ['no-such-collection', 404],
    ];
    for (const [name, status] of expectations) {
      const response = await shop.request(`/api/admin/db/collections/${name}/export`, { headers: bearer(admin) });
      expect(response.status).withContext(name).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).withContext(name).toBe(status === 404 ? 'not_found' : 'validation_failed');
    }
  });

  it('is for admins only: 401 without a session, 403 for customers and sellers', async () => {
    const paths: Array<[string, string]> = [
      ['GET', '/api/admin/db'],
      ['GET', '/api/admin/db/collections/products/export'],
      ['POST', '/api/admin/db/reseed'],
    ];
    const customer = await signInAs(shop, 'customer');
    const seller = await signInAs(shop, 'seller');
    for (const [method, path] of paths) {
      expect((await shop.request(path, { method })).status).withContext(`${method} ${path} anonymous`).toBe(401);
      expect((await shop.request(path, { method, headers: bearer(customer) })).status).withContext(`${method} ${path} customer`).toBe(403);
      expect((await shop.request(path, { method, headers: bearer(seller) })).status).withContext(`${method} ${path} seller`).toBe(403);
    }
  });
});

describe('reseeding the demo shop from the database page', () => {
  const shop = useTestShop({ DEMO_PRODUCTS: '12' });

  beforeAll(async () => {
    const category = await createCategory(shop, 'Before the reseed');
    const lamp = await createProduct(shop, { category, title: 'Exported lamp' });
    await QuestionModel.create({ productId: lamp._id, sellerId: null, askerId: lamp._id, askerName: 'Gone G.', text: 'Asked before the reseed?' });
  });

  it('in development, seeds the demo shop again and the running shop\'s catalogue follows', async () => {
    const reseeder = await signIn(shop, await createUser('admin'));
    const response = await shop.request('/api/admin/db/reseed', { method: 'POST', headers: bearer(reseeder) });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    const summary = (await response.json()) as DatabaseReseed;
    expect(summary.products).toBe(12);
    expect(summary.accounts.map((account) => account.email)).toContain('admin@demo.shop');
    expect(await ProductModel.countDocuments({ title: 'Exported lamp' })).toBe(0);
    expect(await ProductModel.countDocuments({})).toBe(12);
    // The shoppers' questions went with their products; the demo's own came back, about the new ones.
    const questions = await QuestionModel.find({}, { productId: 1, text: 1 }).lean();
    expect(questions.map((question) => question.text)).not.toContain('Asked before the reseed?');
    expect(questions.length).toBeGreaterThan(0);
    const productIds = new Set((await ProductModel.find({}, { _id: 1 }).lean()).map((product) => product._id.toString()));
    expect(questions.every((question) => productIds.has(question.productId.toString()))).toBeTrue();
    // Every account was replaced: the caller's session has ended.
    expect((await shop.request('/api/admin/db', { headers: bearer(reseeder) })).status).toBe(401);

    const demoAdmin = await signIn(shop, 'admin@demo.shop', shop.config.demoPassword);
    await expectAsync(waitForCatalogue(shop, (list) => list.total === 12 && !list.items.some((item) => item.title.includes('Exported lamp')))).toBeResolved();
    const overview = await overviewFor(shop, demoAdmin);
    expect(overview.collections.find((collection) => collection.name === 'products')!.documents).toBe(12);
  }, 180_000);
});

/** The storefront's listing is answered from memory on FerretDB, reloaded in the background after a reseed. */
async function waitForCatalogue(shop: TestShop, done: (list: ProductList) => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const list = (await (await shop.request('/api/products?limit=50')).json()) as ProductList;
    if (done(list)) return;
    if (Date.now() > deadline) throw new Error(`the catalogue still lists ${list.total} products`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the database page in production', () => {
  const shop = useTestShop({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) });

  it('has no reseed', async () => {
    const admin = await signInAs(shop, 'admin');
    const response = await shop.request('/api/admin/db/reseed', { method: 'POST', headers: bearer(admin) });
    expect(response.status).toBe(404);
    expect((await overviewFor(shop, admin)).reseedAvailable).toBeFalse();
  });
});
