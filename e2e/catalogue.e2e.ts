import { expect, type Locator, type Page, test } from '@playwright/test';

/** The listing's own search has the same words in the URL as the header's, so both lead here. */
const headphonesByPrice = '/products?q=headphones&inStock=true&sort=price_asc';

function resultCount(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /products?\b/ });
}

function cardTitles(page: Page): Locator {
  return page.locator('shop-product-card h3');
}

/**
 * Checks the number of products the filters leave: in the result count, or, while the phone drawer
 * covers the page (and hides it from assistive technology), on the drawer's "Show N products" button.
 */
async function expectProductCount(page: Page, count: number): Promise<void> {
  const label = count === 1 ? '1 product' : `${count} products`;
  const drawer = page.getByRole('dialog', { name: 'Filters' });
  if (await drawer.isVisible()) await expect(drawer.getByRole('button', { name: `Show ${label}` })).toBeVisible();
  else await expect(resultCount(page)).toHaveText(new RegExp(`^${label}`));
}

/** Minor units from a displayed price such as `€1,234.50`. */
function cents(price: string): number {
  return Number(price.replace(/[^\d]/g, ''));
}

/** The number in a facet option's count, e.g. 29 from "(29 products)". */
async function countOf(option: Locator): Promise<number> {
  return Number(/\d+/.exec((await option.locator('.count').textContent()) ?? '')?.[0]);
}

/**
 * Where the facets are: the sidebar on wide screens; on phones, a drawer that the Filters button
 * opens. The locator works for either.
 */
async function openFacets(page: Page): Promise<Locator> {
  if ((page.viewportSize()?.width ?? 1280) >= 768) return page.getByRole('complementary', { name: 'Filters' });
  const drawer = page.getByRole('dialog', { name: 'Filters' });
  if (!(await drawer.isVisible())) await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(drawer).toBeVisible();
  return drawer;
}

async function closeFacets(page: Page): Promise<void> {
  const drawer = page.getByRole('dialog', { name: 'Filters' });
  if (!(await drawer.isVisible())) return;
  await drawer.getByRole('button', { name: /^Show \d+ products?$/ }).click();
  await expect(drawer).toBeHidden();
}

/** The shown prices once a page of results is on screen (not skeletons), in cents. */
async function shownPrices(page: Page): Promise<number[]> {
  return (await page.locator('shop-product-card .now').allTextContents()).map(cents);
}

function isNonDecreasing(values: number[]): boolean {
  return values.every((value, index) => index === 0 || values[index - 1]! <= value);
}

test.describe('Catalogue', () => {
  test('search from the header, narrow by facets, sort by price, and the URL reproduces the view', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('banner').getByRole('searchbox', { name: 'Search the shop' });
    await search.fill('headphones');
    await search.press('Enter');

    await expect(page).toHaveURL(/\/products\?q=headphones$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “headphones”');
    await expect(resultCount(page)).toHaveText(/^\d+ products/);
    await expect(cardTitles(page).first()).toContainText(/headphones|earbuds/i);

    // Each facet says how many products choosing it leaves; the listing must then show that many.
    let facets = await openFacets(page);
    const audio = facets.getByRole('link', { name: /^Audio \(/ });
    const inAudio = await countOf(audio);
    await audio.click();
    await expect(page).toHaveURL(/[?&]category=audio(&|$)/);
    await expectProductCount(page, inAudio);
    await expect(audio).toHaveAttribute('aria-current', 'true');

    facets = await openFacets(page);
    const inStockOnly = facets.locator('label').filter({ hasText: 'In stock only' });
    const inStock = await countOf(inStockOnly);
    await inStockOnly.getByRole('checkbox').check();
    await expect(page).toHaveURL(/[?&]inStock=true(&|$)/);
    await expectProductCount(page, inStock);
    await closeFacets(page);
    await expectProductCount(page, inStock);

    await page.getByLabel('Sort by').selectOption('price_asc');
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/);
    await expect.poll(async () => {
      const prices = await shownPrices(page);
      return prices.length > 0 && isNonDecreasing(prices);
    }, { message: 'the prices on the page go up' }).toBe(true);

    const titles = await cardTitles(page).allTextContents();
    const address = page.url();
    expect(new URL(address).searchParams.get('page')).toBeNull();

    await page.reload();
    await expect(cardTitles(page)).toHaveText(titles);
    await expect(page.getByLabel('Sort by')).toHaveValue('price_asc');
    const chips = page.getByRole('group', { name: 'Filters in use' });
    await expect(chips.getByRole('button')).toHaveText([/“headphones”/, /Audio/, /In stock only/, 'Clear all']);

    // The same address in a fresh tab, as when it is shared, shows the same products.
    const sharedTab = await page.context().newPage();
    await sharedTab.goto(address);
    await expect(cardTitles(sharedTab)).toHaveText(titles);
    await sharedTab.close();
  });

  test('opens a product from the listing, then goes back to the same view', async ({ page }) => {
    await page.goto(headphonesByPrice);
    await expect(cardTitles(page).first()).toBeVisible();
    const titles = await cardTitles(page).allTextContents();

    const firstCard = page.locator('shop-product-card').first();
    const title = (await firstCard.getByRole('heading', { level: 3 }).textContent())!.trim();
    const price = (await firstCard.locator('.now').textContent())!.trim();
    await firstCard.getByRole('link', { name: title }).click();

    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(`${title} · MEAN Shop`);
    // The product's own description, not the shop's ("MEAN Shop: electronics, home…").
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^(?!MEAN Shop: )\S.{20,}/);
    await expect(page.locator('.summary .now')).toHaveText(price);
    await expect(page.locator('.summary .stock')).toHaveText(/In stock|Only \d+ left/);
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumbs.getByRole('link')).toHaveText(['All products', 'Electronics', 'Audio']);
    await expect(breadcrumbs.getByRole('link', { name: 'Audio' })).toHaveAttribute('href', '/products?category=audio');
    await expect(page.getByRole('img', { name: title })).toHaveJSProperty('complete', true);
    await expect(page.getByRole('button', { name: 'Add to cart', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'You may also like' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(headphonesByPrice);
    await expect(cardTitles(page)).toHaveText(titles);
  });

  test('a breadcrumb leads to the listing of its category', async ({ page }) => {
    await page.goto(headphonesByPrice);
    await page.locator('shop-product-card').first().getByRole('link').click();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Electronics' }).click();
    await expect(page).toHaveURL(/\/products\?category=electronics$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Electronics');
    await expect(page).toHaveTitle('Electronics · MEAN Shop');
  });

  test('on phones the facets open in a drawer that Escape closes', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'The drawer is for phones; wide screens show the sidebar.');
    await page.goto('/products');
    await expect(resultCount(page)).toHaveText(/^[\d,]+ products/);
    await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);

    const filtersButton = page.getByRole('button', { name: /^Filters/ });
    await filtersButton.click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await expect(drawer).toBeVisible();

    // Choosing keeps the drawer open, so several facets can be set in one go.
    const books = drawer.getByRole('link', { name: /^Books \(/ });
    const inBooks = await countOf(books);
    await books.click();
    await expect(page).toHaveURL(/\/products\?category=books$/);
    await expect(drawer.getByRole('button', { name: `Show ${inBooks} products` })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(filtersButton).toBeFocused();
    await expect(filtersButton).toContainText('1');
  });

  test('on wide screens the facets are a sidebar beside the products', async ({ page, isMobile }) => {
    test.skip(isMobile, 'Phones get the drawer instead.');
    await page.goto('/products');
    await expect(page.getByRole('complementary', { name: 'Filters' }).getByRole('heading', { name: 'Category' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Filters/ })).toHaveCount(0);
  });

  test('says when nothing matches, and clearing the filters brings products back', async ({ page }) => {
    await page.goto('/products?q=zzzyzx&sort=newest');
    await expect(page.getByText('No products match your search and filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(page).toHaveURL(/\/products\?sort=newest$/);
    await expect(cardTitles(page)).toHaveCount(24);
  });

  test('a product that does not exist gets a friendly page', async ({ page }) => {
    await page.goto('/products/no-such-product-here');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that product');
    await expect(page).toHaveTitle('Product not found · MEAN Shop');
    await page.getByRole('link', { name: 'Browse all products' }).click();
    await expect(page).toHaveURL(/\/products$/);
  });

  test('listing and product page fit the screen without sideways scrolling', async ({ page }) => {
    const sidewaysOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(headphonesByPrice);
    await expect(cardTitles(page).first()).toBeVisible();
    expect(await sidewaysOverflow(), 'listing').toBeLessThanOrEqual(0);

    await page.locator('shop-product-card').first().getByRole('link').click();
    await expect(page.locator('.related shop-product-card').first()).toBeVisible();
    expect(await sidewaysOverflow(), 'product page').toBeLessThanOrEqual(0);
  });
});
