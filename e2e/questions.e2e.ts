import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { newPage, newShopper, signInInBrowser, type ListedProduct } from './shop-helpers';

/** What axe finds serious or critical (SPEC section 9), in the page or in one part of it. */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
}

test.describe('Shopper questions', () => {
  test('a shopper asks on a product page; an admin answers it for the shop; the open page shows the answer and a notice without a reload', async ({ page, browser, request }) => {
    // One of the shop's own products: the admins answer those.
    const listing = await request.get('/api/products?seller=shop&sort=newest&limit=24');
    const product = ((await listing.json()) as { items: ListedProduct[] }).items[6]!;
    const question = `Does it come gift-wrapped? (${randomBytes(3).toString('hex')})`;
    const answer = `Yes, in recycled paper with a card (${randomBytes(3).toString('hex')}).`;

    const email = await newShopper(request);
    await signInInBrowser(page, email);
    await page.goto(`/products/${product.slug}`);
    await expect(page.getByRole('heading', { name: product.title, level: 1 })).toBeVisible();
    await page.getByLabel('Ask a question about this product').fill(question);
    await page.getByRole('button', { name: 'Ask a question' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your question is waiting for an answer' })).toBeVisible();
    const mine = page.locator('.pending-list li', { hasText: question });
    await expect(mine).toContainText('Waiting for an answer');
    expect(await seriousViolations(page, 'shop-product-questions')).toEqual([]);

    // Not public while it waits.
    const guest = await newPage(browser, page);
    const admin = await newPage(browser, page);
    try {
      await guest.goto(`/products/${product.slug}`);
      await expect(guest.getByRole('heading', { name: 'Questions and answers' })).toBeVisible();
      await expect(guest.getByRole('link', { name: 'Sign in', exact: true }).last()).toBeVisible();
      await expect(guest.getByText(question)).toHaveCount(0);

      await signInInBrowser(admin, 'admin@demo.shop', 'demo-password');
      await admin.goto('/admin/questions');
      await expect(admin.getByRole('heading', { name: 'Questions', level: 1 })).toBeVisible();
      const card = admin.locator('.question-card', { hasText: question });
      await expect(card.getByRole('link', { name: product.title })).toBeVisible();
      expect(await seriousViolations(admin)).toEqual([]);
      await card.getByLabel('Your answer to Grace H.').fill(answer);
      await card.getByRole('button', { name: 'Post the answer' }).click();
      await expect(card).toContainText('Answered by MEAN Shop');
      await expect(admin.getByRole('status').filter({ hasText: 'is on the product page, and they have been told' })).toBeVisible();

      // The shopper's page, still open, hears of it and shows the answer.
      const notice = page.getByRole('status').filter({ hasText: `Your question about ${product.title} has been answered.` });
      await expect(notice).toBeVisible();
      const answered = page.locator('.question-list li', { hasText: question });
      await expect(answered).toContainText(answer);
      await expect(answered).toContainText('Answered by MEAN Shop');
      await expect(mine).toHaveCount(0);
      await notice.getByRole('link', { name: 'See the answer' }).click();
      await expect(notice).toBeHidden();

      await guest.reload();
      await expect(guest.locator('.question-list li', { hasText: question })).toContainText(answer);
    } finally {
      await guest.context().close();
      await admin.context().close();
    }
  });
});
