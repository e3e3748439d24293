import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { adminToken, newPage, productsInStock, signInInBrowser } from './shop-helpers';

test.describe('Admin stock page', () => {
  test("an admin sets a product's stock on /admin/stock; the shopper's open product page changes live", async ({ page, browser, request }) => {
    // Far down the list, away from the products the other specs buy or change.
    const product = (await productsInStock(request, 8)).at(-1)!;
    const admin = await newPage(browser, page);
    let stockBefore: number | undefined;
    try {
      await page.goto(`/products/${product.slug}`);
      const shopperStock = page.locator('.summary .stock');
      await expect(shopperStock).toHaveText(/In stock|Only \d+ left/);

      await signInInBrowser(admin, 'admin@demo.shop', 'demo-password');
      await admin.goto(`/admin/stock?q=${encodeURIComponent(product.title)}`);
      await expect(admin.getByRole('heading', { name: 'Stock', level: 1 })).toBeVisible();
      const row = admin.locator(`tr[data-product-id="${product.id}"]`);
      await expect(row.locator('[data-label="Available"] .live')).toHaveText(String(product.available));
      stockBefore = Number((await row.locator('[data-label="On hand"]').textContent())!.trim());
      const reserved = Number((await row.locator('[data-label="Reserved"]').textContent())!.trim());
      // Nothing is wider than the screen, on a phone too.
      expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      await row.getByRole('button', { name: `Adjust the stock of ${product.title}` }).click();
      const panel = admin.locator(`#manage-${product.id}`);
      await expect(panel.getByText('No stock changes have been made here yet.').or(panel.locator('shop-stock-movement-history li').first())).toBeVisible();
      await panel.getByLabel('Change').selectOption('set');
      await panel.getByLabel('Units').fill(String(reserved + 2));
      await panel.getByRole('button', { name: 'Apply' }).click();
      await expect(panel.getByText('A reason is required')).toBeVisible();

      const reason = `e2e stocktake ${randomBytes(3).toString('hex')}`;
      await panel.getByLabel('Reason').fill(reason);
      await panel.getByRole('button', { name: 'Apply' }).click();
      await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved: ${reserved + 2} on hand, 2 available.`);
      await expect(row.locator('[data-label="Available"] .live')).toHaveText('2');
      await expect(panel.locator('shop-stock-movement-history li').first()).toContainText(reason);

      // The shopper's page was never reloaded: the new availability came over socket.io.
      await expect(shopperStock).toHaveText('Only 2 left');
      await expect(page.getByLabel('Quantity')).toHaveAttribute('max', '2');

      // Below what unpaid orders hold is refused in words, when anything is held.
      if (reserved > 0) {
        await panel.getByLabel('Units').fill('0');
        await panel.getByLabel('Reason').fill('e2e: too low');
        await panel.getByRole('button', { name: 'Apply' }).click();
        await expect(panel.getByRole('alert').filter({ hasText: 'was not changed' })).toContainText(`Stock cannot go below the ${reserved} units reserved by unpaid orders`);
      }
    } finally {
      if (stockBefore !== undefined) {
        const response = await request.post(`/api/admin/products/${product.id}/stock`, {
          headers: { authorization: `Bearer ${await adminToken(request)}` },
          data: { set: stockBefore, reason: 'e2e: stock page restored' },
        });
        expect(response.ok(), await response.text()).toBeTruthy();
      }
      await admin.context().close();
    }
  });
});
