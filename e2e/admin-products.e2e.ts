import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { newPage, signInInBrowser } from './shop-helpers';

test.describe('Admin product editor', () => {
  test('an admin creates a product with an image, and shoppers find it in the storefront', async ({ page, browser }) => {
    const title = `E2E lantern ${randomBytes(3).toString('hex')}`;
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();

    await signInInBrowser(page, 'admin@demo.shop', 'demo-password');
    await page.goto('/admin/products');
    await page.getByRole('link', { name: 'New product' }).click();
    await expect(page.getByRole('heading', { name: 'New product', level: 1 })).toBeVisible();

    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Description (optional)', { exact: true }).fill('A lantern made by the e2e specs.');
    await page.getByLabel('Status', { exact: true }).selectOption('active');
    const category = page.getByLabel('Category', { exact: true });
    await category.selectOption({ index: 1 });
    await page.getByLabel('Price (€)', { exact: true }).fill('24.50');
    await page.getByLabel('Stock on hand', { exact: true }).fill('7');
    // The keyboard path of the drop zone: the file input behind "Choose images…".
    await page.locator('#product-images-file').setInputFiles({ name: 'lantern.png', mimeType: 'image/png', buffer: photo });
    const gallery = page.getByRole('list', { name: 'Images in display order' });
    await expect(gallery.getByRole('img')).toHaveCount(1);
    await expect(gallery.locator('progress')).toHaveCount(0);

    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f]{24}$/);
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

    const shopper = await newPage(browser, page);
    try {
      await shopper.goto(`/products?q=${encodeURIComponent(title)}`);
      const card = shopper.getByRole('link', { name: new RegExp(title) }).first();
      await expect(card).toBeVisible();
      await card.click();
      await expect(shopper.getByRole('heading', { name: title, level: 1 })).toBeVisible();
      await expect(shopper.getByText('€24.50').first()).toBeVisible();
      // The uploaded image, served by the media route, has really loaded.
      const image = shopper.locator('shop-product-gallery img').first();
      await expect(image).toBeVisible();
      // Lazy, and its first variant is rendered on request: it is given the time to arrive.
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
      expect(await image.getAttribute('src')).toMatch(/\/api\/media\/[0-9a-f]{24}/);
    } finally {
      await shopper.context().close();
    }
  });
});
