import type { AdminProduct, AdminProductInput, Category, ProductDetail, ProductSummary } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import type { StockChanged } from '@shared/realtime/socket-events';
import sharp from 'sharp';
import { io as connect } from 'socket.io-client';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { storeImage } from '../media/media.storage';
import { ProductModel } from './product.model';
import { StockMovementModel } from '../inventory/stock-movement.model';

describe('Admin catalogue API', () => {
  const shop = useTestShop();
  let admin: Session;
  let homeId: string;
  let kitchenId: string;
  let imageIds: string[];

  function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    return shop.request(path, { ...init, headers: { ...bearer(admin), ...(init.headers as Record<string, string> | undefined) } });
  }

  async function createCategory(name: string, parentId: string | null = null): Promise<string> {
    const response = await call('/api/admin/categories', { method: 'POST', json: { name, parentId } });
    expect(response.status).withContext(name).toBe(201);
    return ((await response.json()) as Category).id;
  }

  function productInput(overrides: Partial<AdminProductInput> = {}): AdminProductInput {
    return { title: 'Copper Kettle', description: 'Whistles when ready.', categoryId: kitchenId, price: { amount: 4999, currency: 'EUR' }, stock: 12, status: 'active', ...overrides };
  }

  async function create(overrides: Partial<AdminProductInput> = {}): Promise<AdminProduct> {
    const response = await call('/api/admin/products', { method: 'POST', json: productInput(overrides) });
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as AdminProduct;
  }

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    homeId = await createCategory('Home');
    kitchenId = await createCategory('Kitchen', homeId);
    imageIds = [];
    for (const colour of ['#ff0000', '#00ff00']) {
      const bytes = await sharp({ create: { width: 20, height: 20, channels: 3, background: colour } }).webp().toBuffer();
      imageIds.push((await storeImage(bytes, { filename: 'x.webp', contentType: 'image/webp', width: 20, height: 20 })).id);
    }
  });

  it('creates a product with a slug from its title, searchable at once, with its category path', async () => {
    const product = await create({ title: 'Enamel Milk Pan', attributes: [{ name: 'Colour', value: 'Sage' }] });
    expect(product.slug).toBe('enamel-milk-pan');
    expect(product).toEqual(jasmine.objectContaining({ stock: 12, reserved: 0, available: 12, status: 'active' }));
    const found = (await (await shop.request('/api/products?q=sage%20milk')).json()) as { items: ProductSummary[] };
    expect(found.items.map((item) => item.id)).toEqual([product.id]);
    const detail = (await (await shop.request(`/api/products/${product.slug}`)).json()) as ProductDetail;
    expect(detail.breadcrumbs.map((crumb) => crumb.name)).toEqual(['Home', 'Kitchen']);
    expect(detail.attributes).toEqual([{ name: 'Colour', value: 'Sage' }]);
    expect(detail.seller).toEqual({ id: 'shop', name: 'MEAN Shop' });
    const inParent = (await (await shop.request('/api/products?category=home')).json()) as { total: number };
    expect(inParent.total).toBeGreaterThan(0);
  });

  it('gives a second product with the same title its own slug, and refuses a taken slug with 409 on the field', async () => {
    const first = await create({ title: 'Tea Towel' });
    const second = await create({ title: 'Tea Towel' });
    expect(second.slug).toBe(`${first.slug}-2`);
    const clash = await call('/api/admin/products', { method: 'POST', json: productInput({ title: 'Other', slug: first.slug }) });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as ErrorBody).error.details?.[0]?.path).toBe('body.slug');
  });

  it('names each invalid field, and refuses unknown categories, images and floats for money', async () => {
    const invalid = await call('/api/admin/products', { method: 'POST', json: { ...productInput(), title: '', price: { amount: 19.99, currency: 'EUR' }, stock: -1 } });
    expect(invalid.status).toBe(400);
    const paths = ((await invalid.json()) as ErrorBody).error.details!.map((detail) => detail.path).sort();
    expect(paths).toEqual(['body.price.amount', 'body.stock', 'body.title']);

    const unknownCategory = await call('/api/admin/products', { method: 'POST', json: productInput({ categoryId: '0123456789abcdef01234567' }) });
    expect(((await unknownCategory.json()) as ErrorBody).error.details?.[0]?.path).toBe('body.categoryId');
    const unknownImage = await call('/api/admin/products', { method: 'POST', json: productInput({ images: [imageIds[0]!, '0123456789abcdef01234567'] }) });
    expect(((await unknownImage.json()) as ErrorBody).error.details?.[0]?.path).toBe('body.images.1');
  });

  it('edits fields, attaches and reorders images, and hides drafts from shoppers', async () => {
    const product = await create({ images: [imageIds[0]!] });
    const edited = await call(`/api/admin/products/${product.id}`, { method: 'PATCH', json: { title: 'Copper Kettle XL', images: [imageIds[1]!, imageIds[0]!], status: 'draft' } });
    expect(edited.status).toBe(200);
    const body = (await edited.json()) as AdminProduct;
    expect(body.images).toEqual([imageIds[1]!, imageIds[0]!]);
    expect(body.title).toBe('Copper Kettle XL');
    expect((await shop.request(`/api/products/${product.id}`)).status).toBe(404);
    expect((await call(`/api/admin/products/${product.id}`, { method: 'PATCH', json: { stock: 99 } })).status).withContext('stock goes through its route').toBe(400);
  });

  it('deletes a product never sold, and archives one that was', async () => {
    const unsold = await create();
    const sold = await create();
    await ProductModel.updateOne({ _id: sold.id }, { $set: { soldCount: 3 } });
    expect(await (await call(`/api/admin/products/${unsold.id}`, { method: 'DELETE' })).json()).toEqual({ result: 'deleted' });
    expect(await (await call(`/api/admin/products/${sold.id}`, { method: 'DELETE' })).json()).toEqual({ result: 'archived' });
    expect(await ProductModel.exists({ _id: unsold.id })).toBeNull();
    expect((await ProductModel.findById(sold.id).lean())?.status).toBe('archived');
  });

  it('adjusts stock with a logged reason, never below what is reserved, and pushes the new availability', async () => {
    const product = await create({ stock: 10 });
    await ProductModel.updateOne({ _id: product.id }, { $set: { reserved: 4, available: 6 } });
    const watcher = connect(shop.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await watcher.timeout(5000).emitWithAck('watch', { productIds: [product.id] });
    const pushed = new Promise<StockChanged>((resolve) => watcher.once('stock:changed', resolve));

    const added = await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { add: 5, reason: 'Delivery from supplier' } });
    expect(await added.json()).toEqual({ stock: 15, available: 11 });
    expect(await pushed).toEqual({ productId: product.id, available: 11 });
    watcher.disconnect();

    const set = await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { set: 4, reason: 'Stocktake' } });
    expect(await set.json()).toEqual({ stock: 4, available: 0 });
    const belowReserved = await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { set: 3, reason: 'Stocktake' } });
    expect(belowReserved.status).toBe(409);
    const both = await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { set: 3, add: 1, reason: 'x' } });
    expect(both.status).toBe(400);
    const noReason = await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { add: 1 } });
    expect(noReason.status).toBe(400);

    const movements = await StockMovementModel.find({ productId: product.id }).sort({ createdAt: 1 }).lean();
    expect(movements.map((movement) => [movement.change, movement.stockAfter, movement.reason])).toEqual([
      [5, 15, 'Delivery from supplier'],
      [-11, 4, 'Stocktake'],
    ]);
  });

  it('shows a stock change in listings at once', async () => {
    const product = await create({ title: 'Rare Teapot', stock: 3 });
    const listed = async () => ((await (await shop.request('/api/products?q=rare%20teapot&inStock=true')).json()) as { items: ProductSummary[] }).items;
    expect((await listed()).map((item) => item.available)).toEqual([3]);
    await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { set: 0, reason: 'Broken in the warehouse' } });
    expect(await listed()).toEqual([]);
    await call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { add: 7, reason: 'Found more' } });
    expect((await listed()).map((item) => item.available)).toEqual([7]);
  });

  it('keeps concurrent stock additions exact', async () => {
    const product = await create({ stock: 0 });
    await Promise.all(Array.from({ length: 10 }, () => call(`/api/admin/products/${product.id}/stock`, { method: 'POST', json: { add: 3, reason: 'parallel' } })));
    const stored = (await ProductModel.findById(product.id).lean())!;
    expect([stored.stock, stored.available]).toEqual([30, 30]);
  });

  it('lists every status to admins, filters low stock, and is closed to others', async () => {
    await create({ title: 'Nearly gone', stock: 2 });
    const lowStock = (await (await call('/api/admin/products?lowStock=true&limit=100')).json()) as { items: AdminProduct[] };
    expect(lowStock.items.every((item) => item.available <= 5)).toBeTrue();
    expect(lowStock.items.map((item) => item.title)).toContain('Nearly gone');
    const customer = await signUp(shop);
    expect((await shop.request('/api/admin/products', { headers: bearer(customer) })).status).toBe(403);
    expect((await shop.request('/api/admin/products', { method: 'POST', headers: bearer(customer), json: productInput() })).status).toBe(403);
  });

  it('renames a category, and its products are found by the new name', async () => {
    const gadgets = await createCategory('Gadgets');
    await create({ title: 'Pocket Torch', categoryId: gadgets });
    const renamed = await call(`/api/admin/categories/${gadgets}`, { method: 'PATCH', json: { name: 'Gizmos' } });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as Category).name).toBe('Gizmos');
    const found = (await (await shop.request('/api/products?q=gizmos')).json()) as { items: ProductSummary[] };
    expect(found.items.map((item) => item.title)).toEqual(['Pocket Torch']);
  });

  it('deletes only empty categories', async () => {
    expect((await call(`/api/admin/categories/${homeId}`, { method: 'DELETE' })).status).toBe(409);
    const empty = await createCategory('Seasonal');
    expect((await call(`/api/admin/categories/${empty}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('suggests related products from the same category first', async () => {
    const anchor = await create({ title: 'Anchor Pot' });
    const sibling = await create({ title: 'Sibling Pot' });
    const related = (await (await shop.request(`/api/products/${anchor.slug}/related`)).json()) as ProductSummary[];
    expect(related.map((item) => item.id)).toContain(sibling.id);
    expect(related.map((item) => item.id)).not.toContain(anchor.id);
    expect(related.length).toBeLessThanOrEqual(8);
  });
});
