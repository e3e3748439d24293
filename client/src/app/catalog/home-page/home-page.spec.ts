import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Category, ProductList, ProductSummary } from '@shared/catalog/product';
import { HomePage } from './home-page';
import { provideFakeShopSocket } from '../../core/testing/fake-shop-socket';

function productList(count: number, total: number): ProductList {
  const items: ProductSummary[] = Array.from({ length: count }, (_, index) => ({
    id: String(index).padStart(24, '0'),
    slug: `product-${index}`,
    title: `Product ${index}`,
    description: '',
    category: { id: 'c', slug: 'audio', name: 'Audio' },
    price: { amount: 1000 + index, currency: 'EUR' },
    images: [],
    available: 5,
    sellerId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  }));
  return { items, total, page: 1, limit: 24, facets: { categories: [], sellers: [], priceBands: [], inStock: total } };
}

const categories: Category[] = [
  { id: 'a', slug: 'electronics', name: 'Electronics', parentId: null, productCount: 30 },
  { id: 'b', slug: 'audio', name: 'Audio', parentId: 'a', productCount: 10 },
];

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeShopSocket()],
      // The "New in" strip waits to be scrolled to; tests render it when they mean to.
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HomePage);
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function answerCategories(): void {
    http.expectOne('/api/categories').flush(categories);
  }

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  it('shows loading skeletons, then the best-selling products and a link to the whole catalogue', async () => {
    fixture.detectChanges();
    expect(element().querySelectorAll('.skeleton').length).toBe(10);

    const request = http.expectOne((candidate) => candidate.url === '/api/products');
    expect(request.request.params.get('sort')).toBe('bestselling');
    expect(request.request.params.get('limit')).toBe('10');
    expect(request.request.params.has('page')).toBeFalse();
    request.flush(productList(10, 1234));
    answerCategories();
    await settle();

    expect(element().querySelectorAll('shop-product-card').length).toBe(10);
    expect(element().querySelector('.skeleton')).toBeNull();
    const shopAll = element().querySelector<HTMLAnchorElement>('.popular .section-head a')!;
    expect(shopAll.textContent?.trim()).toBe('Shop all 1,234 products');
    expect(shopAll.getAttribute('href')).toBe('/products?sort=bestselling');
    // Paging through the catalogue is the listing's job.
    expect(element().querySelector('.pager')).toBeNull();
  });

  it('says so when the shop has no products yet', async () => {
    fixture.detectChanges();
    http.expectOne((candidate) => candidate.url === '/api/products').flush(productList(0, 0));
    answerCategories();
    await settle();
    expect(element().querySelector('.popular .notice')?.textContent).toContain('No products here yet');
    expect(element().querySelector('shop-product-grid')).toBeNull();
  });

  it('lists only top-level categories, each linking to its listing', async () => {
    fixture.detectChanges();
    http.expectOne((candidate) => candidate.url === '/api/products').flush(productList(1, 1));
    answerCategories();
    await settle();
    const names = [...element().querySelectorAll('.category-name')].map((node) => node.textContent?.trim());
    expect(names).toEqual(['Electronics']);
    expect(element().querySelector('.category-tile')?.getAttribute('href')).toBe('/products?category=electronics');
  });

  it('shows the eight newest products once the "New in" strip is scrolled to', async () => {
    fixture.detectChanges();
    http.expectOne((candidate) => candidate.url === '/api/products').flush(productList(24, 60));
    answerCategories();
    await settle();
    http.expectNone((candidate) => candidate.params.get('sort') === 'newest');

    const [newArrivals] = await fixture.getDeferBlocks();
    await newArrivals!.render(DeferBlockState.Complete);
    const request = http.expectOne((candidate) => candidate.url === '/api/products' && candidate.params.get('sort') === 'newest');
    expect(request.request.params.get('limit')).toBe('8');
    request.flush(productList(8, 8));
    await settle();

    const strip = element().querySelector('shop-new-arrivals')!;
    expect(strip.querySelector('h2')?.textContent).toContain('New in');
    expect(strip.querySelectorAll('shop-product-card').length).toBe(8);
    expect(strip.querySelector('a[href="/products?sort=newest"]')).not.toBeNull();
  });

  it('explains a failed load in plain words and retries on request', async () => {
    fixture.detectChanges();
    http.expectOne((candidate) => candidate.url === '/api/products').flush(null, { status: 503, statusText: 'Unavailable' });
    answerCategories();
    await settle();
    const alert = element().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("We couldn't load the products");

    (alert!.querySelector('button') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne((candidate) => candidate.url === '/api/products').flush(productList(3, 3));
    await settle();
    expect(element().querySelectorAll('shop-product-card').length).toBe(3);
  });
});
