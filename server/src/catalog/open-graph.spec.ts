import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestShop } from '../../test/test-shop';
import { createCategory, createProduct } from '../../test/catalog-fixtures';

describe('Shared product links', () => {
  const clientDir = mkdtempSync(path.join(tmpdir(), 'meanshop-client-'));
  writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html><head><title>MEAN Shop</title><meta name="description" content="The shop"></head><body><shop-root></shop-root></body></html>',
  );
  const shop = useTestShop({ PUBLIC_URL: 'https://shop.example' }, { clientDir });
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

  function metaContent(html: string, key: string): string | undefined {
    return new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)">`).exec(html)?.[1];
  }

  it('serve the product page with its title, description, image and price for previews', async () => {
    const category = await createCategory(shop, 'Lamps');
    const product = await createProduct(shop, { title: 'Brass "Desk" Lamp <Classic>', category, price: 8999 });
    await product.updateOne({ $set: { images: [product._id] } });
    await shop.shop.events.publish('product.changed', { productId: product._id.toString() });
    const response = await shop.request(`/products/${product.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Brass &#34;Desk&#34; Lamp &#60;Classic&#62; · MEAN Shop</title>');
    expect(metaContent(html, 'og:title')).toBe('Brass &#34;Desk&#34; Lamp &#60;Classic&#62;');
    expect(metaContent(html, 'og:url')).toBe(`https://shop.example/products/${product.slug}`);
    expect(metaContent(html, 'og:image')).toBe(`https://shop.example/api/media/${product._id.toString()}?w=960`);
    expect(metaContent(html, 'product:price:amount')).toBe('89.99');
    expect(metaContent(html, 'product:price:currency')).toBe('EUR');
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'description')).toContain('Description of Brass');
    expect(html.match(/name="description"/g)?.length).withContext('one description only').toBe(1);
    expect(html).toContain('<shop-root></shop-root>');
  });

  it('serve the plain app for unknown or hidden products, which the app then shows as not found', async () => {
    const category = await createCategory(shop, 'Drafts');
    const draft = await createProduct(shop, { title: 'Unreleased Thing', category, status: 'draft' });
    for (const slug of ['no-such-product', draft.slug, 'BAD%20slug']) {
      const response = await shop.request(`/products/${slug}`);
      expect(response.status).withContext(slug).toBe(200);
      const html = await response.text();
      expect(html).toContain('<title>MEAN Shop</title>');
      expect(html).not.toContain('og:title');
    }
  });
});
