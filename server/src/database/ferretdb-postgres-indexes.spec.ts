import mongoose, { trusted, type Types } from 'mongoose';
import pg from 'pg';
import { OneTimeTokenModel } from '../accounts/one-time-token.model';
import { RefreshTokenModel } from '../accounts/refresh-token.model';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from '../catalog/category.model';
import { ProductModel } from '../catalog/product.model';
import { createLogger } from '../config/logger';
import { bearer, signInAs } from '../../test/accounts-helpers';
import { testDatabaseServer, useTestShop } from '../../test/test-shop';
import { indexPushedDownFields, pushdownExpression } from './ferretdb-postgres-indexes';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** Enough rows that a sequential scan costs clearly more than an index (a tiny table is scanned, rightly). */
const rows = 3000;

describe('PostgreSQL indexes under the embedded FerretDB', () => {
  const shop = useTestShop();
  const onEmbeddedPostgres = () => testDatabaseServer().postgres !== undefined;
  let postgres: pg.Client;
  let sample: { productId: Types.ObjectId; slug: string; email: string; tokenHash: string; categorySlug: string };

  beforeAll(async () => {
    if (!onEmbeddedPostgres()) return;
    postgres = new pg.Client({ connectionString: testDatabaseServer().postgres!.url });
    await postgres.connect();
    const categories = await CategoryModel.insertMany(Array.from({ length: 300 }, (_, i) => ({ name: `Category ${i}`, slug: `category-${i}` })));
    await ProductModel.insertMany(
      Array.from({ length: rows }, (_, i) => ({
        title: `Indexed product ${i}`,
        slug: `indexed-product-${i}`,
        categoryId: categories[i % categories.length]!._id,
        categoryPath: [categories[i % categories.length]!._id],
        price: { amount: 100 + i, currency: 'EUR' },
        status: i % 10 === 0 ? 'draft' : 'active',
        stock: 5,
        available: 5,
      })),
    );
    const users = await UserModel.insertMany(Array.from({ length: rows }, (_, i) => ({ email: `indexed-${i}@example.test`, name: `Indexed ${i}` })));
    await RefreshTokenModel.insertMany(
      users.map((user, i) => ({ tokenHash: `refresh-hash-${i}`, userId: user._id, familyId: `family-${i}`, expiresAt: new Date(Date.now() + 86_400_000) })),
    );
    await OneTimeTokenModel.insertMany(
      users.map((user, i) => ({ tokenHash: `reset-hash-${i}`, purpose: 'password_reset', userId: user._id, expiresAt: new Date(Date.now() + 3_600_000) })),
    );
    // Orders arrive with the checkout; a collection shaped like them shows that any declared index is served.
    const orders = mongoose.connection.db!.collection('orders_like');
    await orders.createIndex({ number: 1 }, { unique: true });
    await orders.createIndex({ userId: 1, createdAt: -1 });
    await orders.insertMany(Array.from({ length: rows }, (_, i) => ({ number: `MS-${100_000 + i}`, userId: users[i % 50]!._id, createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000) })));
    await indexPushedDownFields(testDatabaseServer().postgres!.url, mongoose.connection.name, createLogger(shop.config));
    // What autovacuum does after such a load; without statistics the planner guesses table sizes.
    const { rows: tables } = await postgres.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [mongoose.connection.name]);
    for (const { tablename } of tables) await postgres.query(`ANALYZE "${mongoose.connection.name}"."${tablename}"`);
    const product = (await ProductModel.findOne({ slug: 'indexed-product-1234' }).lean())!;
    sample = { productId: product._id, slug: product.slug, email: 'indexed-2345@example.test', tokenHash: 'refresh-hash-777', categorySlug: 'category-42' };
  }, 300_000);

  afterAll(async () => {
    await postgres?.end();
  });

  function itOnEmbeddedPostgres(expectation: string, assertion: () => Promise<void>, timeout?: number) {
    it(expectation, async () => {
      if (!onEmbeddedPostgres()) return pending('only the embedded engine stores into a PostgreSQL of the shop’s own');
      await assertion();
    }, timeout);
  }

  /** The plan PostgreSQL makes for the SQL FerretDB sends for this lookup (FerretDB's explain). */
  async function planOf(collection: string, filter: Record<string, unknown>): Promise<{ pushedDown: boolean; nodes: PlanNode[] }> {
    const explained = (await mongoose.connection.db!.collection(collection).find(filter).explain()) as unknown as { filterPushdown: boolean; queryPlanner: { Plan: PlanNode } };
    return { pushedDown: explained.filterPushdown, nodes: nodesOf(explained.queryPlanner.Plan) };
  }

  async function expectIndexScan(collection: string, filter: Record<string, unknown>, field: string): Promise<void> {
    const { pushedDown, nodes } = await planOf(collection, filter);
    const description = `${collection} ${JSON.stringify(filter)}: ${nodes.map((node) => `${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}`).join(' > ')}`;
    expect(pushedDown).withContext(description).toBeTrue();
    expect(nodes.some((node) => node['Node Type'] === 'Seq Scan')).withContext(description).toBeFalse();
    expect(nodes.some((node) => node['Index Name']?.includes(`_${field.toLowerCase()}_`) && node['Index Name'].endsWith('_gin'))).withContext(description).toBeTrue();
  }

  itOnEmbeddedPostgres('answers the hot lookups from indexes, never a sequential scan', async () => {
    await expectIndexScan('products', { slug: sample.slug }, 'slug');
    await expectIndexScan('products', { _id: sample.productId, status: 'active' }, '_id');
    await expectIndexScan('users', { email: sample.email }, 'email');
    await expectIndexScan('orders_like', { number: 'MS-101234' }, 'number');
    await expectIndexScan('orders_like', { userId: (await UserModel.findOne({ email: 'indexed-7@example.test' }).lean())!._id }, 'userId');
    await expectIndexScan('refreshtokens', { tokenHash: sample.tokenHash }, 'tokenHash');
    await expectIndexScan('onetimetokens', { tokenHash: 'reset-hash-99', purpose: 'password_reset' }, 'tokenHash');
    await expectIndexScan('categories', { slug: sample.categorySlug }, 'slug');
  });

  itOnEmbeddedPostgres('gives every field of every declared index, and _id, an index that serves FerretDB’s equality', async () => {
    const { rows: indexes } = await postgres.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '% USING gin %'", [mongoose.connection.name]);
    for (const name of mongoose.modelNames()) {
      const model = mongoose.model(name);
      const fields = new Set(['_id', ...model.schema.indexes().flatMap(([keys]) => Object.keys(keys))]);
      for (const field of fields) {
        const expression = pushdownExpression(field).replace(/^\((.*)\)$/, '$1');
        const table = (await postgres.query<{ table: string }>(`SELECT _jsonb->>'table' AS table FROM "${mongoose.connection.name}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`, [model.collection.collectionName])).rows[0]!.table;
        const served = indexes.some(({ indexdef }) => indexdef.includes(` ON ${mongoose.connection.name}.${table} USING gin `) && indexdef.includes(expression));
        expect(served).withContext(`${model.collection.collectionName}.${field} (${expression})`).toBeTrue();
      }
    }
  });

  itOnEmbeddedPostgres('plans every execution of FerretDB’s cached statement with its values, so it stays on the index', async () => {
    const { rows: setting } = await postgres.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode');
    expect(setting[0]!.plan_cache_mode).toBe('force_custom_plan');
    const table = (await postgres.query<{ table: string }>(`SELECT _jsonb->>'table' AS table FROM "${mongoose.connection.name}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = 'products'`)).rows[0]!.table;
    // FerretDB's statement, word for word: the field name is a parameter too.
    await postgres.query(`PREPARE ferretdb_lookup(text, jsonb) AS SELECT _jsonb FROM "${mongoose.connection.name}"."${table}" WHERE _jsonb->$1 @> $2`);
    try {
      // PostgreSQL considers a generic plan from the sixth execution of a prepared statement on.
      for (let execution = 1; execution <= 8; execution += 1) {
        const { rows: plan } = await postgres.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) EXECUTE ferretdb_lookup('slug', '"indexed-product-${execution}"')`);
        const nodes = nodesOf(plan[0]!['QUERY PLAN'][0]!.Plan);
        expect(nodes.some((node) => node['Node Type'] === 'Seq Scan')).withContext(`execution ${execution}`).toBeFalse();
      }
    } finally {
      await postgres.query('DEALLOCATE ferretdb_lookup');
    }
  });

  itOnEmbeddedPostgres('drops an index it made once no declared index names the field', async () => {
    const scratch = mongoose.connection.db!.collection('scratch_indexes');
    await scratch.createIndex({ code: 1 });
    const before = await indexPushedDownFields(testDatabaseServer().postgres!.url, mongoose.connection.name, createLogger(shop.config));
    // Other collections index a `code` too (discount codes): only the scratch collection's is meant.
    const isScratchCode = (index: { collection: string; field: string }) => index.collection === 'scratch_indexes' && index.field === 'code';
    const made = before.find(isScratchCode);
    expect(made).toBeDefined();
    await scratch.dropIndex('code_1');
    const after = await indexPushedDownFields(testDatabaseServer().postgres!.url, mongoose.connection.name, createLogger(shop.config));
    expect(after.some(isScratchCode)).toBeFalse();
    const { rowCount } = await postgres.query('SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', [mongoose.connection.name, made!.name]);
    expect(rowCount).toBe(0);
  });
});

describe('Guarded updates through the app’s one connection', () => {
  const shop = useTestShop();

  it('sells exactly the 10 units available to 200 concurrent buyers, and never below zero', async () => {
    const category = await CategoryModel.create({ name: 'Contended', slug: 'contended' });
    const product = await ProductModel.create({ title: 'Last ten', slug: 'last-ten', categoryId: category._id, price: { amount: 500, currency: 'EUR' }, status: 'active', stock: 10, available: 10 });
    const attempts = await Promise.all(
      Array.from({ length: 200 }, () => ProductModel.updateOne({ _id: product._id, available: trusted({ $gte: 1 }) }, { $inc: { available: -1, reserved: 1 } })),
    );
    expect(attempts.filter((attempt) => attempt.modifiedCount === 1).length).toBe(10);
    const after = (await ProductModel.findById(product._id).lean())!;
    expect(after.available).toBe(0);
    expect(after.reserved).toBe(10);
  }, 120_000);

  it('answers a taken unique value with 409, on insert and on update alike', async () => {
    const admin = await signInAs(shop, 'admin');
    const category = await CategoryModel.create({ name: 'Unique', slug: 'unique-things' });
    const input = (title: string, slug: string) => ({ title, slug, description: '', categoryId: category._id.toString(), price: { amount: 100, currency: 'EUR' }, stock: 1, status: 'active' });
    const create = (title: string, slug: string) => shop.request('/api/admin/products', { method: 'POST', headers: bearer(admin), json: input(title, slug) });
    expect((await create('First', 'taken-slug')).status).toBe(201);
    const other = (await (await create('Second', 'free-slug')).json()) as { id: string };
    expect((await create('Third', 'taken-slug')).status).withContext('insert').toBe(409);
    const renamed = await shop.request(`/api/admin/products/${other.id}`, { method: 'PATCH', headers: bearer(admin), json: { slug: 'taken-slug' } });
    expect(renamed.status).withContext('update').toBe(409);
    expect(((await renamed.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]!.path).toBe('body.slug');
  });
});
