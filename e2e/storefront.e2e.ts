import { expect, test } from '@playwright/test';

test.describe('Storefront home page', () => {
  test('shows popular products as cards with real images, the categories and the newest products', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Everything for home');
    const popular = page.getByRole('region', { name: 'Popular right now' });
    const cards = popular.locator('shop-product-card');
    await expect(cards).toHaveCount(10);
    await expect(popular.getByRole('link', { name: /^Shop all [\d,]+ products$/ })).toHaveAttribute('href', '/products?sort=bestselling');

    const firstCard = cards.first();
    await expect(firstCard.getByRole('heading', { level: 3 })).not.toBeEmpty();
    await expect(firstCard.locator('.now')).toHaveText(/^€\d+\.\d{2}$/);
    const image = firstCard.locator('img');
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);

    await expect(page.locator('.category-name')).toHaveCount(9);

    // The "New in" strip is rendered once it is scrolled to.
    await page.locator('.new-arrivals-placeholder').scrollIntoViewIfNeeded();
    await expect(page.getByRole('region', { name: 'New in' }).locator('shop-product-card')).toHaveCount(8);
  });

  test('a category tile opens the listing of that category', async ({ page }) => {
    await page.goto('/');
    await page.locator('.category-tile').filter({ hasText: 'Books' }).click();
    await expect(page).toHaveURL(/\/products\?category=books$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Books');
  });

  test('the listing pages through the catalogue with shareable URLs and a working back button', async ({ page }) => {
    await page.goto('/products');
    const titles = page.locator('shop-product-card h3');
    await expect(titles).toHaveCount(24);
    const firstTitles = await titles.allTextContents();

    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/\/products\?page=2$/);
    await expect(page.getByRole('status').filter({ hasText: 'page 2 of' })).toBeVisible();
    await expect(titles).toHaveCount(24);
    await expect(titles.first()).not.toHaveText(firstTitles[0]!);
    const secondTitles = await titles.allTextContents();
    expect(secondTitles.filter((title) => firstTitles.includes(title))).toEqual([]);

    await page.goBack();
    await expect(page).toHaveURL(/\/products$/);
    await expect(titles).toHaveText(firstTitles);

    await page.goto('/products?page=2');
    await expect(titles).toHaveText(secondTitles);
  });

  test('fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Popular right now' }).locator('shop-product-card')).toHaveCount(10);
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
