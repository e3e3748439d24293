import { expect, test } from '@playwright/test';

/**
 * Social login through the local OpenID Connect provider that playwright.config.ts starts on port
 * 4320 ("Local ID"): its sign-in page asks for an email only, and knows Ada Lovelace.
 */
test.describe('Social login', () => {
  test('signs in with Local ID and comes back to the page the shopper started from, signed in', async ({ page }) => {
    await page.goto('/sign-in?returnTo=%2Faccount');
    await page.getByRole('link', { name: 'Continue with Local ID' }).click();

    await expect(page.getByRole('heading', { name: 'Sign in to Local ID' })).toBeVisible();
    await page.getByLabel('Email').fill('ada@local-id.test');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/account$/);
    const header = page.getByRole('navigation', { name: 'Main' });
    await expect(header.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // The session survives a reload: the refresh cookie set by the callback is a real one.
    await page.reload();
    await expect(header.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  });

  test('creates an account for a new email on its first social sign-in', async ({ page }) => {
    const email = `grace-${Date.now().toString(36)}@local-id.test`;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Continue with Local ID' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/localhost:\d+\/$/);
    // The local provider names an account after its email's local part.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: email.split('@')[0] })).toBeVisible();
  });

  test('returns to the sign-in page with an explanation when the shopper cancels at the provider', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Continue with Local ID' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await expect(page).toHaveURL(/\/sign-in\?error=social_login_failed$/);
    await expect(page.getByText("Signing in with that account didn't work.")).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});
