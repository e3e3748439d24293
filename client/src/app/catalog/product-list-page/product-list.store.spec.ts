import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { settle } from '../../core/testing/http-testing';
import { listingFacets, listingTestRoutes, productList, productSummary } from '../testing/catalog-fixtures';
import { ProductListStore } from './product-list.store';
import { provideFakeShopSocket } from '../../core/testing/fake-shop-socket';

describe('ProductListStore', () => {
  let http: HttpTestingController;
  let router: Router;
  let store: ProductListStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter(listingTestRoutes), provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket(), ProductListStore],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    // Created before the first navigation; it loads nothing until effects run, after `visit`.
    store = TestBed.inject(ProductListStore);
  });

  afterEach(() => http.verify());

  /** Opens the listing at `url` and returns the products request it makes. */
  async function visit(url: string): Promise<TestRequest> {
    await router.navigateByUrl(url);
    TestBed.tick();
    return http.expectOne((request) => request.url === '/api/products');
  }

  async function answer(request: TestRequest, list = productList([productSummary()])): Promise<void> {
    request.flush(list);
    await settle();
  }

  function paramsOf(request: TestRequest): Record<string, string | null> {
    const params = request.request.params;
    return Object.fromEntries(params.keys().map((key) => [key, params.get(key)]));
  }

  function currentQuery(): Record<string, string> {
    return router.parseUrl(router.url).queryParams as Record<string, string>;
  }

  it('asks the API for exactly what the URL says', async () => {
    const request = await visit('/products?q=lamp&category=audio&seller=shop&minPrice=2500&maxPrice=4999&inStock=true&sort=price_asc&page=3');
    expect(paramsOf(request)).toEqual({
      q: 'lamp',
      category: 'audio',
      seller: 'shop',
      minPrice: '2500',
      maxPrice: '4999',
      inStock: 'true',
      sort: 'price_asc',
      page: '3',
      limit: '24',
    });
    await answer(request);
  });

  it('leaves out what a hand-edited URL gets wrong, rather than earning a 400', async () => {
    const request = await visit('/products?sort=cheapest&page=-2&minPrice=ten&category=Not%20a%20slug&seller=bob&inStock=yes&q=%20%20');
    expect(paramsOf(request)).toEqual({ sort: 'relevance', page: '1', limit: '24' });
    await answer(request);
  });

  it('starts again at page 1 when a filter changes, and keeps the other filters and the sort', async () => {
    await answer(await visit('/products?q=lamp&sort=price_desc&page=4'));

    await store.setInStock(true);
    expect(currentQuery()).toEqual({ q: 'lamp', sort: 'price_desc', inStock: 'true' });
    TestBed.tick();
    const request = http.expectOne((candidate) => candidate.url === '/api/products');
    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('inStock')).toBe('true');
    await answer(request);
  });

  it('starts again at page 1 when the sort changes, and leaves the default sort out of the URL', async () => {
    await answer(await visit('/products?category=audio&sort=newest&page=2'));

    await store.sortBy('price_asc');
    expect(currentQuery()).toEqual({ category: 'audio', sort: 'price_asc' });
    TestBed.tick();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));

    await store.sortBy('relevance');
    expect(currentQuery()).toEqual({ category: 'audio' });
    TestBed.tick();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));
  });

  it('searches within the filters, and clearing removes the search and every filter but keeps the sort', async () => {
    await answer(await visit('/products?category=audio&inStock=true&sort=newest&page=2'));

    await store.search('kestrel');
    expect(currentQuery()).toEqual({ category: 'audio', inStock: 'true', sort: 'newest', q: 'kestrel' });
    TestBed.tick();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));

    await store.clearFilters();
    expect(currentQuery()).toEqual({ sort: 'newest' });
    TestBed.tick();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));
  });

  it('loads nothing again when a navigation leaves the filters as they were', async () => {
    await answer(await visit('/products?q=lamp'));
    await router.navigateByUrl('/products?q=lamp&page=1#top');
    TestBed.tick();
    http.expectNone((candidate) => candidate.url === '/api/products');
  });

  it("gives the sidebar the answer's facet counts, and keeps them while the next page loads", async () => {
    expect(store.facets()).toBeUndefined();
    await answer(await visit('/products'), productList([productSummary()], { total: 86 }));
    expect(store.facets()).toEqual(listingFacets);
    expect(store.total()).toBe(86);
    expect(store.pageCount()).toBe(4);

    await router.navigateByUrl('/products?category=books');
    TestBed.tick();
    const request = http.expectOne((candidate) => candidate.url === '/api/products');
    expect(store.products()).toBeUndefined();
    expect(store.total()).toBeUndefined();
    expect(store.facets()).toEqual(listingFacets);

    const narrowed = { ...listingFacets, inStock: 7, sellers: [{ id: 'shop', name: 'MEAN Shop', count: 12 }] };
    await answer(request, productList([productSummary()], { total: 12, facets: narrowed }));
    expect(store.facets()).toEqual(narrowed);
  });

  it('names the filters in force after the facets, for the chips and the heading', async () => {
    await answer(await visit('/products?q=desk&category=audio&seller=6b0a5a7b155d3e17c9fade05&minPrice=2500&maxPrice=4999&inStock=true'));
    expect(store.activeFilters()).toEqual([
      { name: 'q', label: '“desk”' },
      { name: 'category', label: 'Audio' },
      { name: 'seller', label: 'Nordic Home Co.' },
      { name: 'price', label: '€25.00 – €49.99' },
      { name: 'inStock', label: 'In stock only' },
    ]);
    expect(store.heading()).toBe('Results for “desk” in Audio');

    await store.removeFilter('price');
    expect(currentQuery()).toEqual({ q: 'desk', category: 'audio', seller: '6b0a5a7b155d3e17c9fade05', inStock: 'true' });
    TestBed.tick();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));
  });

  it('explains a failed load in plain words and loads again on request', async () => {
    const request = await visit('/products');
    request.error(new ProgressEvent('error'));
    await settle();
    expect(store.loadError()).toContain("couldn't reach the shop");

    store.reload();
    TestBed.tick();
    await answer(http.expectOne((candidate) => candidate.url === '/api/products'));
    expect(store.loadError()).toBeNull();
    expect(store.products()?.length).toBe(1);
  });
});
