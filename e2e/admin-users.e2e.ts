import { expect, test } from '@playwright/test';
import { adminToken, newPage, newShopper, signInInBrowser } from './shop-helpers';

test.describe('Admin users page', () => {
  test('an admin demotes another admin after confirming; the demoted admin\'s open dashboard closes at once', async ({ page, browser, request }) => {
    // A second admin, made through the API: a customer promoted by the demo admin.
    const email = await newShopper(request);
    const token = await adminToken(request);
    const found = await request.get(`/api/admin/users?q=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } });
    const [user] = ((await found.json()) as { items: Array<{ id: string }> }).items;
    const promoted = await request.patch(`/api/admin/users/${user!.id}`, { headers: { authorization: `Bearer ${token}` }, data: { role: 'admin' } });
    expect(promoted.ok(), await promoted.text()).toBeTruthy();

    const demoted = await newPage(browser, page);
    try {
      await signInInBrowser(demoted, email);
      await demoted.goto('/admin/orders');
      await expect(demoted.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();

      await signInInBrowser(page, 'admin@demo.shop', 'demo-password');
      await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
      const role = page.getByLabel('Role of Grace Hopper');
      await expect(role).toHaveValue('admin');

      // Cancelled first: nothing changes.
      await role.selectOption('customer');
      const dialog = page.getByRole('dialog', { name: 'Make Grace Hopper a customer?' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Keep as it is' }).click();
      await expect(dialog).toBeHidden();
      await expect(role).toHaveValue('admin');
      await expect(demoted).toHaveURL(/\/admin\/orders$/);

      await role.selectOption('customer');
      await dialog.getByRole('button', { name: 'Make customer' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Grace Hopper is now customer.' })).toBeVisible();
      // No reload in the other browser: the socket told it, and the dashboard is gone.
      await expect(demoted).toHaveURL(/\/not-allowed$/);
      await expect(demoted.getByRole('heading', { name: "This page isn't available to your account" })).toBeVisible();
    } finally {
      await demoted.context().close();
    }
  });
});
