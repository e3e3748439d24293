import { expect, test } from '@playwright/test';

test.describe('Storefront home page', () => {
  test('shows the demo catalogue as product cards with real images', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Everything for home');
    const cards = page.locator('shop-product-card');
    await expect(cards).toHaveCount(24);
    await expect(page.locator('.count')).toContainText(/\d+ products · page 1 of \d+/);

    const firstCard = cards.first();
    await expect(firstCard.getByRole('heading', { level: 3 })).not.toBeEmpty();
    await expect(firstCard.locator('.now')).toHaveText(/^€\d+\.\d{2}$/);
    const image = firstCard.locator('img');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);

    await expect(page.locator('.category-name')).toHaveCount(9);
  });

  test('pages through the catalogue with shareable URLs and a working back button', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('shop-product-card')).toHaveCount(24);
    const firstTitles = await page.locator('shop-product-card h3').allTextContents();

    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/\?page=2#catalogue$/);
    await expect(page.locator('.count')).toContainText('page 2 of');
    const secondTitles = await page.locator('shop-product-card h3').allTextContents();
    expect(secondTitles.filter((title) => firstTitles.includes(title))).toEqual([]);

    await page.goBack();
    await expect(page.locator('.count')).toContainText('page 1 of');
    await expect(page.locator('shop-product-card h3').first()).toHaveText(firstTitles[0]!);

    await page.goto('/?page=2');
    await expect(page.locator('shop-product-card h3').first()).toHaveText(secondTitles[0]!);
  });

  test('fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('shop-product-card')).toHaveCount(24);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('shows a friendly page for unknown addresses', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible();
  });
});

test.describe('API from the browser origin', () => {
  test('reports the database engine in /api/health', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.ok()).toBeTruthy();
    const health = (await response.json()) as { database: { engine: string; version: string } };
    expect(['ferretdb', 'mongodb']).toContain(health.database.engine);
    expect(health.database.version).not.toBe('');
  });

  test('serves browsable API docs listing the products route', async ({ page }) => {
    await page.goto('/api/docs/');
    await expect(page.getByText('/api/products', { exact: true }).first()).toBeVisible();
  });
});
