import type { Category, ProductList, ProductSummary } from '@shared/catalog/product';
import type { ErrorBody } from '@shared/errors';
import type { Types } from 'mongoose';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from './category.model';
import { ProductModel } from './product.model';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';

// Every listing expectation holds whichever source answers it (see catalog-source.ts).
for (const listingSource of ['memory', 'database'] as const) describe(`Catalogue API, listings from ${listingSource}`, () => {
  const shop = useTestShop({ CATALOG_LISTING: listingSource });

  async function listProducts(query = ''): Promise<ProductList> {
    const response = await shop.request(`/api/products${query}`);
    expect(response.status).withContext(`GET /api/products${query}`).toBe(200);
    return (await response.json()) as ProductList;
  }

  async function expectBadRequest(query: string, path: string): Promise<void> {
    const response = await shop.request(`/api/products${query}`);
    expect(response.status).withContext(query).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details?.map((detail) => detail.path)).withContext(query).toContain(path);
  }

  let electronics: Awaited<ReturnType<typeof createCategory>>;
  let audio: Awaited<ReturnType<typeof createCategory>>;
  let books: Awaited<ReturnType<typeof createCategory>>;
  let seller: { _id: Types.ObjectId };

  beforeAll(async () => {
    electronics = await createCategory(shop, 'Electronics');
    audio = await createCategory(shop, 'Audio', electronics);
    books = await createCategory(shop, 'Books');
    await createProduct(shop, { title: 'Cheap speaker', category: audio, price: 1999, stock: 5, soldCount: 50 });
    await createProduct(shop, { title: 'Premium headphones', category: audio, price: 29_999, compareAtPrice: 34_999, stock: 2, reserved: 2, soldCount: 90 });
    seller = await UserModel.create({ email: 'sam@seller.test', name: 'Sam Seller', role: 'seller', passwordHash: 'not-used' });
    await createProduct(shop, { title: 'Laptop stand', category: electronics, price: 4999, stock: 0, soldCount: 10, sellerId: seller._id });
    await createProduct(shop, { title: 'A novel', category: books, price: 1299, stock: 30, soldCount: 70 });
    await createProduct(shop, { title: 'A cookbook', category: books, price: 2499, stock: 12, soldCount: 5 });
    await createProduct(shop, { title: 'Secret draft', category: books, price: 100, status: 'draft' });
    await createProduct(shop, { title: 'Old archived thing', category: audio, price: 100, status: 'archived' });
  });

  it('lists only active products, with the total and the paging it used', async () => {
    const list = await listProducts();
    expect(list.total).toBe(5);
    expect(list.page).toBe(1);
    expect(list.limit).toBe(24);
    expect(list.items.map((item) => item.title)).not.toContain('Secret draft');
    expect(list.items.map((item) => item.title)).not.toContain('Old archived thing');
  });

  it('gives each product the shopper fields, with money in minor units and available = stock - reserved', async () => {
    const list = await listProducts('?sort=price_desc&limit=1');
    const [premium] = list.items as [ProductSummary];
    expect(premium.title).toBe('Premium headphones');
    expect(premium.price).toEqual({ amount: 29_999, currency: 'EUR' });
    expect(premium.compareAtPrice).toEqual({ amount: 34_999, currency: 'EUR' });
    expect(premium.available).toBe(0);
    expect(premium.category).toEqual({ id: audio._id.toString(), slug: 'audio', name: 'Audio' });
    expect(premium.id).toMatch(/^[a-f0-9]{24}$/);
  });

  it('pages through the list without repeating or skipping a product', async () => {
    const first = await listProducts('?limit=2&page=1&sort=price_asc');
    const second = await listProducts('?limit=2&page=2&sort=price_asc');
    const third = await listProducts('?limit=2&page=3&sort=price_asc');
    const titles = [...first.items, ...second.items, ...third.items].map((item) => item.title);
    expect(titles).toEqual(['A novel', 'Cheap speaker', 'A cookbook', 'Laptop stand', 'Premium headphones']);
    expect(third.total).toBe(5);
  });

  it('answers an empty page past the end', async () => {
    const list = await listProducts('?limit=2&page=9');
    expect(list.items).toEqual([]);
    expect(list.total).toBe(5);
  });

  it('sorts by price both ways, by newest and by best-selling', async () => {
    expect((await listProducts('?sort=price_asc')).items.map((item) => item.price.amount)).toEqual([1299, 1999, 2499, 4999, 29_999]);
    expect((await listProducts('?sort=price_desc')).items.map((item) => item.price.amount)).toEqual([29_999, 4999, 2499, 1999, 1299]);
    expect((await listProducts('?sort=newest')).items[0]!.title).toBe('A cookbook');
    expect((await listProducts('?sort=bestselling')).items.map((item) => item.title)).toEqual([
      'Premium headphones', 'A novel', 'Cheap speaker', 'Laptop stand', 'A cookbook',
    ]);
  });

  it('filters by category, sub-categories included', async () => {
    const electronicsList = await listProducts('?category=electronics');
    expect(electronicsList.items.map((item) => item.title).sort()).toEqual(['Cheap speaker', 'Laptop stand', 'Premium headphones']);
    const audioList = await listProducts('?category=audio');
    expect(audioList.total).toBe(2);
    const unknown = await listProducts('?category=no-such-category');
    expect(unknown.total).toBe(0);
  });

  it('filters by price range in minor units, and by stock', async () => {
    const midRange = await listProducts('?minPrice=1999&maxPrice=4999');
    expect(midRange.items.map((item) => item.title).sort()).toEqual(['A cookbook', 'Cheap speaker', 'Laptop stand']);
    const inStock = await listProducts('?inStock=true');
    expect(inStock.items.every((item) => item.available > 0)).toBeTrue();
    expect(inStock.total).toBe(3);
  });

  it('counts products per category and in stock for the current filter', async () => {
    const list = await listProducts('?maxPrice=4999');
    // A parent category counts its children's products too.
    expect(list.facets.categories).toEqual([
      { slug: 'books', name: 'Books', parentSlug: null, count: 2 },
      { slug: 'electronics', name: 'Electronics', parentSlug: null, count: 2 },
      { slug: 'audio', name: 'Audio', parentSlug: 'electronics', count: 1 },
    ]);
    expect(list.facets.inStock).toBe(3);
    expect(list.facets.sellers).toEqual([
      { id: 'shop', name: 'MEAN Shop', count: 3 },
      { id: seller._id.toString(), name: 'Sam Seller', count: 1 },
    ]);
    // The price facet ignores the price filter itself, so other bands stay visible.
    expect(list.facets.priceBands.map((band) => band.count)).toEqual([3, 1, 0, 0, 1, 0]);
  });

  it('keeps facet counts for other categories while one is chosen', async () => {
    const list = await listProducts('?category=audio');
    expect(list.total).toBe(2);
    expect(list.facets.categories.find((category) => category.slug === 'books')?.count).toBe(2);
    expect(list.facets.inStock).toBe(1);
  });

  it('finds products whose words start with every search word, case and accents aside', async () => {
    expect((await listProducts('?q=speak')).items.map((item) => item.title)).toEqual(['Cheap speaker']);
    expect((await listProducts('?q=CHEAP%20Spéaker')).items.map((item) => item.title)).toEqual(['Cheap speaker']);
    expect((await listProducts('?q=cheap%20novel')).total).toBe(0);
    expect((await listProducts('?q=a')).items.map((item) => item.title).sort()).toEqual(['A cookbook', 'A novel']);
    // Punctuation, regex syntax included, is not part of a word and is never interpreted.
    expect((await listProducts('?q=.*')).total).withContext('no words: everything').toBe(5);
    expect((await listProducts('?q=%5E(a%2B)%2B%24')).items.map((item) => item.title).sort()).toEqual(['A cookbook', 'A novel']);
  });

  it('ranks search results with title matches first', async () => {
    const list = await listProducts('?q=description%20novel');
    // Every fixture description contains "Description of <title>"; only the novel has "novel" in its title.
    expect(list.items.map((item) => item.title)).toEqual(['A novel']);
    const both = await listProducts('?q=description');
    expect(both.total).toBe(5);
  });

  it('filters by seller, and by the shop\'s own products', async () => {
    expect((await listProducts(`?seller=${seller._id.toString()}`)).items.map((item) => item.title)).toEqual(['Laptop stand']);
    expect((await listProducts('?seller=shop')).total).toBe(4);
    const invalid = await shop.request('/api/products?seller=someone');
    expect(invalid.status).toBe(400);
  });

  it('refuses unknown parameters, operator objects and out-of-range paging with 400 and the field named', async () => {
    await expectBadRequest('?colour=red', 'query');
    await expectBadRequest('?category[$ne]=x', 'query');
    await expectBadRequest('?category=a&category=b', 'query.category');
    await expectBadRequest('?limit=101', 'query.limit');
    await expectBadRequest('?limit=0', 'query.limit');
    await expectBadRequest('?page=-1', 'query.page');
    await expectBadRequest('?page=1.5', 'query.page');
    await expectBadRequest('?minPrice=-5', 'query.minPrice');
    await expectBadRequest('?sort=cheapest', 'query.sort');
    await expectBadRequest('?inStock=yes', 'query.inStock');
  });

  it('shows one active product by slug or id, and 404 for drafts, archived and unknown ones', async () => {
    const novel = (await ProductModel.findOne({ title: 'A novel' }).lean())!;
    const bySlug = await shop.request(`/api/products/${novel.slug}`);
    expect(bySlug.status).toBe(200);
    expect(((await bySlug.json()) as ProductSummary).title).toBe('A novel');
    const byId = await shop.request(`/api/products/${novel._id.toString()}`);
    expect(((await byId.json()) as ProductSummary).slug).toBe(novel.slug);

    const draft = (await ProductModel.findOne({ title: 'Secret draft' }).lean())!;
    for (const hidden of [draft.slug, draft._id.toString(), 'no-such-product', '0123456789abcdef01234567']) {
      const response = await shop.request(`/api/products/${hidden}`);
      expect(response.status).withContext(hidden).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
    }
    expect((await shop.request('/api/products/bad%20slug!')).status).toBe(400);
  });

  it('suggests related products from the same category first, then from its parent, never itself or other trees', async () => {
    const speaker = (await ProductModel.findOne({ title: 'Cheap speaker' }).lean())!;
    const response = await shop.request(`/api/products/${speaker.slug}/related`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as ProductSummary[]).map((item) => item.title)).toEqual(['Premium headphones', 'Laptop stand']);
  });

  it('lists categories with parent and the number of active products, sub-categories included', async () => {
    const response = await shop.request('/api/categories');
    const categories = (await response.json()) as Category[];
    const byName = new Map(categories.map((category) => [category.name, category]));
    expect(byName.get('Electronics')).toEqual(jasmine.objectContaining({ parentId: null, productCount: 3 }));
    expect(byName.get('Audio')).toEqual(jasmine.objectContaining({ parentId: electronics._id.toString(), productCount: 2 }));
    expect(byName.get('Books')?.productCount).toBe(2);
    expect(await CategoryModel.countDocuments()).toBe(3);
  });
});
