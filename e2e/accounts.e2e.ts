import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** The newest mail the development outbox holds for `to`, waiting a little for it to be written. */
async function latestMailTo(request: APIRequestContext, to: string): Promise<OutboxMail> {
  let found: OutboxMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/dev/outbox');
        expect(response.ok()).toBeTruthy();
        const { items } = (await response.json()) as { items: OutboxMail[] };
        found = items.find((mail) => mail.to.toLowerCase() === to.toLowerCase());
        return found !== undefined;
      },
      { message: `a mail to ${to} in the development outbox`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

function uniqueEmail(): string {
  return `shopper-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Not on any list of common passwords, and different on every run. */
function strongPassword(): string {
  return `Lantern-${Math.random().toString(36).slice(2, 10)}-Quarry!`;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator('form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('Accounts', () => {
  test('sign up, sign out, reset a forgotten password from the mail, and sign in with it', async ({ page, request }) => {
    const name = 'Robin Tester';
    const email = uniqueEmail();
    const firstPassword = strongPassword();
    const newPassword = strongPassword();
    const header = page.getByRole('banner');

    await page.goto('/sign-up');
    await expect(page).toHaveTitle(/Create an account/);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(firstPassword);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(header.getByRole('link', { name })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);

    await header.getByRole('button', { name: 'Sign out' }).click();
    await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(header.getByRole('link', { name })).toHaveCount(0);

    await header.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Check your inbox' })).toBeVisible();

    const mail = await latestMailTo(request, email);
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.text)?.[0];
    expect(link, `a reset link in: ${mail.text}`).toBeTruthy();
    const resetUrl = new URL(link!);
    await page.goto(resetUrl.pathname + resetUrl.search);

    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, email, firstPassword);
    await expect(page.getByRole('alert')).toContainText('Wrong email or password');

    await signIn(page, email, newPassword);
    await expect(header.getByRole('link', { name })).toBeVisible();
  });

  test('an admin sees the demo accounts in the user list', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fadmin%2Fusers$/);
    await signIn(page, 'admin@demo.shop', 'demo-password');

    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Admin', exact: true })).toBeVisible();
    const table = page.getByRole('table');
    for (const email of ['admin@demo.shop', 'seller@demo.shop', 'shopper@demo.shop']) {
      await expect(table.getByRole('cell', { name: email, exact: true })).toBeVisible();
    }

    await page.getByLabel('Name or email').fill('demo.shop');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=demo\.shop/);
    // The three demo accounts and the two extra demo sellers.
    await expect(table.locator('tbody tr')).toHaveCount(5);
  });

  test('a shopper is kept out of the admin pages', async ({ page }) => {
    await page.goto('/sign-in?returnTo=%2Fadmin%2Fusers');
    await signIn(page, 'shopper@demo.shop', 'demo-password');
    await expect(page).toHaveURL(/\/not-allowed$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText("isn't available to your account");
  });
});
