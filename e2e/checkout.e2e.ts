import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { addFromProductPage, adminToken, asNewClient, fillCheckout, newPage, newShopper, password, productsInStock, signInInBrowser } from './shop-helpers';

test.describe('Buying', () => {
  test('a guest fills a cart, signs in (the carts merge), checks out with the test card and sees the confirmation', async ({ page, request }) => {
    const [first, second] = await productsInStock(request, 2);
    const email = await newShopper(request);
    // Something in the account's own cart already, from another device.
    const login = await request.post('/api/auth/login', { headers: asNewClient(), data: { email, password } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const remote = await request.post('/api/cart/items', { headers: { authorization: `Bearer ${accessToken}` }, data: { productId: second!.id, quantity: 1 } });
    expect(remote.ok(), await remote.text()).toBeTruthy();

    await addFromProductPage(page, first!, 2);
    await expect(page.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();
    await signInInBrowser(page, email);
    await expect(page.getByRole('link', { name: 'Cart, 3 items' })).toBeVisible();

    await page.goto('/cart');
    await expect(page.getByRole('link', { name: first!.title })).toBeVisible();
    await expect(page.getByRole('link', { name: second!.title })).toBeVisible();

    await fillCheckout(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f]{24}/);
    await expect(page.getByRole('status').filter({ hasText: 'Thank you for your order!' })).toBeVisible();
    await expect(page.locator('shop-order-status-chip').first()).toHaveText('Paid');
    await expect(page.getByRole('link', { name: 'Cart, empty' })).toBeVisible();

    await page.goto('/account/orders');
    await expect(page.getByText(/Order MS-[0-9A-Z]{4}-[0-9A-Z]{4}/)).toHaveCount(1);
  });

  test('the declined card says so in words, and leaves no paid order', async ({ page, request }) => {
    const [product] = await productsInStock(request, 1);
    const email = `declined-${randomBytes(4).toString('hex')}@example.test`;
    await addFromProductPage(page, product!);
    await fillCheckout(page, '4000 0000 0000 0002', email);
    await page.getByRole('button', { name: 'Place order' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'Your card was declined' })).toBeVisible();
    await expect(page).toHaveURL(/\/checkout$/);
    const token = await adminToken(request);
    const orders = (await (await request.get('/api/admin/orders', { headers: { authorization: `Bearer ${token}` } })).json()) as { items: Array<{ email: string; status: string }> };
    const mine = orders.items.filter((order) => order.email === email);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((order) => order.status === 'cancelled')).toBeTruthy();
  });

  test('an admin ships the order and the shopper\'s open order page says "Shipped" without a reload', async ({ page, browser, request }) => {
    const [product] = await productsInStock(request, 1);
    await addFromProductPage(page, product!);
    await fillCheckout(page, '4242 4242 4242 4242', `watcher-${randomBytes(4).toString('hex')}@example.test`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f]{24}/);
    const orderId = /\/orders\/([0-9a-f]{24})/.exec(page.url())![1]!;
    const chip = page.locator('shop-order-status-chip').first();
    await expect(chip).toHaveText('Paid');

    const admin = await newPage(browser, page);
    try {
      await signInInBrowser(admin, 'admin@demo.shop', 'demo-password');
      await admin.goto(`/admin/orders/${orderId}`);
      for (const move of ['Start fulfilment', 'Mark as shipped']) {
        await admin.getByRole('button', { name: move }).click();
        const dialog = admin.getByRole('dialog');
        if (move === 'Mark as shipped') await dialog.getByLabel(/Note/).fill('DHL 00340434161094042557');
        await dialog.getByRole('button', { name: move }).click();
        await expect(dialog).toBeHidden();
      }
      await expect(admin.locator('shop-order-status-chip').first()).toHaveText('Shipped');
    } finally {
      await admin.context().close();
    }

    // The shopper's page was never reloaded: the status came over socket.io.
    await expect(chip).toHaveText('Shipped');
    await expect(page.getByText('DHL 00340434161094042557')).toBeVisible();
  });

  test('one shopper buys the last unit and another shopper\'s product page says so without a reload', async ({ page, browser, request }) => {
    const [, , product] = await productsInStock(request, 3);
    const token = await adminToken(request);
    const adjust = (change: object) =>
      request.post(`/api/admin/products/${product!.id}/stock`, { headers: { authorization: `Bearer ${token}` }, data: { ...change, reason: 'e2e: last unit' } });
    const before = (await (await adjust({ add: 1 })).json()) as { stock: number; available: number };
    const reserved = before.stock - before.available;
    try {
      expect((await adjust({ set: reserved + 1 })).ok()).toBeTruthy();
      const watcher = await newPage(browser, page);
      await watcher.goto(`/products/${product!.slug}`);
      const stock = watcher.locator('.summary .stock');
      await expect(stock).toHaveText('Only 1 left');

      await addFromProductPage(page, product!);
      await fillCheckout(page, '4242 4242 4242 4242', `last-${randomBytes(4).toString('hex')}@example.test`);
      await page.getByRole('button', { name: 'Place order' }).click();
      await expect(page).toHaveURL(/\/orders\/[0-9a-f]{24}/);

      await expect(stock).toHaveText('Out of stock');
      await expect(watcher.getByRole('button', { name: 'Add to cart', exact: true })).toBeDisabled();
      await watcher.context().close();
    } finally {
      await adjust({ set: before.stock - 1 });
    }
  });
});
