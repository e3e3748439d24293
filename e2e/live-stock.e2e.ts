import { type APIRequestContext, expect, test } from '@playwright/test';
import { adminToken } from './shop-helpers';

interface ListedProduct {
  id: string;
  slug: string;
  title: string;
}

/** Changes the stock the way the admin dashboard does, through the admin API. */
async function adjustStock(request: APIRequestContext, token: string, productId: string, change: { set: number } | { add: number }): Promise<{ stock: number; available: number }> {
  const response = await request.post(`/api/admin/products/${productId}/stock`, {
    headers: { authorization: `Bearer ${token}` },
    data: { ...change, reason: 'e2e: live stock' },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()) as { stock: number; available: number };
}

test.describe('Live stock', () => {
  test('a stock change reaches the open product page and listing without a reload', async ({ page, context, request }) => {
    const listing = await request.get('/api/products?sort=newest&limit=1');
    const [product] = ((await listing.json()) as { items: ListedProduct[] }).items as [ListedProduct];
    const token = await adminToken(request);
    // One unit more tells what is reserved, so the stock can then be set to an exact availability.
    const before = await adjustStock(request, token, product.id, { add: 1 });
    const reserved = before.stock - before.available;

    await page.goto(`/products/${product.slug}`);
    const stock = page.locator('.summary .stock');
    await expect(stock).toHaveText(/In stock|Only \d+ left/);
    const listingTab = await context.newPage();
    await listingTab.goto('/products?sort=newest');
    const card = listingTab.locator('shop-product-card').filter({ hasText: product.title });
    await expect(card.locator('.stock')).toHaveText(/In stock|Only \d+ left/);

    try {
      await adjustStock(request, token, product.id, { set: reserved + 2 });
      await expect(stock).toHaveText('Only 2 left');
      await expect(card.locator('.stock')).toHaveText('Only 2 left');
      await expect(page.getByRole('button', { name: 'Add to cart', exact: true })).toBeVisible();
      await expect(page.getByLabel('Quantity')).toHaveAttribute('max', '2');

      await adjustStock(request, token, product.id, { set: reserved });
      await expect(stock).toHaveText('Out of stock');
      await expect(card.locator('.stock')).toHaveText('Out of stock');
      await expect(page.getByRole('button', { name: 'Add to cart', exact: true })).toBeDisabled();
      await expect(page.getByText('Out of stock for now')).toBeVisible();
    } finally {
      await adjustStock(request, token, product.id, { set: before.stock - 1 });
      await listingTab.close();
    }
  });
});
