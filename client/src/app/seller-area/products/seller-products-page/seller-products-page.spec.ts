import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminProduct, StockMovementList } from '@shared/catalog/product';
import { FakeShopSocket, provideFakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { lanternId, mugId, sellerProduct, sellerProductList } from '../../testing/seller-fixtures';
import { stockStateOf } from '../../../admin/stock/stock-state';
import { SellerProductsPage } from './seller-products-page';

const noMovements: StockMovementList = { items: [], total: 0, page: 1, limit: 10 };

describe('SellerProductsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeShopSocket;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket(), provideRouter([{ path: 'seller/products', component: SellerProductsPage }], withComponentInputBinding())],
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
    return http.expectOne((request) => request.url === '/api/seller/catalogue');
  }

  const lantern = sellerProduct();
  const mug = sellerProduct({ id: mugId, slug: 'mug', title: 'Stoneware Mug', status: 'draft', stock: 2, reserved: 0, available: 2, price: { amount: 1250, currency: 'EUR' } });

  async function open(items: AdminProduct[] = [lantern, mug], url = '/seller/products', total = items.length): Promise<TestRequest> {
    const navigated = harness.navigateByUrl(url);
    await render();
    const request = listRequest();
    request.flush(sellerProductList(items, total));
    await navigated;
    await render();
    return request;
  }

  function row(productId: string): HTMLTableRowElement {
    return page().querySelector<HTMLTableRowElement>(`tr[data-product-id="${productId}"]`)!;
  }

  function cell(productId: string, label: string): string | undefined {
    return text(row(productId).querySelector(`[data-label="${label}"]`));
  }

  async function fill(selector: string, value: string): Promise<void> {
    const input = page().querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await render();
  }

  async function openStock(productId: string): Promise<void> {
    row(productId).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await render();
    http.expectOne((request) => request.url === `/api/seller/products/${productId}/stock-movements`).flush(noMovements);
    await render();
  }

  it('lists the seller\'s own products with their status, price, live availability and last change, each linking to its editor', async () => {
    const request = await open();
    expect(['page', 'limit'].map((key) => request.request.params.get(key))).toEqual(['1', '25']);
    expect(text(page().querySelector('h1'))).toBe('Your products');
    expect(text(page().querySelector('.count'))).toBe('2 products · page 1 of 1');
    expect(text(row(lanternId).querySelector('th a'))).toBe('Brass Lantern');
    expect(text(row(lanternId).querySelector('th .sub'))).toBe('Lamps');
    expect(row(lanternId).querySelector('th a')?.getAttribute('href')).toBe(`/seller/products/${lanternId}`);
    expect(cell(lanternId, 'Status')).toBe('Active');
    expect(cell(lanternId, 'Price')).toBe('€25.00');
    expect(cell(lanternId, 'Available')).toBe('7 of 10 on hand In stock');
    expect(cell(mugId, 'Status')).toBe('Draft');
    expect(cell(mugId, 'Available')).toBe('2 of 2 on hand Low');
    expect(cell(lanternId, 'Updated')).toBe('Mar 2, 2026');
    expect(page().querySelector('a.new-product')?.getAttribute('href')).toBe('/seller/products/new');
    expect([...socket.watched].sort()).toEqual([lanternId, mugId]);

    socket.push({ productId: lanternId, available: 0 });
    await render();
    expect(cell(lanternId, 'Available')).withContext('a shopper bought the rest').toBe('0 of 10 on hand Sold out');
  });

  it('keeps the search, status and low-stock filter in the address and passes them on', async () => {
    await open();
    await fill('#seller-products-status', 'draft');
    expect(TestBed.inject(Router).url).withContext('a status filters at once').toBe('/seller/products?status=draft');
    listRequest().flush(sellerProductList([mug]));
    await render();

    await fill('#seller-products-q', ' mug ');
    page().querySelector<HTMLInputElement>('input[formcontrolname="lowStock"]')!.click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/seller/products?status=draft&q=mug&lowStock=true');
    const request = listRequest();
    expect(['q', 'status', 'lowStock', 'page'].map((key) => request.request.params.get(key))).toEqual(['mug', 'draft', 'true', '1']);
    request.flush(sellerProductList([]));
    await render();
    expect(text(page().querySelector('.notice'))).toBe('Nothing is running low.');
  });

  it('opens on the page and filters of the address, with the pager keeping them', async () => {
    const request = await open([lantern], '/seller/products?q=lantern&page=2', 30);
    expect(['q', 'page'].map((key) => request.request.params.get(key))).toEqual(['lantern', '2']);
    expect(page().querySelector<HTMLInputElement>('#seller-products-q')!.value).toBe('lantern');
    const previous = page().querySelector('shop-pager a[rel="prev"]');
    expect(previous?.getAttribute('href')).toBe('/seller/products?q=lantern');
  });

  it('invites a seller without products to list the first one', async () => {
    await open([]);
    expect(text(page().querySelector('.notice'))).toBe('You have no products yet. List your first one.');
    expect(page().querySelector('.notice a')?.getAttribute('href')).toBe('/seller/products/new');
  });

  it('sets or adds to the stock with a reason, as the admins\' stock page does, and shows the server\'s numbers', async () => {
    await open();
    await openStock(lanternId);
    const toggle = row(lanternId).querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(page().querySelector(`#${toggle.getAttribute('aria-controls')} shop-stock-adjustment-form`)).not.toBeNull();

    await fill(`#adjust-${lanternId}-mode`, 'set');
    await fill(`#adjust-${lanternId}-units`, '25');
    await fill(`#adjust-${lanternId}-reason`, 'Delivery from the workshop');
    page().querySelector<HTMLFormElement>('shop-stock-adjustment-form form')!.dispatchEvent(new Event('submit'));
    await render();
    const adjustment = http.expectOne(`/api/seller/products/${lanternId}/stock`);
    expect(adjustment.request.method).toBe('POST');
    expect(adjustment.request.body).toEqual({ set: 25, reason: 'Delivery from the workshop' });
    adjustment.flush({ stock: 25, available: 22 });
    await render();
    http.expectOne((request) => request.url === `/api/seller/products/${lanternId}/stock-movements`).flush(noMovements);
    await render();
    expect(cell(lanternId, 'Available')).toBe('22 of 25 on hand In stock');
    expect(text(page().querySelector('shop-stock-adjustment-form [role="status"]'))).toBe('Saved: 25 on hand, 22 available.');

    await fill(`#adjust-${lanternId}-mode`, 'remove');
    await fill(`#adjust-${lanternId}-units`, '2');
    await fill(`#adjust-${lanternId}-reason`, 'Broken in transit');
    page().querySelector<HTMLFormElement>('shop-stock-adjustment-form form')!.dispatchEvent(new Event('submit'));
    await render();
    const removal = http.expectOne(`/api/seller/products/${lanternId}/stock`);
    expect(removal.request.body).toEqual({ add: -2, reason: 'Broken in transit' });
    removal.flush(errorBody('conflict', 'Unpaid orders hold 3 units'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(text(page().querySelector('shop-stock-adjustment-form [role="alert"]'))).toBe('The stock of Brass Lantern was not changed: Unpaid orders hold 3 units');
  });

  it('says plainly that the shop is suspended when the seller routes refuse the seller', async () => {
    const navigated = harness.navigateByUrl('/seller/products');
    await render();
    listRequest().flush(errorBody('forbidden', 'This seller account may not sell now'), { status: 403, statusText: 'Forbidden' });
    await navigated;
    await render();
    expect(text(page().querySelector('[role="alert"]'))).toContain("We couldn't load your products. Your shop is suspended. The seller area is closed for now");
    expect(page().querySelector('table')).toBeNull();
  });

  it('names the stock states by the product\'s own alert level', () => {
    expect(stockStateOf(0, 5)).toBe('out');
    expect(stockStateOf(5, 5)).toBe('low');
    expect(stockStateOf(6, 5)).toBe('ok');
  });
});
