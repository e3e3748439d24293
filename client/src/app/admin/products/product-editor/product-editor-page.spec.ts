import { provideHttpClient } from '@angular/common/http';
import { HttpEventType } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminProduct, Category } from '@shared/catalog/product';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { provideAdminProductEditor } from '../admin-product-editor';
import { maxImageBytes } from '../product-images/product-images';
import { AdminProductEditorPage } from './product-editor-page';

const productId = 'a00000000000000000000001';
const categories: Category[] = [
  { id: 'c00000000000000000000001', slug: 'home', name: 'Home', parentId: null, productCount: 2 },
  { id: 'c00000000000000000000002', slug: 'lamps', name: 'Lamps', parentId: 'c00000000000000000000001', productCount: 1 },
  { id: 'c00000000000000000000003', slug: 'garden', name: 'Garden', parentId: null, productCount: 0 },
];

function product(overrides: Partial<AdminProduct> = {}): AdminProduct {
  return {
    id: productId,
    slug: 'brass-lantern',
    title: 'Brass Lantern',
    description: 'Glows warmly.',
    category: { id: categories[1]!.id, slug: 'lamps', name: 'Lamps' },
    price: { amount: 2500, currency: 'EUR' },
    images: ['b00000000000000000000001', 'b00000000000000000000002'],
    available: 7,
    sellerId: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    status: 'active',
    stock: 10,
    reserved: 3,
    attributes: [{ name: 'Metal', value: 'Brass' }],
    soldCount: 0,
    lowStockThreshold: 5,
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

function imageFile(name: string, type = 'image/png', size = 64): File {
  return new File([new Uint8Array(size)], name, { type });
}

describe('AdminProductEditorPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAdminProductEditor(),
        provideRouter(
          [
            { path: 'admin/products/new', component: AdminProductEditorPage },
            { path: 'admin/products/:id', component: AdminProductEditorPage },
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
  const field = <T extends HTMLElement = HTMLInputElement>(selector: string) => page().querySelector<T>(selector)!;

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  async function openNew(): Promise<void> {
    const navigated = harness.navigateByUrl('/admin/products/new');
    await render();
    http.expectOne('/api/admin/categories').flush(categories);
    await navigated;
    await render();
  }

  async function openExisting(loaded: AdminProduct = product()): Promise<void> {
    const navigated = harness.navigateByUrl(`/admin/products/${loaded.id}`);
    await render();
    http.expectOne('/api/admin/categories').flush(categories);
    http.expectOne(`/api/admin/products/${loaded.id}`).flush(loaded);
    await navigated;
    await render();
  }

  async function fill(selector: string, value: string): Promise<void> {
    const input = field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    input.dispatchEvent(new Event('blur'));
    await render();
  }

  async function choose(...files: File[]): Promise<void> {
    const input = field('#product-images-file');
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await render();
  }

  function uploads(): TestRequest[] {
    return http.match({ url: '/api/media', method: 'POST' });
  }

  async function submit(): Promise<void> {
    field<HTMLFormElement>('form.editor').dispatchEvent(new Event('submit'));
    await render();
  }

  function galleryIds(): Array<string | null> {
    return [...page().querySelectorAll('.gallery li')].map((item) => item.getAttribute('data-image-id'));
  }

  async function fillRequiredFields(): Promise<void> {
    await fill('#product-title', 'Linen Lampshade');
    await fill('#product-category', categories[1]!.id);
    await fill('#product-price', '19.99');
  }

  it('offers the categories as an indented tree', async () => {
    await openNew();
    const options = [...page().querySelectorAll<HTMLOptionElement>('#product-category option')];
    expect(options.map((option) => option.textContent)).toEqual(['Choose a category', 'Home', '\u2003Lamps', 'Garden']);
    expect(options[2]!.getAttribute('aria-label')).toBe('Home › Lamps');
  });

  it('creates a product with prices in minor units and the images in the order arranged, then opens its page saying it was saved', async () => {
    await openNew();
    await fillRequiredFields();
    await fill('#product-description', '  Soft light. ');
    await fill('#product-compare-at', '24,5');
    await fill('#product-stock', '7');
    await fill('#product-status', 'active');
    field<HTMLButtonElement>('.add-attribute').click();
    await render();
    await fill('#attribute-0-name', 'Colour');
    await fill('#attribute-0-value', 'Sage');

    await choose(imageFile('first.png'), imageFile('second.jpg', 'image/jpeg'));
    const [first, second] = uploads();
    expect(first!.request.body instanceof FormData && (first!.request.body.get('file') as File).name).toBe('first.png');
    first!.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
    await render();
    expect(text(page().querySelector('.gallery li .upload-state'))).toBe('Uploading… 50%');

    await submit();
    expect(text(page().querySelector('.save-bar [role="status"]'))).toBe('Wait until every image has uploaded, then save.');
    http.expectNone({ url: '/api/admin/products', method: 'POST' });

    first!.flush({ id: 'b00000000000000000000011', contentType: 'image/webp', width: 100, height: 100 });
    second!.flush({ id: 'b00000000000000000000012', contentType: 'image/webp', width: 100, height: 100 });
    await render();
    expect(galleryIds()).toEqual(['b00000000000000000000011', 'b00000000000000000000012']);
    expect(text(page().querySelector('.gallery li .main-badge'))).toBe('Main image');

    const moveLeft = page().querySelectorAll<HTMLButtonElement>('.gallery li')[1]!.querySelector<HTMLButtonElement>('button')!;
    expect(text(moveLeft)).toBe('Move left: Image 2 (second.jpg)');
    moveLeft.click();
    await render();
    expect(galleryIds()).toEqual(['b00000000000000000000012', 'b00000000000000000000011']);
    expect(document.activeElement?.textContent).withContext('focus follows the moved image').toContain('Move right: Image 1 (second.jpg)');

    await submit();
    const request = http.expectOne({ url: '/api/admin/products', method: 'POST' });
    expect(request.request.body).toEqual({
      title: 'Linen Lampshade',
      description: 'Soft light.',
      categoryId: categories[1]!.id,
      price: { amount: 1999, currency: 'EUR' },
      compareAtPrice: { amount: 2450, currency: 'EUR' },
      stock: 7,
      status: 'active',
      attributes: [{ name: 'Colour', value: 'Sage' }],
      images: ['b00000000000000000000012', 'b00000000000000000000011'],
    });
    const created = product({ id: 'a00000000000000000000099', title: 'Linen Lampshade', slug: 'linen-lampshade' });
    request.flush(created);
    await render();
    expect(TestBed.inject(Router).url).toBe('/admin/products/a00000000000000000000099');
    http.expectOne('/api/admin/categories').flush(categories);
    http.expectOne('/api/admin/products/a00000000000000000000099').flush(created);
    await render();
    expect(text(page().querySelector('.form-success'))).toBe('Saved. Linen Lampshade was created.');
    expect(field('#product-title').value).toBe('Linen Lampshade');
    expect(page().querySelector('#product-stock')).withContext('stock is changed on the stock page now').toBeNull();
  });

  it('checks the fields before sending, in words next to each', async () => {
    await openNew();
    await fill('#product-price', '19.999');
    await submit();
    http.expectNone({ url: '/api/admin/products', method: 'POST' });
    expect(text(page().querySelector('#product-title-error'))).toBe('Error: Title is required');
    expect(text(page().querySelector('#product-category-error'))).toBe('Error: Category is required');
    expect(text(page().querySelector('#product-price-error'))).toBe('Error: Price must be an amount such as 19.99');
    expect(field('#product-price').getAttribute('aria-invalid')).toBe('true');
    await fill('#product-title', 'X');
    expect(text(page().querySelector('#product-title-error'))).toBe('Error: Title must be at least 2 characters');
    await fill('#product-slug', 'Not A Slug');
    expect(text(page().querySelector('#product-slug-error'))).toContain('Slug must be lower-case letters and digits joined by hyphens');
  });

  it("shows the server's field errors next to the fields they name", async () => {
    await openNew();
    await fillRequiredFields();
    await fill('#product-slug', 'taken-slug');
    await submit();
    const request = http.expectOne({ url: '/api/admin/products', method: 'POST' });
    expect(request.request.body).toEqual(jasmine.objectContaining({ slug: 'taken-slug', compareAtPrice: null, stock: 0, status: 'draft', images: [], attributes: [] }));
    request.flush(
      errorBody('validation_failed', 'Invalid body', [
        { path: 'body.slug', message: 'is taken' },
        { path: 'body.price.amount', message: 'must be whole minor units (cents)' },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(text(page().querySelector('form .form-error'))).toBe('Please check the highlighted fields.');
    expect(text(page().querySelector('#product-slug-error'))).toBe('Error: Slug is taken');
    expect(text(page().querySelector('#product-price-error'))).toBe('Error: Price must be whole minor units (cents)');
    expect(TestBed.inject(Router).url).toBe('/admin/products/new');
  });

  it('refuses a file that is not an image, or too large, before uploading it', async () => {
    await openNew();
    await choose(imageFile('notes.txt', 'text/plain'), imageFile('drawing.svg', 'image/svg+xml'), imageFile('huge.png', 'image/png', maxImageBytes + 1));
    const alert = text(page().querySelector('shop-product-images [role="alert"]'));
    expect(alert).toContain('notes.txt is not an image. Choose a JPEG, PNG, WebP, AVIF, GIF or HEIF file.');
    expect(alert).toContain('drawing.svg is not an image.');
    expect(alert).toContain('huge.png is 10.0 MB; an image may be at most 10 MB.');
    expect(uploads()).toEqual([]);
    expect(galleryIds()).toEqual([]);
  });

  it('drops an image the server refuses, saying why', async () => {
    await openNew();
    await choose(imageFile('photo.png'));
    uploads()[0]!.flush(errorBody('unsupported_media_type', 'The file is not an image we accept (JPEG, PNG, WebP, AVIF, GIF or HEIF)'), { status: 415, statusText: 'Unsupported Media Type' });
    await render();
    expect(text(page().querySelector('shop-product-images [role="alert"]'))).toBe('photo.png was not uploaded: The file is not an image we accept (JPEG, PNG, WebP, AVIF, GIF or HEIF)');
    expect(galleryIds()).toEqual([]);
  });

  it('takes images dropped on the drop zone', async () => {
    await openNew();
    const transfer = new DataTransfer();
    transfer.items.add(imageFile('dropped.webp', 'image/webp'));
    field('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await render();
    const [upload] = uploads();
    expect((upload!.request.body as FormData).get('file')).toEqual(jasmine.any(File));
    upload!.flush({ id: 'b00000000000000000000021', contentType: 'image/webp', width: 10, height: 10 });
    await render();
    expect(galleryIds()).toEqual(['b00000000000000000000021']);
  });

  it('loads a product into the form, and saves only what was changed', async () => {
    await openExisting();
    expect(field('#product-title').value).toBe('Brass Lantern');
    expect(field('#product-slug').value).toBe('brass-lantern');
    expect(field<HTMLSelectElement>('#product-category').value).toBe(categories[1]!.id);
    expect(field('#product-price').value).toBe('25.00');
    expect(field('#product-compare-at').value).toBe('');
    expect(field('#attribute-0-value').value).toBe('Brass');
    expect(galleryIds()).toEqual(['b00000000000000000000001', 'b00000000000000000000002']);
    expect(page().querySelector('#product-stock')).toBeNull();
    expect(text(page().querySelector('.stock'))).toBe('10 on hand · 3 reserved · 7 available');
    expect(page().querySelector('a[href^="/admin/stock"]')?.getAttribute('href')).toBe('/admin/stock?q=Brass%20Lantern');

    await fill('#product-title', 'Brass Lantern XL');
    await fill('#product-price', '27.5');
    const removeFirst = page().querySelector<HTMLButtonElement>('.gallery li .remove')!;
    removeFirst.click();
    await render();
    await submit();
    const request = http.expectOne(`/api/admin/products/${productId}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ title: 'Brass Lantern XL', price: { amount: 2750, currency: 'EUR' }, images: ['b00000000000000000000002'] });
    request.flush(product({ title: 'Brass Lantern XL', price: { amount: 2750, currency: 'EUR' }, images: ['b00000000000000000000002'] }));
    await render();
    expect(text(page().querySelector('.form-success'))).toBe('Saved.');
    expect(field('#product-price').value).toBe('27.50');

    await submit();
    http.expectNone(`/api/admin/products/${productId}`);
    expect(text(page().querySelector('.save-bar [role="status"]'))).toBe('Nothing has changed since the last save.');
  });

  it('removes an attribute and clears the compare-at price as null', async () => {
    await openExisting(product({ compareAtPrice: { amount: 3000, currency: 'EUR' } }));
    expect(field('#product-compare-at').value).toBe('30.00');
    await fill('#product-compare-at', '');
    field<HTMLButtonElement>('#attribute-0-remove').click();
    await render();
    await submit();
    const request = http.expectOne(`/api/admin/products/${productId}`);
    expect(request.request.body).toEqual({ compareAtPrice: null, attributes: [] });
    request.flush(product());
    await render();
  });

  it('says so when there is no such product', async () => {
    const navigated = harness.navigateByUrl(`/admin/products/${productId}`);
    await render();
    http.expectOne('/api/admin/categories').flush(categories);
    http.expectOne(`/api/admin/products/${productId}`).flush(errorBody('not_found', 'Product not found'), { status: 404, statusText: 'Not Found' });
    await navigated;
    await render();
    expect(text(page().querySelector('[role="alert"]'))).toContain('There is no such product.');
    expect(page().querySelector('form')).toBeNull();
  });
});
