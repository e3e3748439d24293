import type { AdminProduct, AdminProductBulkResult, AdminProductInput, AdminProductList, Category, ProductList } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { ProductModel } from './product.model';

describe('Admin bulk product actions', () => {
  // Both listings are memory copies that hear only the shop's events: what they show proves each
  // product's product.changed was published.
  const shop = useTestShop({ CATALOG_LISTING: 'memory' });
  let admin: Session;
  let customer: Session;
  let seller: Session;
  let sequence = 0;
  const unknownId = '0123456789abcdef01234567';

  function call(path: string, init: RequestInit & { json?: unknown } = {}, session: Session | null = admin): Promise<Response> {
    return shop.request(path, { ...init, headers: session ? bearer(session) : {} });
  }

  function bulk(json: unknown, session: Session | null = admin): Promise<Response> {
    return call('/api/admin/products/bulk', { method: 'POST', json }, session);
  }

  async function bulkOk(json: unknown): Promise<AdminProductBulkResult> {
    const response = await bulk(json);
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as AdminProductBulkResult;
  }

  async function createCategory(name: string, parentId: string | null = null): Promise<Category> {
    const response = await call('/api/admin/categories', { method: 'POST', json: { name, parentId } });
    expect(response.status).withContext(name).toBe(201);
    return (await response.json()) as Category;
  }

  async function create(category: Category, overrides: Partial<AdminProductInput> = {}): Promise<AdminProduct> {
    sequence += 1;
    const input: AdminProductInput = { title: `Bulk Item ${sequence}`, categoryId: category.id, price: { amount: 1500, currency: 'EUR' }, stock: 5, status: 'active', ...overrides };
    const response = await call('/api/admin/products', { method: 'POST', json: input });
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as AdminProduct;
  }

  async function storefrontIds(query: string): Promise<string[]> {
    const response = await shop.request(`/api/products?${query}&limit=100`);
    expect(response.status).toBe(200);
    return ((await response.json()) as ProductList).items.map((item) => item.id).sort();
  }

  async function adminIds(query: string): Promise<string[]> {
    const response = await call(`/api/admin/products?${query}&limit=100`);
    expect(response.status).toBe(200);
    return ((await response.json()) as AdminProductList).items.map((item) => item.id).sort();
  }

  const idsOf = (products: AdminProduct[]) => products.map((product) => product.id).sort();

  beforeAll(async () => {
    [admin, customer, seller] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'customer'), signInAs(shop, 'seller')]);
  });

  it('archives several products at once, and shoppers no longer see them', async () => {
    const lamps = await createCategory('Bulk lamps');
    const [first, second, kept] = [await create(lamps), await create(lamps), await create(lamps)];
    expect(await storefrontIds('category=bulk-lamps')).toEqual(idsOf([first!, second!, kept!]));

    expect(await bulkOk({ productIds: [first!.id, second!.id], action: 'archive' })).toEqual({ updated: 2, notFound: [] });

    expect(await storefrontIds('category=bulk-lamps')).toEqual([kept!.id]);
    expect((await shop.request(`/api/products/${first!.id}`)).status).toBe(404);
    expect(await adminIds('category=bulk-lamps&status=archived')).withContext('the admin list heard of each').toEqual(idsOf([first!, second!]));
    const stored = await Promise.all([first!, second!, kept!].map((product) => ProductModel.findById(product.id).lean()));
    expect(stored.map((product) => product?.status)).toEqual(['archived', 'archived', 'active']);
  });

  it('activates drafts and archived products, and shoppers find them at once', async () => {
    const rugs = await createCategory('Bulk rugs');
    const draft = await create(rugs, { status: 'draft', title: 'Woollen Kilim Runner' });
    const archived = await create(rugs, { status: 'archived', title: 'Woollen Shag Rug' });
    expect(await storefrontIds('q=woollen')).toEqual([]);

    expect(await bulkOk({ productIds: [draft.id, archived.id], action: 'activate' })).toEqual({ updated: 2, notFound: [] });

    expect(await storefrontIds('q=woollen')).toEqual(idsOf([draft, archived]));
    expect(await adminIds('category=bulk-rugs&status=active')).toEqual(idsOf([draft, archived]));
  });

  it('moves products to another category, with its path and name, in the storefront listing and search', async () => {
    const from = await createCategory('Bulk clearance');
    const garden = await createCategory('Bulk garden');
    const planters = await createCategory('Terracotta planters', garden.id);
    const [moved, other] = [await create(from), await create(from)];
    const stays = await create(from);

    expect(await bulkOk({ productIds: [moved.id, other.id], action: 'set_category', categoryId: planters.id })).toEqual({ updated: 2, notFound: [] });

    expect(await storefrontIds('category=terracotta-planters')).toEqual(idsOf([moved, other]));
    expect(await storefrontIds('category=bulk-garden')).withContext('the parent lists its sub-category').toEqual(idsOf([moved, other]));
    expect(await storefrontIds('category=bulk-clearance')).toEqual([stays.id]);
    expect(await storefrontIds('q=terracotta')).withContext('search terms carry the new category').toEqual(idsOf([moved, other]));
    expect(await adminIds('category=terracotta-planters')).toEqual(idsOf([moved, other]));
    const stored = await ProductModel.findById(moved.id).lean();
    expect(stored?.categoryPath.map(String)).toEqual([garden.id, planters.id]);
  });

  it('reports the ids no product has, and still changes the others', async () => {
    const vases = await createCategory('Bulk vases');
    const product = await create(vases);
    expect(await bulkOk({ productIds: [unknownId, product.id], action: 'archive' })).toEqual({ updated: 1, notFound: [unknownId] });
    expect((await ProductModel.findById(product.id).lean())?.status).toBe('archived');
    expect(await bulkOk({ productIds: [unknownId], action: 'activate' })).toEqual({ updated: 0, notFound: [unknownId] });
  });

  it('answers 404 for an unknown category, and moves nothing', async () => {
    const mugs = await createCategory('Bulk mugs');
    const product = await create(mugs);
    const response = await bulk({ productIds: [product.id], action: 'set_category', categoryId: unknownId });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
    expect((await ProductModel.findById(product.id).lean())?.categoryId.toString()).toBe(mugs.id);
  });

  it('refuses a malformed body with 400 naming the field, and changes nothing', async () => {
    const bowls = await createCategory('Bulk bowls');
    const product = await create(bowls);
    const ids = (count: number) => Array.from({ length: count }, (_, index) => index.toString(16).padStart(24, '0'));
    const cases: Array<[string, unknown, string]> = [
      ['an empty list', { productIds: [], action: 'archive' }, 'body.productIds'],
      ['101 ids', { productIds: ids(101), action: 'archive' }, 'body.productIds'],
      ['a repeated id', { productIds: [product.id, product.id], action: 'archive' }, 'body.productIds'],
      ['the same id in other case', { productIds: [product.id, product.id.toUpperCase()], action: 'archive' }, 'body.productIds'],
      ['an operator as an id', { productIds: [{ $gt: '' }], action: 'archive' }, 'body.productIds.0'],
      ['an operator as the list', { productIds: { $gt: '' }, action: 'archive' }, 'body.productIds'],
      ['a non-hex id', { productIds: ['not-an-id'], action: 'archive' }, 'body.productIds.0'],
      ['no categoryId to move to', { productIds: [product.id], action: 'set_category' }, 'body.categoryId'],
      ['an operator as the category', { productIds: [product.id], action: 'set_category', categoryId: { $ne: null } }, 'body.categoryId'],
      ['a category for an archive', { productIds: [product.id], action: 'archive', categoryId: bowls.id }, 'body.categoryId'],
      ['an unknown action', { productIds: [product.id], action: 'delete' }, 'body.action'],
      ['no action', { productIds: [product.id] }, 'body.action'],
      ['an unknown key', { productIds: [product.id], action: 'archive', status: 'archived' }, 'body'],
    ];
    for (const [what, body, path] of cases) {
      const response = await bulk(body);
      expect(response.status).withContext(what).toBe(400);
      const error = ((await response.json()) as ErrorBody).error;
      expect(error.code).withContext(what).toBe('validation_failed');
      expect(error.details?.map((detail) => detail.path)).withContext(what).toContain(path);
    }
    expect((await bulk({ productIds: ids(100), action: 'archive' })).status).withContext('100 ids are allowed').toBe(200);
    expect((await ProductModel.findById(product.id).lean())?.status).toBe('active');
  });

  it('is for admins only: 401 without a session, 403 for customers and sellers', async () => {
    const cups = await createCategory('Bulk cups');
    const product = await create(cups);
    const body = { productIds: [product.id], action: 'archive' };
    expect((await bulk(body, null)).status).toBe(401);
    expect((await bulk(body, customer)).status).toBe(403);
    expect((await bulk(body, seller)).status).toBe(403);
    expect((await ProductModel.findById(product.id).lean())?.status).toBe('active');
  });
});
