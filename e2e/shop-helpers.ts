import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';

/** What the e2e specs that buy share: products to buy, shoppers, the checkout steps, more browsers. */

export interface ListedProduct {
  id: string;
  slug: string;
  title: string;
  available: number;
}

export const password = 'correct horse battery staple';

/**
 * A client address of its own, for `X-Forwarded-For` (the e2e shop trusts its loopback proxy): the
 * shop limits sign-ins and sign-ups per address, and the specs act as many people, not one.
 */
export function asNewClient(): Record<string, string> {
  const byte = () => randomBytes(1)[0]!;
  return { 'x-forwarded-for': `198.18.${byte()}.${byte()}` };
}

export async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { headers: asNewClient(), data: { email: 'admin@demo.shop', password: 'demo-password' } });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** In-stock products, newest first, skipping the ones the live-stock spec changes. */
export async function productsInStock(request: APIRequestContext, count: number): Promise<ListedProduct[]> {
  const listing = await request.get('/api/products?sort=newest&inStock=true&limit=24');
  const items = ((await listing.json()) as { items: ListedProduct[] }).items.filter((item) => item.available >= 3);
  return items.slice(2, 2 + count);
}

/** A fresh account, made through the API; the browser signs in with it. */
export async function newShopper(request: APIRequestContext): Promise<string> {
  const email = `e2e-${randomBytes(4).toString('hex')}@example.test`;
  const response = await request.post('/api/auth/register', { headers: asNewClient(), data: { email, password, name: 'Grace Hopper' } });
  expect(response.ok(), await response.text()).toBeTruthy();
  return email;
}

export async function addFromProductPage(page: Page, product: ListedProduct, quantity = 1): Promise<void> {
  await page.goto(`/products/${product.slug}`);
  if (quantity > 1) await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View your cart' })).toBeVisible();
}

/** Fills the four checkout steps; a guest gives an email too. Stops before "Place order". */
export async function fillCheckout(page: Page, card: string, guestEmail?: string): Promise<void> {
  await page.goto('/checkout');
  if (guestEmail) await page.getByLabel('Email').fill(guestEmail);
  await page.getByLabel('Full name').fill('Grace Hopper');
  await page.getByLabel('Street and number').fill('1 Harbour Street');
  await page.getByLabel('Postal code').fill('D02 X285');
  await page.getByLabel('City').fill('Dublin');
  await page.getByLabel('Country code').fill('IE');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry month').selectOption('12');
  await page.getByLabel('Expiry year').selectOption(String(new Date().getFullYear() + 2));
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByRole('button', { name: 'Continue' }).click();
}

export async function signInInBrowser(page: Page, email: string, withPassword = password): Promise<void> {
  await page.setExtraHTTPHeaders(asNewClient());
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(withPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A second shopper or the admin: a browser context of its own, at the same size. */
export async function newPage(browser: Browser, like: Page): Promise<Page> {
  const context = await browser.newContext({ viewport: like.viewportSize(), baseURL: test.info().project.use.baseURL!, extraHTTPHeaders: asNewClient() });
  return context.newPage();
}
