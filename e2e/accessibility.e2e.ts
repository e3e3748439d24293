import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInInBrowser } from './shop-helpers';

/**
 * SPEC section 9: WCAG 2.1 AA, with axe finding nothing serious. Each page is checked once its
 * content (not its skeletons) is on screen, on a desktop and a phone viewport.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const pages: Array<{ name: string; path: string; ready: (page: Page) => Promise<void> }> = [
  { name: 'home', path: '/', ready: (page) => expect(page.locator('shop-product-card').first()).toBeVisible() },
  { name: 'listing', path: '/products?q=headphones&category=audio', ready: (page) => expect(page.locator('shop-product-card').first()).toBeVisible() },
  { name: 'empty listing', path: '/products?q=zzzyzx', ready: (page) => expect(page.getByText('No products match')).toBeVisible() },
  {
    name: 'product page',
    path: '/products',
    ready: async (page) => {
      await page.locator('shop-product-card').first().getByRole('link').click();
      await expect(page.locator('.related shop-product-card').first()).toBeVisible();
    },
  },
  { name: 'product not found', path: '/products/no-such-product', ready: (page) => expect(page.getByRole('heading', { name: 'We couldn’t find that product' })).toBeVisible() },
  { name: 'sign in', path: '/sign-in', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'sign up', path: '/sign-up', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
];

test.describe('Accessibility', () => {
  for (const { name, path, ready } of pages) {
    test(`axe finds nothing serious on the ${name}`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('axe finds nothing serious on the admin overview, with its charts drawn', async ({ page }) => {
    await signInInBrowser(page, 'admin@demo.shop', 'demo-password');
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Top products' })).toBeVisible();
    await expect(page.locator('shop-chart canvas').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  // Every other dashboard page, each once its content is on screen; one sign-in for all of them.
  const adminPages: Array<{ path: string; heading: string; ready: (page: Page) => Promise<void> }> = [
    { path: '/admin/orders', heading: 'Orders', ready: (page) => expect(page.locator('shop-order-list li').first()).toBeVisible() },
    { path: '/admin/products', heading: 'Products', ready: (page) => expect(page.locator('tbody tr').first()).toBeVisible() },
    { path: '/admin/products/new', heading: 'New product', ready: (page) => expect(page.getByLabel('Category', { exact: true })).toBeVisible() },
    { path: '/admin/categories', heading: 'Categories', ready: (page) => expect(page.getByRole('button', { name: /^Rename/ }).first()).toBeVisible() },
    { path: '/admin/stock', heading: 'Stock', ready: (page) => expect(page.locator('tbody tr').first()).toBeVisible() },
    { path: '/admin/users', heading: 'Users', ready: (page) => expect(page.locator('tbody tr').first()).toBeVisible() },
    { path: '/admin/sellers', heading: 'Sellers', ready: (page) => expect(page.locator('tbody tr').first()).toBeVisible() },
    { path: '/admin/questions', heading: 'Questions', ready: (page) => expect(page.locator('.question-card').first()).toBeVisible() },
    { path: '/admin/audit', heading: 'Audit log', ready: (page) => expect(page.getByRole('button', { name: 'Search' })).toBeVisible() },
    { path: '/admin/database', heading: 'Database', ready: (page) => expect(page.getByRole('heading', { name: 'Collections' })).toBeVisible() },
  ];

  test('axe finds nothing serious on any other admin page', async ({ page }) => {
    // Ten pages, each loaded and analysed in turn: more than the default 30 s on a busy 2-core machine.
    test.setTimeout(120_000);
    await signInInBrowser(page, 'admin@demo.shop', 'demo-password');
    for (const { path, heading, ready } of adminPages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await ready(page);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  // The seller area, as a demo seller; one sign-in for all of its pages.
  const sellerPages: Array<{ path: string; heading: string; ready: (page: Page) => Promise<void> }> = [
    { path: '/seller/products', heading: 'Your products', ready: (page) => expect(page.locator('tbody tr').first()).toBeVisible() },
    { path: '/seller/products/new', heading: 'New product', ready: (page) => expect(page.getByLabel('Category', { exact: true })).toBeVisible() },
    { path: '/seller/orders?show=all', heading: 'Orders', ready: (page) => expect(page.locator('tbody tr').first()).toBeVisible() },
    { path: '/seller/questions', heading: 'Questions', ready: (page) => expect(page.locator('.question-card').first()).toBeVisible() },
    { path: '/seller/sales', heading: 'Sales', ready: (page) => expect(page.locator('table').first()).toBeVisible() },
    { path: '/seller/keys', heading: 'API keys', ready: (page) => expect(page.getByRole('heading', { name: 'Your keys' })).toBeVisible() },
  ];

  test('axe finds nothing serious on any seller page', async ({ page }) => {
    test.setTimeout(120_000);
    await signInInBrowser(page, 'seller@demo.shop', 'demo-password');
    for (const { path, heading, ready } of sellerPages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await ready(page);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // A product's editor with its stock, and the list with a product's stock form open.
    await page.goto('/seller/products');
    await page.locator('tbody tr th a').first().click();
    await expect(page.getByRole('link', { name: 'Change the stock' })).toBeVisible();
    expect(await seriousViolations(page), 'product editor').toEqual([]);
    await page.goto('/seller/products');
    await page.getByRole('button', { name: /^Stock of / }).first().click();
    await expect(page.getByRole('heading', { name: /^History/ })).toBeVisible();
    expect(await seriousViolations(page), 'stock form').toEqual([]);
  });

  test("axe finds nothing serious on a marketplace seller's page", async ({ page, request }) => {
    const listing = (await (await request.get('/api/products?limit=50')).json()) as { items: Array<{ sellerId: string | null }> };
    const sellerId = listing.items.find((item) => item.sellerId !== null)!.sellerId!;
    await page.goto(`/sellers/${sellerId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('shop-product-card').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('axe finds nothing serious in the phone filters drawer', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'The drawer is for phones.');
    await page.goto('/products');
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByRole('dialog', { name: 'Filters' }).getByRole('heading', { name: 'Category' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
