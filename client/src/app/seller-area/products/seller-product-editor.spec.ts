import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AdminProductEditorPage } from '../../admin/products/product-editor/product-editor-page';
import { settle } from '../../core/testing/http-testing';
import { categories, lanternId, sellerProduct } from '../testing/seller-fixtures';
import { provideSellerProductEditor } from './seller-product-editor';

describe('the product editor in the seller area', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSellerProductEditor(),
        provideRouter(
          [
            { path: 'seller/products/new', component: AdminProductEditorPage },
            { path: 'seller/products/:id', component: AdminProductEditorPage },
          ],
          withComponentInputBinding(),
        ),
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

  async function fill(selector: string, value: string): Promise<void> {
    const input = page().querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    input.dispatchEvent(new Event('blur'));
    await render();
  }

  it('loads the seller\'s own product and the shop\'s categories, and saves changes through the seller routes', async () => {
    const navigated = harness.navigateByUrl(`/seller/products/${lanternId}`);
    await render();
    http.expectOne('/api/categories').flush(categories);
    http.expectOne(`/api/seller/products/${lanternId}`).flush(sellerProduct());
    await navigated;
    await render();

    expect(page().querySelector<HTMLInputElement>('#product-title')!.value).toBe('Brass Lantern');
    expect(TestBed.inject(Title).getTitle()).toBe('Brass Lantern · Products · Seller area · MEAN Shop');
    expect(page().querySelector('.back a')?.getAttribute('href')).toBe('/seller/products');
    expect(text(page().querySelector('.stock'))).toBe('10 on hand · 3 reserved · 7 available');
    expect(page().querySelector('a[href^="/seller/products?"]')?.getAttribute('href')).toBe('/seller/products?q=Brass%20Lantern');
    expect(page().querySelector('.seller')).withContext('every product here is the seller\'s own').toBeNull();

    await fill('#product-price', '27.5');
    page().querySelector<HTMLFormElement>('form.editor')!.dispatchEvent(new Event('submit'));
    await render();
    const update = http.expectOne(`/api/seller/products/${lanternId}`);
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ price: { amount: 2750, currency: 'EUR' } });
    update.flush(sellerProduct({ price: { amount: 2750, currency: 'EUR' } }));
    await render();
    expect(text(page().querySelector('.form-success'))).toBe('Saved.');
  });

  it('creates a product as the seller\'s own, never naming a seller, then opens it in the seller area', async () => {
    const navigated = harness.navigateByUrl('/seller/products/new');
    await render();
    http.expectOne('/api/categories').flush(categories);
    await navigated;
    await render();
    expect(TestBed.inject(Title).getTitle()).toBe('New product · Seller area · MEAN Shop');
    expect(text(page().querySelector('#product-stock-hint'))).toBe('Later changes are made on your products list, with a reason for the log.');

    await fill('#product-title', 'Linen Lampshade');
    await fill('#product-category', categories[1]!.id);
    await fill('#product-price', '19.99');
    page().querySelector<HTMLFormElement>('form.editor')!.dispatchEvent(new Event('submit'));
    await render();
    const create = http.expectOne({ url: '/api/seller/products', method: 'POST' });
    expect(create.request.body).toEqual(jasmine.objectContaining({ title: 'Linen Lampshade', categoryId: categories[1]!.id, price: { amount: 1999, currency: 'EUR' }, stock: 0, status: 'draft' }));
    expect(Object.keys(create.request.body as object)).not.toContain('sellerId');
    const created = sellerProduct({ id: 'a00000000000000000000099', title: 'Linen Lampshade', slug: 'linen-lampshade', status: 'draft' });
    create.flush(created);
    await render();
    expect(TestBed.inject(Router).url).toBe('/seller/products/a00000000000000000000099');
    http.expectOne('/api/categories').flush(categories);
    http.expectOne('/api/seller/products/a00000000000000000000099').flush(created);
    await render();
    expect(text(page().querySelector('.form-success'))).toBe('Saved. Linen Lampshade was created.');
  });
});
