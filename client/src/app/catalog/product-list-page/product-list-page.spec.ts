import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle } from '../../core/testing/http-testing';
import { productList, productSummary } from '../testing/catalog-fixtures';
import { ProductListPage } from './product-list-page';
import { provideFakeShopSocket } from '../../core/testing/fake-shop-socket';

describe('ProductListPage', () => {
  let http: HttpTestingController;
  let router: Router;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'products', component: ProductListPage }], withComponentInputBinding()), provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket()],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  function element(): HTMLElement {
    return harness.routeNativeElement!;
  }

  async function visit(url: string): Promise<TestRequest> {
    await harness.navigateByUrl(url, ProductListPage);
    return http.expectOne((request) => request.url === '/api/products');
  }

  async function answer(request: TestRequest, list = productList([productSummary()])): Promise<void> {
    request.flush(list);
    await settle();
    harness.detectChanges();
  }

  it('shows skeletons, then the products, the count in a live region and the pages', async () => {
    const request = await visit('/products?q=lamp&page=2');
    expect(element().querySelectorAll('.skeleton').length).toBe(24);
    expect(element().querySelector('[role="status"]')?.textContent).toContain('Loading products');

    await answer(request, productList(Array.from({ length: 24 }, () => productSummary()), { total: 60, page: 2 }));
    expect(element().querySelectorAll('shop-product-card').length).toBe(24);
    expect(element().querySelector('[role="status"]')?.textContent?.trim()).toBe('60 products · page 2 of 3');
    expect(element().querySelector('h1')?.textContent).toBe('Results for “lamp”');
    expect(TestBed.inject(Title).getTitle()).toBe('Results for “lamp” · MEAN Shop');
    expect(element().querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/products?q=lamp');
    expect(element().querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/products?q=lamp&page=3');
  });

  it('changes the sort through the URL', async () => {
    await answer(await visit('/products?category=audio&page=2'));
    const select = element().querySelector<HTMLSelectElement>('#listing-sort')!;
    expect(select.value).toBe('relevance');
    select.value = 'price_asc';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(router.url).toBe('/products?category=audio&sort=price_asc');
    await answer(http.expectOne((request) => request.url === '/api/products'));
    expect(element().querySelector<HTMLSelectElement>('#listing-sort')!.value).toBe('price_asc');
  });

  it('says when nothing matches, and clears the filters on request', async () => {
    await answer(await visit('/products?q=zebra&inStock=true&sort=newest'), productList([], { total: 0 }));
    expect(element().querySelector('.empty')?.textContent).toContain('No products match');

    const clear = [...element().querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Clear all filters')!;
    clear.click();
    await settle();
    expect(router.url).toBe('/products?sort=newest');
    await answer(http.expectOne((request) => request.url === '/api/products'));
  });

  it('removes one filter with its chip', async () => {
    await answer(await visit('/products?q=lamp&inStock=true'));
    const chips = [...element().querySelectorAll<HTMLButtonElement>('shop-active-filters .chip')];
    expect(chips.map((chip) => chip.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Remove filter: “lamp”×', 'Remove filter: In stock only×']);
    chips[1]!.click();
    await settle();
    expect(router.url).toBe('/products?q=lamp');
    await answer(http.expectOne((request) => request.url === '/api/products'));
  });

  it('explains a failed load and tries again', async () => {
    const request = await visit('/products');
    request.flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    harness.detectChanges();
    const alert = element().querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('We couldn’t load the products');
    alert.querySelector('button')!.click();
    harness.detectChanges();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));
    expect(element().querySelectorAll('shop-product-card').length).toBe(1);
  });
});
