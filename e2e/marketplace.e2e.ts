import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { asNewClient, fillCheckout, newPage, newShopper, password, signInInBrowser } from './shop-helpers';

test.describe('Marketplace', () => {
  test('a user applies to sell, an admin approves, the seller lists a product with an image, a shopper buys it, the seller ships it and the shopper sees it live', async ({ page, browser, request }) => {
    test.setTimeout(180_000);
    const suffix = randomBytes(3).toString('hex');
    const shopName = `E2E Lamp Works ${suffix}`;
    const title = `E2E driftwood lamp ${suffix}`;
    const email = await newShopper(request);
    const login = await request.post('/api/auth/login', { headers: asNewClient(), data: { email, password } });
    const userId = ((await login.json()) as { user: { id: string } }).user.id;

    // 1. The user applies on their account page.
    await signInInBrowser(page, email);
    await page.goto('/account');
    await page.getByLabel('Shop name').fill(shopName);
    await page.getByLabel('Contact email').fill(email);
    await page.getByLabel('What you would sell').fill('Lamps made from driftwood found on the west coast.');
    await page.getByRole('button', { name: 'Apply to sell' }).click();
    await expect(page.getByText('An admin is looking at it; you can sell once it is approved.')).toBeVisible();

    // 2. An admin approves the application; the applicant's open page learns the new role live.
    const admin = await newPage(browser, page);
    try {
      await signInInBrowser(admin, 'admin@demo.shop', 'demo-password');
      await admin.goto('/admin/sellers?status=pending');
      const row = admin.locator(`tr[data-seller-id="${userId}"]`);
      await row.getByRole('button', { name: /^Approve/ }).click();
      await admin.getByRole('dialog').getByRole('button', { name: 'Approve', exact: true }).click();
      await expect(row).toContainText('Approved');
    } finally {
      await admin.context().close();
    }
    await expect(page.getByRole('link', { name: 'Seller area' })).toBeVisible();

    // 3. The new seller lists a product with an image in the seller area.
    await page.getByRole('link', { name: 'Seller area' }).click();
    await page.goto('/seller/products/new');
    await expect(page.getByRole('heading', { name: 'New product', level: 1 })).toBeVisible();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Description (optional)', { exact: true }).fill('Driftwood, linen shade, warm LED.');
    await page.getByLabel('Status', { exact: true }).selectOption('active');
    await page.getByLabel('Category', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Price (€)', { exact: true }).fill('64.00');
    await page.getByLabel('Stock on hand', { exact: true }).fill('4');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 160, g: 120, b: 80 } } }).png().toBuffer();
    await page.locator('#product-images-file').setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: photo });
    await expect(page.getByRole('list', { name: 'Images in display order' }).getByRole('img')).toHaveCount(1);
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page).toHaveURL(/\/seller\/products\/[0-9a-f]{24}$/);

    // 4. A shopper finds it, sees who sells it, and buys it.
    const shopper = await newPage(browser, page);
    try {
      await shopper.goto(`/products?q=${encodeURIComponent(title)}`);
      await shopper.getByRole('link', { name: new RegExp(title) }).first().click();
      await expect(shopper.getByRole('heading', { name: title, level: 1 })).toBeVisible();
      await expect(shopper.getByRole('link', { name: shopName })).toHaveAttribute('href', `/sellers/${userId}`);
      await shopper.getByRole('button', { name: 'Add to cart', exact: true }).click();
      await expect(shopper.getByRole('link', { name: 'View your cart' })).toBeVisible();
      await fillCheckout(shopper, '4242 4242 4242 4242', `buyer-${suffix}@example.test`);
      await shopper.getByRole('button', { name: 'Place order' }).click();
      await expect(shopper).toHaveURL(/\/orders\/[0-9a-f]{24}/);
      const chip = shopper.locator('shop-order-status-chip').first();
      await expect(chip).toHaveText('Paid');
      const number = /Order (MS-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await shopper.getByRole('heading', { level: 1 }).textContent()) ?? '')![1]!;

      // 5. The seller ships their line; it is the whole order, so the order ships.
      await page.goto('/seller/orders');
      await page.getByRole('link', { name: number }).click();
      await expect(page.getByRole('heading', { name: new RegExp(number), level: 1 })).toBeVisible();
      await page.getByLabel('Carrier').fill('An Post');
      await page.getByLabel('Tracking number').fill('CE123456789IE');
      await page.getByRole('button', { name: /^Mark shipped/ }).click();
      await expect(page.locator('shop-order-status-chip').first()).toHaveText('Shipped');

      // 6. The shopper's page was never reloaded: the move came over socket.io, with the tracking number.
      await expect(chip).toHaveText('Shipped');
      await expect(shopper.getByText('An Post · tracking CE123456789IE')).toBeVisible();
    } finally {
      await shopper.context().close();
    }
  });
});
