import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** `/api/admin/products/{productId}` with an id-shaped value for each parameter. */
function concrete(path: string): string {
  return path.replace(/\{name\}/g, 'products').replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
}

/**
 * Every admin operation the API documents — so a route added later is covered without being
 * listed here — refuses a signed-out caller with 401 and a customer or a seller with 403, before
 * reading anything the caller sent.
 */
describe('every admin route', () => {
  const shop = useTestShop();
  let operations: Array<{ method: string; path: string }>;
  let customer: Session;
  let seller: Session;

  beforeAll(async () => {
    const document = (await (await shop.request('/api/openapi.json')).json()) as OpenApiDocument;
    operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, methods]) => Object.keys(methods).filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method)).map((method) => ({ method, path: concrete(path) })));
    [customer, seller] = await Promise.all([signInAs(shop, 'customer'), signInAs(shop, 'seller')]);
  });

  it('is documented, all of them', () => {
    // The dashboard's areas: a missing one means a route lost its documentation.
    for (const area of ['/api/admin/products', '/api/admin/categories', '/api/admin/orders', '/api/admin/users', '/api/admin/sellers', '/api/admin/stats', '/api/admin/audit', '/api/admin/db']) {
      expect(operations.some((operation) => operation.path.startsWith(area))).withContext(area).toBeTrue();
    }
    expect(operations.length).toBeGreaterThan(25);
  });

  it('answers 401 without a token and 403 to a customer or a seller', async () => {
    for (const { method, path } of operations) {
      const init = { method: method.toUpperCase(), ...(method === 'get' || method === 'delete' ? {} : { json: {} }) };
      expect((await shop.request(path, init)).status).withContext(`${method} ${path} signed out`).toBe(401);
      for (const [role, session] of [['customer', customer], ['seller', seller]] as const) {
        const response = await shop.request(path, { ...init, headers: bearer(session) });
        expect(response.status).withContext(`${method} ${path} as a ${role}`).toBe(403);
      }
    }
  });
});
