import type { AdminProduct, Category } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import sharp from 'sharp';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { storeImage } from '../media/media.storage';

describe('Admin product editor API: one product', () => {
  const shop = useTestShop();
  let admin: Session;
  let category: Category;

  function call(path: string, init: RequestInit & { json?: unknown } = {}, session: Session | null = admin): Promise<Response> {
    return shop.request(path, { ...init, headers: session ? bearer(session) : {} });
  }

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    category = (await (await call('/api/admin/categories', { method: 'POST', json: { name: 'Editor shelves' } })).json()) as Category;
  });

  it('answers a draft with every field the editor shows, images in their order', async () => {
    const images: string[] = [];
    for (const colour of ['#123456', '#654321']) {
      const bytes = await sharp({ create: { width: 12, height: 12, channels: 3, background: colour } }).webp().toBuffer();
      images.push((await storeImage(bytes, { filename: 'x.webp', contentType: 'image/webp', width: 12, height: 12 })).id);
    }
    const created = await call('/api/admin/products', {
      method: 'POST',
      json: {
        title: 'Oak Wall Shelf', description: 'Holds books.', categoryId: category.id, price: { amount: 3450, currency: 'EUR' }, compareAtPrice: { amount: 3900, currency: 'EUR' },
        stock: 3, status: 'draft', attributes: [{ name: 'Wood', value: 'Oak' }], images: [images[1], images[0]],
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as AdminProduct;

    const response = await call(`/api/admin/products/${id}`);
    expect(response.status).toBe(200);
    expect((await response.json()) as AdminProduct).toEqual(
      jasmine.objectContaining({
        id, title: 'Oak Wall Shelf', slug: 'oak-wall-shelf', description: 'Holds books.', status: 'draft', stock: 3, available: 3,
        category: { id: category.id, slug: 'editor-shelves', name: 'Editor shelves' },
        price: { amount: 3450, currency: 'EUR' }, compareAtPrice: { amount: 3900, currency: 'EUR' },
        attributes: [{ name: 'Wood', value: 'Oak' }], images: [images[1]!, images[0]!],
      }),
    );
    expect((await shop.request(`/api/products/${id}`)).status).withContext('shoppers do not see drafts').toBe(404);
  });

  it('answers 404 for an unknown product, 400 for a bad id, and only to admins', async () => {
    const unknown = await call('/api/admin/products/0123456789abcdef01234567');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('not_found');
    expect((await call('/api/admin/products/not-an-id')).status).toBe(400);
    expect((await call('/api/admin/products/0123456789abcdef01234567', {}, null)).status).toBe(401);
    expect((await call('/api/admin/products/0123456789abcdef01234567', {}, await signInAs(shop, 'seller'))).status).toBe(403);
  });
});
