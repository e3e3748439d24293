import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { adminToken, newPage, newShopper, signInInBrowser } from './shop-helpers';

test.describe('Admin sellers page', () => {
  test("an admin suspends a seller after confirming: the seller's product leaves the storefront, and comes back on reinstating", async ({ page, browser, request }) => {
    // A seller of this spec's own, with one product, made through the API.
    const token = await adminToken(request);
    const headers = { authorization: `Bearer ${token}` };
    const email = await newShopper(request);
    const [user] = ((await (await request.get(`/api/admin/users?q=${encodeURIComponent(email)}`, { headers })).json()) as { items: Array<{ id: string }> }).items;
    expect((await request.patch(`/api/admin/users/${user!.id}`, { headers, data: { role: 'seller' } })).ok()).toBeTruthy();
    const [category] = (await (await request.get('/api/categories')).json()) as Array<{ id: string }>;
    const title = `E2E seller lamp ${randomBytes(3).toString('hex')}`;
    const created = await request.post('/api/admin/products', {
      headers,
      data: { title, description: 'Sold by a seller of the e2e specs.', categoryId: category!.id, price: { amount: 1500, currency: 'EUR' }, stock: 5, status: 'active', sellerId: user!.id },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    const { slug } = (await created.json()) as { slug: string };

    const shopper = await newPage(browser, page);
    try {
      await shopper.goto(`/products/${slug}`);
      await expect(shopper.getByRole('heading', { name: title, level: 1 })).toBeVisible();

      await signInInBrowser(page, 'admin@demo.shop', 'demo-password');
      await page.goto('/admin/sellers');
      const row = page.locator(`tr[data-seller-id="${user!.id}"]`);
      await expect(row).toContainText('Approved');
      await row.getByRole('button', { name: /^Suspend/ }).click();
      const dialog = page.getByRole('dialog', { name: /^Suspend Grace Hopper\?$/ });
      await expect(dialog).toContainText('Their 1 product leaves the storefront at once');
      await dialog.getByRole('button', { name: 'Suspend', exact: true }).click();
      await expect(row).toContainText('Suspended');

      await shopper.reload();
      await expect(shopper.getByRole('heading', { name: title, level: 1 })).toBeHidden();
      await expect(shopper.getByText(/not found|isn't here|no longer/i).first()).toBeVisible();

      await row.getByRole('button', { name: /^Reinstate/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Reinstate', exact: true }).click();
      await expect(row).toContainText('Approved');
      await shopper.reload();
      await expect(shopper.getByRole('heading', { name: title, level: 1 })).toBeVisible();

      // On record: who suspended and reinstated the seller.
      await page.goto(`/admin/audit?targetType=seller&targetId=${user!.id}`);
      await expect(page.locator('.entry')).toHaveCount(2);
      await expect(page.locator('.entry').first()).toContainText('Seller updated');
    } finally {
      await shopper.context().close();
    }
  });
});
