import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { lanternId, sellerProduct, sellerProductList } from '../testing/seller-fixtures';
import { SellerProductsApi } from './seller-products-api';

describe('SellerProductsApi', () => {
  let api: SellerProductsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SellerProductsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the seller\'s catalogue with only the filters in use', async () => {
    const all = api.list({ page: 1, limit: 25 });
    const plain = http.expectOne((request) => request.url === '/api/seller/catalogue');
    expect(plain.request.params.keys().sort()).toEqual(['limit', 'page']);
    plain.flush(sellerProductList([]));
    await all;

    const filtered = api.list({ q: 'lamp', status: 'draft', lowStock: true, page: 3, limit: 25 });
    const request = http.expectOne((candidate) => candidate.url === '/api/seller/catalogue');
    expect(request.request.params.toString()).toBe('page=3&limit=25&q=lamp&status=draft&lowStock=true');
    request.flush(sellerProductList([sellerProduct()]));
    expect((await filtered).items.length).toBe(1);
  });

  it('reads, creates and edits the seller\'s products under /api/seller/products', async () => {
    const read = api.get(lanternId);
    http.expectOne({ url: `/api/seller/products/${lanternId}`, method: 'GET' }).flush(sellerProduct());
    await read;
    const created = api.create({ title: 'Lamp', categoryId: 'c00000000000000000000002', price: { amount: 100, currency: 'EUR' } });
    http.expectOne({ url: '/api/seller/products', method: 'POST' }).flush(sellerProduct());
    await created;
    const updated = api.update(lanternId, { title: 'Lamp' });
    http.expectOne({ url: `/api/seller/products/${lanternId}`, method: 'PATCH' }).flush(sellerProduct());
    await updated;
  });

  it('files products under the storefront\'s categories and uploads images to the media store', () => {
    void api.categories();
    http.expectOne({ url: '/api/categories', method: 'GET' }).flush([]);
    const events: HttpEventType[] = [];
    api.uploadImage(new File([new Uint8Array(4)], 'lamp.png', { type: 'image/png' })).subscribe((event) => events.push(event.type));
    const upload = http.expectOne({ url: '/api/media', method: 'POST' });
    expect((upload.request.body as FormData).get('file')).toEqual(jasmine.any(File));
    expect(upload.request.reportProgress).toBeTrue();
    upload.flush({ id: 'b00000000000000000000001', contentType: 'image/webp', width: 10, height: 10 });
    expect(events).toContain(HttpEventType.Response);
  });

  it('changes stock with the adjustment body and pages its log', async () => {
    const adjusted = api.adjust(lanternId, { add: 5, reason: 'Delivery' });
    const adjustment = http.expectOne({ url: `/api/seller/products/${lanternId}/stock`, method: 'POST' });
    expect(adjustment.request.body).toEqual({ add: 5, reason: 'Delivery' });
    adjustment.flush({ stock: 15, available: 12 });
    expect(await adjusted).toEqual({ stock: 15, available: 12 });

    const movements = api.movements(lanternId, 2, 10);
    const log = http.expectOne((request) => request.url === `/api/seller/products/${lanternId}/stock-movements`);
    expect(log.request.params.toString()).toBe('page=2&limit=10');
    log.flush({ items: [], total: 0, page: 2, limit: 10 });
    await movements;
  });
});
