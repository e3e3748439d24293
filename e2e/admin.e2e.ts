import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { addFromProductPage, fillCheckout, newPage, productsInStock, signInInBrowser } from './shop-helpers';

test.describe('Admin overview', () => {
  test('an admin watches a shopper\'s order arrive live in the feed and the figures, then ships it; the shopper sees "Shipped" live', async ({ page, browser, request }) => {
    const admin = await newPage(browser, page);
    try {
      await signInInBrowser(admin, 'admin@demo.shop', 'demo-password');
      await admin.goto('/admin');
      await expect(admin.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
      await admin.getByRole('radio', { name: 'Today' }).check();
      const ordersToday = admin.locator('.kpi', { hasText: /^\s*Orders/ }).locator('.value');
      await expect(ordersToday).toHaveText(/^\s*\d+\s*$/);
      const before = Number((await ordersToday.textContent())!.trim());
      // The demo history fills the charts on first start.
      await expect(admin.getByRole('heading', { name: 'Revenue per day' })).toBeVisible();

      const [product] = await productsInStock(request, 1);
      await addFromProductPage(page, product!);
      await fillCheckout(page, '4242 4242 4242 4242', `overview-${randomBytes(4).toString('hex')}@example.test`);
      await page.getByRole('button', { name: 'Place order' }).click();
      await expect(page).toHaveURL(/\/orders\/[0-9a-f]{24}/);
      const number = (await page.getByText(/MS-[0-9A-Z]{4}-[0-9A-Z]{4}/).first().textContent())!.match(/MS-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
      const chip = page.locator('shop-order-status-chip').first();
      await expect(chip).toHaveText('Paid');

      // The admin's page was never reloaded: the order and the new figures came over socket.io.
      const feed = admin.getByRole('list', { name: 'Order events, newest first' });
      await expect(feed.getByRole('link', { name: `Order ${number}` }).first()).toBeVisible();
      await expect(ordersToday).toHaveText(new RegExp(`^\\s*${before + 1}\\s*$`));

      await feed.getByRole('link', { name: `Order ${number}` }).first().click();
      await expect(admin).toHaveURL(/\/admin\/orders\/[0-9a-f]{24}/);
      for (const move of ['Start fulfilment', 'Mark as shipped']) {
        await admin.getByRole('button', { name: move }).click();
        const dialog = admin.getByRole('dialog');
        await dialog.getByRole('button', { name: move }).click();
        await expect(dialog).toBeHidden();
      }
      await expect(chip).toHaveText('Shipped');
    } finally {
      await admin.context().close();
    }
  });

  test('the admin menu leads to every admin page and marks the current one', async ({ page }) => {
    await signInInBrowser(page, 'admin@demo.shop', 'demo-password');
    await page.goto('/admin');
    const menu = page.getByRole('navigation', { name: /admin/i });
    await expect(menu.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    await menu.getByRole('link', { name: 'Orders' }).click();
    await expect(page).toHaveURL(/\/admin\/orders$/);
    await expect(menu.getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
    await menu.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    // Nothing is wider than the screen, with the menu beside or above the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
