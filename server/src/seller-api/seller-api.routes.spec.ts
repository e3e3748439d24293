import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdminProduct, AdminProductList } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import type { CreatedSellerApiKey, SellerApiKeyList, SellerProductPage } from '@shared/sellers/seller-api';
import express from 'express';
import { Types } from 'mongoose';
import pino from 'pino';
import sharp from 'sharp';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { AccessTokens } from '../accounts/access-tokens';
import { Authenticator } from '../accounts/authenticator';
import { UserModel } from '../accounts/user.model';
import { AuditLog } from '../audit/audit-log';
import { connectRedis, type RedisClient } from '../database/redis-client';
import { ProductModel } from '../catalog/product.model';
import { ApiRoutes } from '../http/api-routes';
import { apiNotFound, errorHandler } from '../http/error-handler';
import { requestLog } from '../http/request-log';
import { SellerModel } from '../sellers/seller.model';
import { ensureSellerRecords } from '../sellers/sellers.service';
import { SellerApiKeyModel } from './seller-api-key.model';
import { hashSellerApiKey } from './seller-api-keys.service';
import { registerSellerApiRoutes } from './seller-api.routes';
import { sellerApiKeys } from './seller-api-auth';

describe('Seller API (/api/seller/keys, /api/seller/products)', () => {
  const shop = useTestShop();
  let category: Awaited<ReturnType<typeof createCategory>>;

  beforeAll(async () => {
    category = await createCategory(shop, 'Seller API lamps');
  });

  /** A signed-in seller with an approved seller record. */
  async function newSeller(): Promise<Session> {
    const session = await signInAs(shop, 'seller');
    await ensureSellerRecords({ userId: session.auth.user.id });
    return session;
  }

  const sellerIdOf = (session: Session) => new Types.ObjectId(session.auth.user.id);

  async function createKey(session: Session, json: unknown = { name: 'Sync', scopes: ['read'] }): Promise<CreatedSellerApiKey> {
    const response = await shop.request('/api/seller/keys', { method: 'POST', headers: bearer(session), json });
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as CreatedSellerApiKey;
  }

  async function listKeys(session: Session): Promise<SellerApiKeyList> {
    const response = await shop.request('/api/seller/keys', { headers: bearer(session) });
    expect(response.status).toBe(200);
    return (await response.json()) as SellerApiKeyList;
  }

  const withKey = (key: string) => ({ authorization: `Bearer ${key}` });

  async function errorOf(response: Response): Promise<ErrorBody['error']> {
    return ((await response.json()) as ErrorBody).error;
  }

  async function allPages(key: string, query: string): Promise<{ items: AdminProduct[]; pages: number }> {
    const items: AdminProduct[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await shop.request(`/api/seller/products?${query}${cursor ? `&cursor=${cursor}` : ''}`, { headers: withKey(key) });
      expect(response.status).withContext(await response.clone().text()).toBe(200);
      const page = (await response.json()) as SellerProductPage;
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return { items, pages };
  }

  describe('keys', () => {
    it('shows a new key once and stores only its SHA-256 and a short prefix', async () => {
      const seller = await newSeller();
      const created = await createKey(seller, { name: '  Warehouse sync  ', scopes: ['write', 'read'] });
      expect(created.key).toMatch(/^msk_[A-Za-z0-9_-]{32}$/);
      expect(created).toEqual(jasmine.objectContaining({ name: 'Warehouse sync', scopes: ['read', 'write'], lastUsedAt: null, revokedAt: null, prefix: created.key.slice(0, 12) }));
      expect(Date.parse(created.createdAt)).not.toBeNaN();

      const stored = await SellerApiKeyModel.findById(created.id).lean();
      expect(stored!.keyHash).toBe(hashSellerApiKey(created.key));
      expect(stored!.keyHash).toMatch(/^[a-f0-9]{64}$/);
      const secretPart = created.key.slice(12);
      expect(JSON.stringify(stored)).not.toContain(secretPart);

      const { items } = await listKeys(seller);
      expect(items.map((key) => key.id)).toEqual([created.id]);
      expect(JSON.stringify(items)).not.toContain(secretPart);
      expect(Object.keys(items[0]!).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes']);
    });

    it('refuses a bad name or scopes with 400', async () => {
      const seller = await newSeller();
      for (const json of [{ name: '', scopes: ['read'] }, { name: 'x'.repeat(61), scopes: ['read'] }, { name: 'A', scopes: ['write'] }, { name: 'A', scopes: [] }, { name: 'A', scopes: ['read', 'read'] }, { name: 'A', scopes: ['admin'] }, { name: 'A' }]) {
        const response = await shop.request('/api/seller/keys', { method: 'POST', headers: bearer(seller), json });
        expect(response.status).withContext(JSON.stringify(json)).toBe(400);
        expect((await errorOf(response)).code).toBe('validation_failed');
      }
      expect((await listKeys(seller)).items).toEqual([]);
    });

    it('lists and revokes keys; a revoked key is refused at once', async () => {
      const seller = await newSeller();
      const first = await createKey(seller, { name: 'First', scopes: ['read'] });
      const second = await createKey(seller, { name: 'Second', scopes: ['read'] });
      expect((await shop.request('/api/seller/products', { headers: withKey(first.key) })).status).toBe(200);

      const revoked = await shop.request(`/api/seller/keys/${first.id}`, { method: 'DELETE', headers: bearer(seller) });
      expect(revoked.status).toBe(204);
      // Again: nothing changes.
      expect((await shop.request(`/api/seller/keys/${first.id}`, { method: 'DELETE', headers: bearer(seller) })).status).toBe(204);

      const { items } = await listKeys(seller);
      expect(items.map((key) => key.name).sort()).toEqual(['First', 'Second']);
      expect(items.find((key) => key.id === first.id)!.revokedAt).not.toBeNull();
      expect(items.find((key) => key.id === second.id)!.revokedAt).toBeNull();

      const refused = await shop.request('/api/seller/products', { headers: withKey(first.key) });
      expect(refused.status).toBe(401);
      expect((await errorOf(refused)).code).toBe('unauthenticated');
      expect((await shop.request('/api/seller/products', { headers: withKey(second.key) })).status).toBe(200);
    });

    it('keeps each seller to their own keys: another seller\'s key is 404 to revoke and never listed', async () => {
      const [sellerA, sellerB] = await Promise.all([newSeller(), newSeller()]);
      const keyOfB = await createKey(sellerB);
      await createKey(sellerA);

      const response = await shop.request(`/api/seller/keys/${keyOfB.id}`, { method: 'DELETE', headers: bearer(sellerA) });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('not_found');
      expect((await shop.request(`/api/seller/keys/${new Types.ObjectId().toString()}`, { method: 'DELETE', headers: bearer(sellerA) })).status).toBe(404);
      expect((await shop.request('/api/seller/keys/not-an-id', { method: 'DELETE', headers: bearer(sellerA) })).status).toBe(400);

      expect((await listKeys(sellerA)).items.map((key) => key.id)).not.toContain(keyOfB.id);
      expect((await SellerApiKeyModel.findById(keyOfB.id).lean())!.revokedAt).toBeNull();
      expect((await shop.request('/api/seller/products', { headers: withKey(keyOfB.key) })).status).toBe(200);
    });

    it('allows at most 10 live keys; revoking one frees a place', async () => {
      const seller = await newSeller();
      const keys = [];
      for (let index = 0; index < 10; index += 1) keys.push(await createKey(seller, { name: `Key ${index}`, scopes: ['read'] }));
      const eleventh = await shop.request('/api/seller/keys', { method: 'POST', headers: bearer(seller), json: { name: 'One too many', scopes: ['read'] } });
      expect(eleventh.status).toBe(409);
      expect((await errorOf(eleventh)).code).toBe('conflict');

      expect((await shop.request(`/api/seller/keys/${keys[3]!.id}`, { method: 'DELETE', headers: bearer(seller) })).status).toBe(204);
      await createKey(seller, { name: 'In its place', scopes: ['read'] });
      expect((await shop.request('/api/seller/keys', { method: 'POST', headers: bearer(seller), json: { name: 'Again too many', scopes: ['read'] } })).status).toBe(409);
      expect((await listKeys(seller)).items.length).toBe(11);
    });

    it('is for sellers only: signed out is 401, a customer or an admin 403', async () => {
      const [customer, admin] = await Promise.all([signInAs(shop, 'customer'), signInAs(shop, 'admin')]);
      const keyId = new Types.ObjectId().toString();
      const productId = new Types.ObjectId().toString();
      const calls: Array<[string, string, unknown?]> = [
        ['GET', '/api/seller/keys'],
        ['POST', '/api/seller/keys', { name: 'Mine', scopes: ['read'] }],
        ['DELETE', `/api/seller/keys/${keyId}`],
        ['GET', '/api/seller/catalogue'],
        ['GET', '/api/seller/products'],
        ['POST', '/api/seller/products', { title: 'Mine', categoryId: category.id, price: { amount: 100, currency: 'EUR' } }],
        ['GET', `/api/seller/products/${productId}`],
        ['PATCH', `/api/seller/products/${productId}`, { title: 'Mine' }],
        ['POST', `/api/seller/products/${productId}/stock`, { add: 1, reason: 'Found one' }],
        ['GET', `/api/seller/products/${productId}/stock-movements`],
      ];
      for (const [method, path, json] of calls) {
        expect((await shop.request(path, { method, json })).status).withContext(`${method} ${path} signed out`).toBe(401);
        for (const session of [customer, admin]) {
          const response = await shop.request(path, { method, json, headers: bearer(session) });
          expect(response.status).withContext(`${method} ${path} as ${session.auth.user.role}`).toBe(403);
          expect((await errorOf(response)).code).toBe('forbidden');
        }
      }
    });

    it('serves a seller\'s session like a key: the catalogue, a new product, its stock and its movements', async () => {
      const seller = await newSeller();
      const created = await shop.request('/api/seller/products', {
        method: 'POST',
        headers: bearer(seller),
        json: { title: 'Session lamp', categoryId: category.id, price: { amount: 2500, currency: 'EUR' }, stock: 3, status: 'active' },
      });
      expect(created.status).withContext(await created.clone().text()).toBe(201);
      const product = (await created.json()) as AdminProduct;
      expect(product.sellerId).toBe(seller.auth.user.id);

      const adjusted = await shop.request(`/api/seller/products/${product.id}/stock`, { method: 'POST', headers: bearer(seller), json: { add: 2, reason: 'Delivery came' } });
      expect(adjusted.status).withContext(await adjusted.clone().text()).toBe(200);
      expect(await adjusted.json()).toEqual(jasmine.objectContaining({ stock: 5, available: 5 }));

      const list = (await (await shop.request('/api/seller/catalogue?q=session', { headers: bearer(seller) })).json()) as AdminProductList;
      expect(list.items.map((item) => item.id)).toEqual([product.id]);
      const movements = (await (await shop.request(`/api/seller/products/${product.id}/stock-movements`, { headers: bearer(seller) })).json()) as { items: Array<{ reason: string }> };
      expect(movements.items.map((movement) => movement.reason)).toEqual(['Delivery came']);
      const read = await shop.request(`/api/seller/products/${product.id}`, { headers: bearer(seller) });
      expect(((await read.json()) as AdminProduct).stock).toBe(5);
    });

    it('lets a seller show only images they uploaded (or the product had), and a suspended seller upload none', async () => {
      const [a, b] = await Promise.all([newSeller(), newSeller()]);
      const upload = async (session: Session) => {
        const form = new FormData();
        const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 20, g: 120, b: 60 } } }).png().toBuffer();
        form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'lamp.png');
        return shop.request('/api/media', { method: 'POST', body: form, headers: bearer(session) });
      };
      const [mine, theirs] = await Promise.all([upload(a), upload(b)]);
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      const [mineId, theirsId] = [((await mine.json()) as { id: string }).id, ((await theirs.json()) as { id: string }).id];
      const product = { title: 'Pictured lamp', categoryId: category.id, price: { amount: 900, currency: 'EUR' } };

      const borrowed = await shop.request('/api/seller/products', { method: 'POST', headers: bearer(a), json: { ...product, images: [mineId, theirsId] } });
      expect(borrowed.status).toBe(400);
      expect(((await borrowed.json()) as ErrorBody).error.details).toEqual([{ path: 'body.images.1', message: 'is not an image you uploaded' }]);
      const created = await shop.request('/api/seller/products', { method: 'POST', headers: bearer(a), json: { ...product, images: [mineId] } });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as AdminProduct;
      expect((await shop.request(`/api/seller/products/${id}`, { method: 'PATCH', headers: bearer(a), json: { images: [theirsId, mineId] } })).status).toBe(400);
      expect((await shop.request(`/api/seller/products/${id}`, { method: 'PATCH', headers: bearer(a), json: { images: [mineId] } })).status).toBe(200);

      await SellerModel.updateOne({ _id: sellerIdOf(b) }, { $set: { status: 'suspended' } });
      expect((await upload(b)).status).toBe(403);
    });

    it('refuses a suspended seller: 403 on the keys and on the API with an existing key', async () => {
      const seller = await newSeller();
      const created = await createKey(seller);
      await SellerModel.updateOne({ _id: sellerIdOf(seller) }, { $set: { status: 'suspended' } });

      for (const [method, path, json] of [['GET', '/api/seller/keys'], ['POST', '/api/seller/keys', { name: 'More', scopes: ['read'] }], ['DELETE', `/api/seller/keys/${created.id}`]] as const) {
        const response = await shop.request(path, { method, ...(json ? { json } : {}), headers: bearer(seller) });
        expect(response.status).withContext(`${method} ${path}`).toBe(403);
      }
      for (const headers of [withKey(created.key), bearer(seller)]) {
        const response = await shop.request('/api/seller/products', { headers });
        expect(response.status).toBe(403);
        expect((await errorOf(response)).code).toBe('forbidden');
      }

      await SellerModel.updateOne({ _id: sellerIdOf(seller) }, { $set: { status: 'approved' } });
      expect((await shop.request('/api/seller/products', { headers: withKey(created.key) })).status).toBe(200);
    });

    it('refuses a key whose user is no longer an enabled seller with 403', async () => {
      const seller = await newSeller();
      const created = await createKey(seller);
      await UserModel.updateOne({ _id: sellerIdOf(seller) }, { $set: { disabled: true } });
      expect((await shop.request('/api/seller/products', { headers: withKey(created.key) })).status).toBe(403);
    });
  });

  describe('key authentication', () => {
    it('refuses no key, a garbage or unknown key with 401 in the one error shape', async () => {
      const unknown = `msk_${'A'.repeat(32)}`;
      for (const authorization of [undefined, 'Bearer', 'Bearer garbage', `Basic ${unknown}`, `Bearer ${unknown}`, `Bearer ${unknown}x`]) {
        const response = await shop.request('/api/seller/products', authorization ? { headers: { authorization } } : {});
        expect(response.status).withContext(String(authorization)).toBe(401);
        const error = await errorOf(response);
        expect(error.code).toBe('unauthenticated');
        expect(Object.keys(error).sort()).toEqual(['code', 'message']);
      }
    });

    it('sets lastUsedAt on use, and writes it at most once a minute', async () => {
      const seller = await newSeller();
      const created = await createKey(seller);
      expect((await listKeys(seller)).items[0]!.lastUsedAt).toBeNull();

      expect((await shop.request('/api/seller/products', { headers: withKey(created.key) })).status).toBe(200);
      const firstUse = (await listKeys(seller)).items[0]!.lastUsedAt;
      expect(firstUse).not.toBeNull();
      expect(Date.now() - Date.parse(firstUse!)).toBeLessThan(60_000);

      expect((await shop.request('/api/seller/products', { headers: withKey(created.key) })).status).toBe(200);
      expect((await listKeys(seller)).items[0]!.lastUsedAt).toBe(firstUse);

      // A use more than a minute after the last one recorded is recorded again.
      const longAgo = new Date(Date.now() - 5 * 60_000);
      await SellerApiKeyModel.updateOne({ _id: created.id }, { $set: { lastUsedAt: longAgo } });
      expect((await shop.request('/api/seller/products', { headers: withKey(created.key) })).status).toBe(200);
      expect(Date.parse((await listKeys(seller)).items[0]!.lastUsedAt!)).toBeGreaterThan(longAgo.getTime() + 60_000);
    });
  });

  describe('GET /api/seller/products', () => {
    it('lists only the key\'s own seller\'s products, any status, paged in (updatedAt, id) order without repeats', async () => {
      const [sellerA, sellerB] = await Promise.all([newSeller(), newSeller()]);
      const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute));
      const statuses = ['active', 'draft', 'archived'] as const;
      const own = [];
      // Two pairs changed in the same millisecond: a page boundary inside a tie must not lose one.
      for (const [index, minute] of [5, 1, 3, 3, 7, 2, 7].entries()) {
        own.push(await createProduct(shop, { category, sellerId: sellerIdOf(sellerA), createdAt: at(minute), status: statuses[index % 3]! }));
      }
      const others = [await createProduct(shop, { category, sellerId: sellerIdOf(sellerB), createdAt: at(4) }), await createProduct(shop, { category, createdAt: at(4) })];
      const { key } = await createKey(sellerA);

      const expectedOrder = [...own].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a._id.toString().localeCompare(b._id.toString())).map((product) => product._id.toString());
      for (const limit of [1, 2, 3, 50]) {
        const { items, pages } = await allPages(key, `limit=${limit}`);
        expect(items.map((product) => product.id)).withContext(`limit ${limit}`).toEqual(expectedOrder);
        expect(pages).toBe(Math.ceil(own.length / limit));
      }

      const { items } = await allPages(key, 'limit=100');
      expect(items.map((product) => product.status).sort()).toEqual(['active', 'active', 'active', 'archived', 'archived', 'draft', 'draft']);
      expect(items.every((product) => product.sellerId === sellerA.auth.user.id)).toBeTrue();
      for (const other of others) expect(items.map((product) => product.id)).not.toContain(other._id.toString());
      expect(items[0]).toEqual(jasmine.objectContaining({ category: { id: category._id.toString(), slug: category.slug, name: category.name }, stock: 10, reserved: 0, updatedAt: at(1).toISOString() }));

      // Seller B's key sees B's product only.
      const keyOfB = await createKey(sellerB);
      expect((await allPages(keyOfB.key, 'limit=10')).items.map((product) => product.id)).toEqual([others[0]!._id.toString()]);
    });

    it('filters by updatedSince (inclusive), and pages within it', async () => {
      const seller = await newSeller();
      const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 8, minute));
      const products = [];
      for (const minute of [1, 2, 3, 4, 5]) products.push(await createProduct(shop, { category, sellerId: sellerIdOf(seller), createdAt: at(minute) }));
      const { key } = await createKey(seller);

      const since = encodeURIComponent(at(3).toISOString());
      const { items, pages } = await allPages(key, `updatedSince=${since}&limit=2`);
      expect(items.map((product) => product.id)).toEqual(products.slice(2).map((product) => product._id.toString()));
      expect(pages).toBe(2);
      // An offset is understood.
      expect((await allPages(key, `updatedSince=${encodeURIComponent('2026-04-01T10:04:00+02:00')}`)).items.length).toBe(2);
      expect((await allPages(key, `updatedSince=${encodeURIComponent(at(6).toISOString())}`)).items).toEqual([]);
    });

    it('gives a product changed while a client pages once more at the end, and skips none', async () => {
      const seller = await newSeller();
      const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 8, minute));
      const products = [];
      for (const minute of [1, 2, 3, 4]) products.push(await createProduct(shop, { category, sellerId: sellerIdOf(seller), createdAt: at(minute) }));
      const { key } = await createKey(seller);

      const first = (await (await shop.request('/api/seller/products?limit=2', { headers: withKey(key) })).json()) as SellerProductPage;
      expect(first.items.map((product) => product.id)).toEqual(products.slice(0, 2).map((product) => product._id.toString()));
      // Product 3, not yet seen, changes: it moves behind the last one instead of being skipped.
      await ProductModel.updateOne({ _id: products[2]!._id }, { $set: { stock: 3, available: 3, updatedAt: at(30) } }, { timestamps: false });
      const rest = await allPages(key, `limit=2&cursor=${first.nextCursor}`);
      expect(rest.items.map((product) => product.id)).toEqual([products[3]!._id.toString(), products[2]!._id.toString()]);
      expect(rest.items[1]!.stock).toBe(3);
    });

    it('validates limit and cursor before reading anything', async () => {
      const seller = await newSeller();
      const { key } = await createKey(seller);
      for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=not*a*cursor', `cursor=${Buffer.from('nonsense').toString('base64url')}`, 'updatedSince=yesterday', 'page=2']) {
        const response = await shop.request(`/api/seller/products?${query}`, { headers: withKey(key) });
        expect(response.status).withContext(query).toBe(400);
        expect((await errorOf(response)).code).toBe('validation_failed');
      }
      const page = (await (await shop.request('/api/seller/products', { headers: withKey(key) })).json()) as SellerProductPage;
      expect(page).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('per-key rate limit', () => {
    const log = pino({ level: 'silent' });
    const servers: Server[] = [];
    const redisClients: RedisClient[] = [];
    let baseUrl: string;

    /** The shop's own limit is 120 a minute; the same routes with a limit of 3, on the same database, as one more instance. */
    async function startInstance(redis: RedisClient | undefined): Promise<string> {
      const routes = new ApiRoutes({ checkResponses: true, authenticator: new Authenticator(new AccessTokens(shop.config.jwtSecret)), auditLog: new AuditLog(log), apiKeys: sellerApiKeys });
      registerSellerApiRoutes(routes, { accounts: { redis }, catalog: shop.shop.catalog, commerce: shop.shop.commerce, config: shop.config, events: shop.shop.events, inventory: shop.shop.inventory }, { rateLimit: { limit: 3, windowMs: 60_000 } });
      const app = express();
      app.use(requestLog(log, { ignore: () => true }));
      app.use('/api', routes.router, apiNotFound);
      app.use(errorHandler);
      const server = createServer(app).listen(0, '127.0.0.1');
      await once(server, 'listening');
      servers.push(server);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }

    beforeAll(async () => {
      baseUrl = await startInstance(undefined);
    });

    afterAll(async () => {
      for (const server of servers.splice(0)) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await Promise.allSettled(redisClients.splice(0).map((client) => client.quit()));
    });

    it('holds across two instances that share Redis', async () => {
      const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
      const [one, two] = await Promise.all([connectRedis(redisUrl, log, 'spec one'), connectRedis(redisUrl, log, 'spec two')]);
      redisClients.push(one, two);
      const [first, second] = [await startInstance(one), await startInstance(two)];
      const { key } = await createKey(await newSeller());
      const statuses = [];
      for (const url of [first, second, first, second]) statuses.push((await fetch(`${url}/api/seller/products`, { headers: withKey(key) })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('answers 429 with Retry-After beyond the limit, counting each key apart', async () => {
      const seller = await newSeller();
      const [first, second] = [await createKey(seller), await createKey(seller)];
      for (let index = 0; index < 3; index += 1) {
        expect((await fetch(`${baseUrl}/api/seller/products`, { headers: withKey(first.key) })).status).toBe(200);
      }
      const limited = await fetch(`${baseUrl}/api/seller/products`, { headers: withKey(first.key) });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect((await errorOf(limited)).code).toBe('rate_limited');
      // Another key of the same seller has its own count.
      expect((await fetch(`${baseUrl}/api/seller/products`, { headers: withKey(second.key) })).status).toBe(200);
      // A refused key is not counted against anyone and is still 401.
      expect((await fetch(`${baseUrl}/api/seller/products`, { headers: withKey(`msk_${'B'.repeat(32)}`) })).status).toBe(401);
    });
  });

  describe('writing with a key', () => {
    it('edits and restocks only the seller\'s own products, with a write key', async () => {
      const [mine, other] = [await newSeller(), await newSeller()];
      const category = await createCategory(shop, `Key lamps ${Date.now()}`);
      const own = await createProduct(shop, { category, sellerId: sellerIdOf(mine), stock: 3, price: 1000 });
      const theirs = await createProduct(shop, { category, sellerId: sellerIdOf(other), stock: 3 });
      const shops = await createProduct(shop, { category, stock: 3 });
      const { key: writeKey } = await createKey(mine, { name: 'Warehouse', scopes: ['read', 'write'] });
      const { key: readKey } = await createKey(mine);
      const patch = (productId: string, json: unknown, key = writeKey) => shop.request(`/api/seller/products/${productId}`, { method: 'PATCH', headers: withKey(key), json });
      const restock = (productId: string, json: unknown, key = writeKey) => shop.request(`/api/seller/products/${productId}/stock`, { method: 'POST', headers: withKey(key), json });

      const edited = await patch(own._id.toString(), { title: 'Key-edited lamp', price: { amount: 1250, currency: 'EUR' } });
      expect(edited.status).withContext(await edited.clone().text()).toBe(200);
      expect(await edited.json()).toEqual(jasmine.objectContaining({ title: 'Key-edited lamp', price: { amount: 1250, currency: 'EUR' } }));
      const stocked = await restock(own._id.toString(), { set: 9, reason: 'Counted in the warehouse' });
      expect(await stocked.json()).toEqual({ stock: 9, available: 9 });

      for (const product of [theirs, shops]) {
        expect((await patch(product._id.toString(), { title: 'Not mine' })).status).toBe(404);
        expect((await restock(product._id.toString(), { add: 1, reason: 'Not mine' })).status).toBe(404);
      }
      expect((await ProductModel.findById(theirs._id).lean())!.stock).toBe(3);
      expect((await patch(own._id.toString(), { title: 'Read only' }, readKey)).status).toBe(403);
      expect((await restock(own._id.toString(), { add: 1, reason: 'Read only' }, readKey)).status).toBe(403);
      // Who sells it is not the seller's to change; nor is a reason optional.
      expect((await patch(own._id.toString(), { sellerId: sellerIdOf(other).toString() })).status).toBe(400);
      expect((await restock(own._id.toString(), { add: 1 })).status).toBe(400);
      expect((await ProductModel.findById(own._id).lean())!.sellerId!.toString()).toBe(mine.auth.user.id);
    });
  });
});
