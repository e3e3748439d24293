import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminProduct, AdminProductList, StockMovementList } from '@shared/catalog/product';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { AdminStockPage, rereadDelayMs } from './admin-stock-page';

const lanternId = 'a00000000000000000000001';
const mugId = 'a00000000000000000000002';

function product(overrides: Partial<AdminProduct> = {}): AdminProduct {
  return {
    id: lanternId,
    slug: 'brass-lantern',
    title: 'Brass Lantern',
    description: '',
    category: { id: 'c1', slug: 'lights', name: 'Lights' },
    price: { amount: 2500, currency: 'EUR' },
    images: [],
    available: 7,
    sellerId: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    status: 'active',
    stock: 10,
    reserved: 3,
    attributes: [],
    soldCount: 0,
    lowStockThreshold: 5,
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

function listOf(items: AdminProduct[]): AdminProductList {
  return { items, total: items.length, page: 1, limit: 25 };
}

const noMovements: StockMovementList = { items: [], total: 0, page: 1, limit: 10 };

describe('AdminStockPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeShopSocket;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket(), provideRouter([{ path: 'admin/stock', component: AdminStockPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    socket = TestBed.inject(FakeShopSocket);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  // Not whenStable: it waits for every loading resource, and a test flushes them itself.
  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/admin/products');
  }

  async function open(items: AdminProduct[] = [product(), product({ id: mugId, slug: 'mug', title: 'Mug', stock: 2, reserved: 0, available: 2 })], url = '/admin/stock'): Promise<void> {
    const navigated = harness.navigateByUrl(url);
    await render();
    http.expectOne('/api/admin/categories').flush([{ id: 'c1', slug: 'lights', name: 'Lights', parentId: null, productCount: 1 }]);
    listRequest().flush(listOf(items));
    await navigated;
    await render();
  }

  function row(productId: string): HTMLTableRowElement {
    return page().querySelector<HTMLTableRowElement>(`tr[data-product-id="${productId}"]`)!;
  }

  function cell(productId: string, label: string): string | undefined {
    return text(row(productId).querySelector(`[data-label="${label}"]`));
  }

  async function expand(productId: string): Promise<void> {
    row(productId).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await render();
    http.expectOne((request) => request.url === `/api/admin/products/${productId}/stock-movements`).flush(noMovements);
    await render();
  }

  async function fill(selector: string, value: string): Promise<void> {
    const input = page().querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await render();
  }

  async function submitAdjustment(): Promise<void> {
    page().querySelector<HTMLFormElement>('shop-stock-adjustment-form form')!.dispatchEvent(new Event('submit'));
    await render();
  }

  it('shows stock, reserved, available and threshold per product, and follows each one live', async () => {
    await open();
    expect(cell(lanternId, 'On hand')).toBe('10');
    expect(cell(lanternId, 'Reserved')).toBe('3');
    expect(cell(lanternId, 'Available')).toBe('7 In stock');
    expect(cell(lanternId, 'Alert at')).toBe('5');
    expect(cell(mugId, 'Available')).toBe('2 Low');
    expect([...socket.watched].sort()).toEqual([lanternId, mugId]);
  });

  it('passes the search, category and low-stock filter on to the list, and keeps them in the address', async () => {
    await open();
    await fill('#stock-q', 'lantern');
    await fill('#stock-category', 'lights');
    page().querySelector<HTMLInputElement>('input[formcontrolname="lowStock"]')!.click();
    page().querySelector<HTMLFormElement>('form[role="search"]')!.dispatchEvent(new Event('submit'));
    await render();
    expect(TestBed.inject(Router).url).toBe('/admin/stock?q=lantern&category=lights&lowStock=true');
    const request = listRequest();
    expect(['q', 'category', 'lowStock', 'page'].map((key) => request.request.params.get(key))).toEqual(['lantern', 'lights', 'true', '1']);
    request.flush(listOf([]));
    await render();
    expect(text(page().querySelector('.notice'))).toBe('Nothing is running low here.');
  });

  it('says why the list did not load, and tries again', async () => {
    const navigated = harness.navigateByUrl('/admin/stock');
    await render();
    http.expectOne('/api/admin/categories').flush([]);
    listRequest().flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
    await navigated;
    await render();
    expect(text(page().querySelector('[role="alert"]'))).toContain("We couldn't load the stock.");
    page().querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await render();
    listRequest().flush(listOf([product()]));
    await render();
    expect(cell(lanternId, 'On hand')).toBe('10');
  });

  it('requires a reason and a number of units before sending an adjustment', async () => {
    await open();
    await expand(lanternId);
    await fill(`#adjust-${lanternId}-units`, '4');
    await submitAdjustment();
    expect(text(page().querySelector(`#adjust-${lanternId}-reason-error`))).toBe('A reason is required');
    expect(page().querySelector(`#adjust-${lanternId}-reason`)?.getAttribute('aria-invalid')).toBe('true');

    await fill(`#adjust-${lanternId}-reason`, 'ok');
    await submitAdjustment();
    expect(text(page().querySelector(`#adjust-${lanternId}-reason-error`))).toBe('The reason must be at least 3 characters');

    await fill(`#adjust-${lanternId}-units`, '');
    await fill(`#adjust-${lanternId}-reason`, 'Delivery');
    await submitAdjustment();
    expect(text(page().querySelector(`#adjust-${lanternId}-units-error`))).toBe('Enter a number of units');
    http.expectNone((request) => request.url.endsWith('/stock'));
  });

  it("sends an adjustment, then shows the server's numbers and the new movement", async () => {
    await open();
    await expand(lanternId);
    await fill(`#adjust-${lanternId}-mode`, 'remove');
    await fill(`#adjust-${lanternId}-units`, '2');
    await fill(`#adjust-${lanternId}-reason`, '  Damaged in transit ');
    await submitAdjustment();
    const request = http.expectOne(`/api/admin/products/${lanternId}/stock`);
    expect(request.request.body).toEqual({ add: -2, reason: 'Damaged in transit' });
    expect(cell(lanternId, 'On hand')).withContext('nothing changes before the answer').toBe('10');
    request.flush({ stock: 8, available: 5 });
    await render();
    expect([cell(lanternId, 'On hand'), cell(lanternId, 'Reserved'), cell(lanternId, 'Available')]).toEqual(['8', '3', '5 Low']);
    expect(text(page().querySelector('shop-stock-adjustment-form [role="status"]'))).toBe('Saved: 8 on hand, 5 available.');
    http
      .expectOne((movements) => movements.url === `/api/admin/products/${lanternId}/stock-movements`)
      .flush({ items: [{ id: 'm1', change: -2, stockAfter: 8, reason: 'Damaged in transit', by: { id: 'u1', name: 'Ada Admin' }, createdAt: '2026-03-01T11:00:00.000Z' }], total: 1, page: 1, limit: 10 });
    await render();
    expect(text(page().querySelector('shop-stock-movement-history li'))).toContain('−2 → 8 on hand: Damaged in transit, by Ada Admin');
  });

  it('shows the refusal of the server in its words, and leaves the numbers alone', async () => {
    await open();
    await expand(lanternId);
    await fill(`#adjust-${lanternId}-mode`, 'set');
    await fill(`#adjust-${lanternId}-units`, '1');
    await fill(`#adjust-${lanternId}-reason`, 'Stocktake');
    await submitAdjustment();
    const request = http.expectOne(`/api/admin/products/${lanternId}/stock`);
    expect(request.request.body).toEqual({ set: 1, reason: 'Stocktake' });
    request.flush(errorBody('conflict', 'Stock cannot go below the 3 units reserved by unpaid orders'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(text(page().querySelector('shop-stock-adjustment-form [role="alert"]'))).toBe(
      'The stock of Brass Lantern was not changed: Stock cannot go below the 3 units reserved by unpaid orders',
    );
    expect(cell(lanternId, 'On hand')).toBe('10');
  });

  it('saves a threshold, refusing one that is not a whole number from 0 to 10,000', async () => {
    await open();
    await expand(lanternId);
    const form = () => page().querySelector<HTMLFormElement>('shop-stock-threshold-form form')!;
    await fill(`#threshold-${lanternId}`, '10001');
    form().dispatchEvent(new Event('submit'));
    await render();
    expect(text(page().querySelector(`#threshold-${lanternId}-error`))).toBe('The threshold must be a whole number from 0 to 10,000');
    http.expectNone(`/api/admin/products/${lanternId}/low-stock-threshold`);

    await fill(`#threshold-${lanternId}`, '8');
    form().dispatchEvent(new Event('submit'));
    await render();
    const request = http.expectOne(`/api/admin/products/${lanternId}/low-stock-threshold`);
    expect([request.request.method, request.request.body]).toEqual(['PUT', { lowStockThreshold: 8 }]);
    request.flush({ productId: lanternId, stock: 10, reserved: 3, available: 7, lowStockThreshold: 8 });
    await render();
    expect([cell(lanternId, 'Alert at'), cell(lanternId, 'Available')]).toEqual(['8', '7 Low']);
  });

  it('updates availability as it is pushed, then reads the other numbers again', async () => {
    await open();
    socket.push({ productId: lanternId, available: 4 });
    await render();
    expect(cell(lanternId, 'Available')).toBe('4 Low');
    http.expectNone((request) => request.url === '/api/admin/products');

    await new Promise((resolve) => setTimeout(resolve, rereadDelayMs + 50));
    await render();
    listRequest().flush(listOf([product({ reserved: 6, available: 4 }), product({ id: mugId, slug: 'mug', title: 'Mug', stock: 2, reserved: 0, available: 2 })]));
    await render();
    expect([cell(lanternId, 'On hand'), cell(lanternId, 'Reserved'), cell(lanternId, 'Available')]).toEqual(['10', '6', '4 Low']);
    await new Promise((resolve) => setTimeout(resolve, rereadDelayMs + 50));
    http.expectNone((request) => request.url === '/api/admin/products');
  });

  it('reads the list again after the socket reconnects', async () => {
    await open();
    socket.reconnect();
    await render();
    listRequest().flush(listOf([product({ stock: 12, available: 9 })]));
    await render();
    expect(cell(lanternId, 'On hand')).toBe('12');
  });
});
