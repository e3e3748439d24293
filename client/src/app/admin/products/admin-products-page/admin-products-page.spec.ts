import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminProduct, AdminProductList, Category } from '@shared/catalog/product';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { AdminProductsPage } from './admin-products-page';

const lanternId = 'a00000000000000000000001';
const mugId = 'a00000000000000000000002';

const categories: Category[] = [
  { id: 'c00000000000000000000001', slug: 'home', name: 'Home', parentId: null, productCount: 2 },
  { id: 'c00000000000000000000002', slug: 'lamps', name: 'Lamps', parentId: 'c00000000000000000000001', productCount: 1 },
];

function product(overrides: Partial<AdminProduct> = {}): AdminProduct {
  return {
    id: lanternId,
    slug: 'brass-lantern',
    title: 'Brass Lantern',
    description: '',
    category: { id: categories[1]!.id, slug: 'lamps', name: 'Lamps' },
    price: { amount: 2500, currency: 'EUR' },
    images: ['b00000000000000000000001'],
    available: 7,
    sellerId: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    status: 'active',
    stock: 10,
    reserved: 3,
    attributes: [],
    soldCount: 0,
    lowStockThreshold: 5,
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

const mug = () => product({ id: mugId, slug: 'mug', title: 'Stoneware Mug', status: 'draft', images: [], available: 2, price: { amount: 1250, currency: 'EUR' } });

function listOf(items: AdminProduct[], total = items.length): AdminProductList {
  return { items, total, page: 1, limit: 25 };
}

describe('AdminProductsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'admin/products', component: AdminProductsPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const dialog = () => page().querySelector<HTMLDialogElement>('dialog')!;
  const dialogButton = (name: string) => [...dialog().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name)!;
  const bulkButton = (name: string) => [...page().querySelectorAll<HTMLButtonElement>('.bulk-bar button')].find((candidate) => candidate.textContent?.trim() === name)!;

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/admin/products');
  }

  async function open(items: AdminProduct[] = [product(), mug()], url = '/admin/products'): Promise<void> {
    const navigated = harness.navigateByUrl(url);
    await render();
    http.expectOne('/api/admin/categories').flush(categories);
    listRequest().flush(listOf(items));
    await navigated;
    await render();
  }

  function row(productId: string): HTMLTableRowElement {
    return page().querySelector<HTMLTableRowElement>(`tr[data-product-id="${productId}"]`)!;
  }

  async function check(element: HTMLInputElement): Promise<void> {
    element.click();
    await render();
  }

  async function pick(selector: string, value: string): Promise<void> {
    const select = page().querySelector<HTMLSelectElement>(selector)!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await render();
  }

  it('lists each product with its image, title linking to its editor, category, price, status, availability and date', async () => {
    await open();
    const lantern = row(lanternId);
    expect(lantern.querySelector('th a')?.getAttribute('href')).toBe(`/admin/products/${lanternId}`);
    expect(text(lantern.querySelector('th a'))).toBe('Brass Lantern');
    expect(text(lantern.querySelector('th .sub'))).toBe('Lamps');
    expect(lantern.querySelector('img')?.getAttribute('src')).toBe('/api/media/b00000000000000000000001?w=160');
    expect(text(lantern.querySelector('[data-label="Price"]'))).toBe('€25.00');
    expect(text(lantern.querySelector('[data-label="Status"]'))).toBe('Active');
    expect(text(lantern.querySelector('[data-label="Available"]'))).toBe('7');
    expect(text(lantern.querySelector('[data-label="Updated"]'))).toBe('Mar 2, 2026');
    expect(text(row(mugId).querySelector('[data-label="Status"]'))).toBe('Draft');
    expect(row(mugId).querySelector('img')).toBeNull();
    expect(page().querySelector('a.new-product')?.getAttribute('href')).toBe('/admin/products/new');
    expect(page().querySelector('.bulk-bar')).withContext('nothing selected yet').toBeNull();
  });

  it('sends the search, status and category of the address, and puts new filters into it', async () => {
    await open([product()], '/admin/products?q=brass&status=archived&category=lamps&page=2');
    expect(page().querySelector<HTMLInputElement>('#products-q')!.value).toBe('brass');
    expect(page().querySelector<HTMLSelectElement>('#products-status')!.value).toBe('archived');

    page().querySelector<HTMLInputElement>('#products-q')!.value = 'mug';
    page().querySelector<HTMLInputElement>('#products-q')!.dispatchEvent(new Event('input'));
    await pick('#products-status', 'draft');
    expect(TestBed.inject(Router).url).toBe('/admin/products?q=mug&status=draft&category=lamps');
    const request = listRequest();
    expect(['q', 'status', 'category', 'page', 'limit'].map((key) => request.request.params.get(key))).toEqual(['mug', 'draft', 'lamps', '1', '25']);
    request.flush(listOf([]));
    await render();
    expect(text(page().querySelector('.notice'))).toBe('No products match this search.');

    await pick('#products-category', '');
    await pick('#products-status', '');
    expect(TestBed.inject(Router).url).toBe('/admin/products?q=mug');
    // The two moves may each have asked; the last answer is the one shown.
    for (const pending of http.match((candidate) => candidate.url === '/api/admin/products')) pending.flush(listOf([mug()]));
    await render();
    expect(row(mugId)).not.toBeNull();
  });

  it('asks before archiving the selected products, then sends them and reads the list again', async () => {
    await open();
    await check(row(lanternId).querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    await check(row(mugId).querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    expect(text(page().querySelector('.bulk-count'))).toBe('2 selected');
    expect(page().querySelector<HTMLInputElement>('#products-select-all')!.checked).toBeTrue();

    bulkButton('Archive').click();
    await render();
    expect(dialog().open).toBeTrue();
    expect(text(dialog().querySelector('h2'))).toBe('Archive 2 products?');
    http.expectNone('/api/admin/products/bulk');

    dialogButton('Archive').click();
    await render();
    const request = http.expectOne('/api/admin/products/bulk');
    expect([request.request.method, request.request.body]).toEqual(['POST', { productIds: [lanternId, mugId], action: 'archive' }]);
    request.flush({ updated: 2, notFound: [] });
    await render();
    listRequest().flush(listOf([product({ status: 'archived' }), mug()]));
    await render();
    expect(dialog().open).toBeFalse();
    expect(text(page().querySelector('[role="status"]'))).toBe('2 products archived.');
    expect(text(row(lanternId).querySelector('[data-label="Status"]'))).toBe('Archived');
    expect(page().querySelector('.bulk-bar')).withContext('the selection is cleared').toBeNull();
  });

  it('sends nothing when the question is cancelled, and keeps the selection', async () => {
    await open();
    await check(page().querySelector<HTMLInputElement>('#products-select-all')!);
    expect(text(page().querySelector('.bulk-count'))).toBe('2 selected');
    bulkButton('Activate').click();
    await render();
    expect(text(dialog().querySelector('h2'))).toBe('Activate 2 products?');
    dialogButton('Keep as they are').click();
    await render();
    expect(dialog().open).toBeFalse();
    http.expectNone('/api/admin/products/bulk');
    expect(text(page().querySelector('.bulk-count'))).toBe('2 selected');

    await check(page().querySelector<HTMLInputElement>('#products-select-all')!);
    expect(page().querySelector('.bulk-bar')).toBeNull();
  });

  it('shows the select-all box as partly ticked when only some rows are', async () => {
    await open();
    await check(row(mugId).querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    const all = page().querySelector<HTMLInputElement>('#products-select-all')!;
    expect([all.checked, all.indeterminate]).toEqual([false, true]);
    expect(row(mugId).classList).toContain('selected');
  });

  it('moves the selected products to the chosen category, and says which no longer existed', async () => {
    await open();
    await check(row(mugId).querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    bulkButton('Move').click();
    await render();
    expect(dialog().open).toBeFalse();
    expect(text(page().querySelector('.form-error'))).toBe('Choose the category to move the products to.');

    const options = [...page().querySelectorAll<HTMLOptionElement>('#bulk-category option')].map((option) => option.textContent);
    expect(options).toEqual(['Choose a category', 'Home', '\u2003Lamps']);
    await pick('#bulk-category', categories[1]!.id);
    bulkButton('Move').click();
    await render();
    expect(text(dialog().querySelector('h2'))).toBe('Move 1 product to Lamps?');
    expect(text(dialog())).toContain('Home › Lamps');
    dialogButton('Move').click();
    await render();
    const request = http.expectOne('/api/admin/products/bulk');
    expect(request.request.body).toEqual({ productIds: [mugId], action: 'set_category', categoryId: categories[1]!.id });
    request.flush({ updated: 0, notFound: [mugId] });
    await render();
    listRequest().flush(listOf([product()]));
    await render();
    expect(text(page().querySelector('[role="status"]'))).toBe('0 products moved to Lamps. 1 product no longer existed.');
  });

  it('says in words when a bulk action is refused, and changes nothing', async () => {
    await open();
    await check(row(lanternId).querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    bulkButton('Archive').click();
    await render();
    dialogButton('Archive').click();
    await render();
    http.expectOne('/api/admin/products/bulk').flush(errorBody('not_found', 'Category not found'), { status: 404, statusText: 'Not Found' });
    await render();
    expect(text(page().querySelector('.form-error'))).toBe('Nothing was changed: Category not found');
    expect(text(page().querySelector('.bulk-count'))).withContext('still selected, to try again').toBe('1 selected');
  });

  it('says why the list did not load, tries again, and tells an empty shop how to begin', async () => {
    const navigated = harness.navigateByUrl('/admin/products');
    await render();
    http.expectOne('/api/admin/categories').flush([]);
    listRequest().flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
    await navigated;
    await render();
    expect(text(page().querySelector('[role="alert"].notice'))).toContain("We couldn't load the products.");
    page().querySelector<HTMLButtonElement>('.notice button')!.click();
    await render();
    listRequest().flush(listOf([]));
    await render();
    expect(text(page().querySelector('.notice'))).toBe('There are no products yet. Create the first one.');
  });

  it('shows the pages of a long list', async () => {
    const navigated = harness.navigateByUrl('/admin/products?page=2');
    await render();
    http.expectOne('/api/admin/categories').flush(categories);
    const request = listRequest();
    expect(request.request.params.get('page')).toBe('2');
    request.flush({ ...listOf([product()], 60), page: 2 });
    await navigated;
    await render();
    expect([...page().querySelectorAll('.pager > *')].map((part) => text(part))).toEqual(['← Previous', 'Page 2 of 3', 'Next →']);
    expect(page().querySelector('.pager a[rel="next"]')?.getAttribute('href')).toBe('/admin/products?page=3');
  });
});
