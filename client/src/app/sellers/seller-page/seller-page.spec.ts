import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CartNotice } from '@shared/cart/cart';
import type { ProductList, ProductSummary } from '@shared/catalog/product';
import type { PublicSeller } from '@shared/sellers/seller';
import { CartStore } from '../../cart/cart-store';
import { listingFacets, productSummary } from '../../catalog/testing/catalog-fixtures';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { errorBody, settle } from '../../core/testing/http-testing';
import { SellerPage } from './seller-page';

const sellerId = '64b000000000000000000003';
const nordic: PublicSeller = { id: sellerId, shopName: 'Nordic Home', description: 'Scandinavian homeware,\nmade to last.', since: '2025-09-14T10:00:00.000Z' };

function listing(items: ProductSummary[], total = items.length, page = 1): ProductList {
  return { items, total, page, limit: 24, facets: listingFacets };
}

describe('SellerPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeShopSocket(),
        { provide: CartStore, useValue: { notices: signal<CartNotice[]>([]), addItem: jasmine.createSpy('addItem').and.resolveTo() } },
        provideRouter([{ path: 'sellers/:id', component: SellerPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function productsRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/products');
  }

  async function open(url = `/sellers/${sellerId}`, products = listing([productSummary({ title: 'Oak Shelf', sellerId }), productSummary({ title: 'Wool Throw', sellerId })])): Promise<TestRequest> {
    const navigated = harness.navigateByUrl(url);
    await render();
    http.expectOne(`/api/sellers/${sellerId}`).flush(nordic);
    const request = productsRequest();
    request.flush(products);
    await navigated;
    await render();
    return request;
  }

  it('shows the seller\'s shop name, description and since when it sells, and its products newest first', async () => {
    const request = await open();
    expect(['seller', 'page', 'limit', 'sort'].map((key) => request.request.params.get(key))).toEqual([sellerId, '1', '24', 'newest']);
    expect(text(page().querySelector('h1'))).toBe('Nordic Home');
    expect(text(page().querySelector('.since'))).toBe('Selling on MEAN Shop since September 2025');
    expect(page().querySelector('.description')?.textContent).toBe('Scandinavian homeware,\nmade to last.');
    expect(text(page().querySelector('#seller-products-heading'))).toBe('Products from Nordic Home');
    expect(text(page().querySelector('.products .count'))).toBe('2 products');
    expect([...page().querySelectorAll('shop-product-card h3')].map((title) => text(title))).toEqual(['Oak Shelf', 'Wool Throw']);
    expect([...TestBed.inject(FakeShopSocket).watched].length).withContext('the cards show live stock').toBe(2);
    expect(TestBed.inject(Title).getTitle()).toBe('Nordic Home · Sellers · MEAN Shop');
    expect(page().querySelector('[aria-current="page"]')?.textContent).toBe('Nordic Home');
  });

  it('pages through the products with the address\'s page', async () => {
    const request = await open(`/sellers/${sellerId}?page=2`, listing([productSummary({ sellerId })], 30, 2));
    expect(request.request.params.get('page')).toBe('2');
    expect(text(page().querySelector('.products .count'))).toBe('30 products · page 2 of 2');
    expect(page().querySelector('shop-pager a[rel="prev"]')?.getAttribute('href')).toBe(`/sellers/${sellerId}`);
  });

  it('says when the seller has nothing for sale', async () => {
    await open(`/sellers/${sellerId}`, listing([]));
    expect(text(page().querySelector('.empty p'))).toBe('Nordic Home has nothing for sale right now. Please check back soon.');
  });

  it('is not found for a seller who does not sell here, and for a link that names no seller', async () => {
    const navigated = harness.navigateByUrl(`/sellers/${sellerId}`);
    await render();
    http.expectOne(`/api/sellers/${sellerId}`).flush(errorBody('not_found', 'Seller not found'), { status: 404, statusText: 'Not Found' });
    productsRequest().flush(listing([]));
    await navigated;
    await render();
    expect(text(page().querySelector('h1'))).toBe('We couldn’t find that seller');
    expect(TestBed.inject(Title).getTitle()).toBe('Seller not found · MEAN Shop');

    await harness.navigateByUrl('/sellers/not-an-id');
    await render();
    expect(text(page().querySelector('h1'))).toBe('We couldn’t find that seller');
    http.expectNone(() => true);
  });

  it('says why the seller could not be loaded, and tries again', async () => {
    const navigated = harness.navigateByUrl(`/sellers/${sellerId}`);
    await render();
    http.expectOne(`/api/sellers/${sellerId}`).flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
    productsRequest().flush(listing([]));
    await navigated;
    await render();
    expect(text(page().querySelector('shop-load-error [role="alert"] p'))).toBe('We couldn’t load this seller. Something went wrong on our side. Please try again in a moment.');
    page().querySelector<HTMLButtonElement>('shop-load-error button')!.click();
    await render();
    http.expectOne(`/api/sellers/${sellerId}`).flush(nordic);
    await render();
    expect(text(page().querySelector('h1'))).toBe('Nordic Home');
  });
});
