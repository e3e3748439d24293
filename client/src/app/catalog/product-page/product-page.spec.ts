import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Meta, Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import type { CartNotice } from '@shared/cart/cart';
import type { ProductDetail } from '@shared/catalog/product';
import { CartStore } from '../../cart/cart-store';
import { errorBody, settle } from '../../core/testing/http-testing';
import { productDetail, productSummary } from '../testing/catalog-fixtures';
import { ProductPage, summarise } from './product-page';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { productQuestion, productQuestions } from '../../questions/testing/question-fixtures';

describe('ProductPage', () => {
  let fixture: ComponentFixture<ProductPage>;
  let http: HttpTestingController;
  let cart: { notices: ReturnType<typeof signal<CartNotice[]>>; addItem: jasmine.Spy };

  beforeEach(() => {
    cart = { notices: signal<CartNotice[]>([]), addItem: jasmine.createSpy('addItem').and.resolveTo() };
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeShopSocket(), { provide: CartStore, useValue: cart }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(Meta).updateTag({ name: 'description', content: 'The shop.' });
    fixture = TestBed.createComponent(ProductPage);
  });

  afterEach(() => {
    // The questions section fetches its own; specs that do not look at it get none.
    for (const request of http.match((request) => request.url.endsWith('/questions'))) request.flush(productQuestions());
    http.verify();
  });

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function open(product: ProductDetail, related = [productSummary(), productSummary()], questions = productQuestions()): Promise<void> {
    fixture.componentRef.setInput('slug', product.slug);
    fixture.detectChanges();
    http.expectOne(`/api/products/${product.slug}`).flush(product);
    http.expectOne(`/api/products/${product.slug}/related`).flush(related);
    await settle();
    fixture.detectChanges();
    // The questions section asks once the product is on screen; answered here, the page is stable.
    await settle();
    http.expectOne((request) => request.url === `/api/products/${product.id}/questions`).flush(questions);
    await settle();
    fixture.detectChanges();
  }

  function addToCartButton(): HTMLButtonElement {
    return [...element().querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Add to cart')!;
  }

  function quantityField(): HTMLInputElement {
    return element().querySelector<HTMLInputElement>('shop-quantity-picker input')!;
  }

  function stepButton(name: 'One more' | 'One fewer'): HTMLButtonElement {
    return [...element().querySelectorAll<HTMLButtonElement>('shop-quantity-picker button')].find((button) => button.textContent?.includes(name))!;
  }

  async function type(value: string): Promise<void> {
    quantityField().value = value;
    quantityField().dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it('follows the stock live: a push changes the badge and the most that can be bought', async () => {
    const product = productDetail({ available: 8 });
    await open(product, []);
    const socket = TestBed.inject(FakeShopSocket);
    expect(socket.watched.has(product.id)).toBeTrue();

    socket.push({ productId: product.id, available: 2 });
    fixture.detectChanges();
    expect(element().querySelector('.summary .stock')?.textContent?.trim()).toBe('Only 2 left');
    expect(quantityField().max).toBe('2');

    socket.push({ productId: product.id, available: 0 });
    fixture.detectChanges();
    expect(element().querySelector('.summary .stock')?.textContent?.trim()).toBe('Out of stock');
    expect(addToCartButton().disabled).toBeTrue();
  });

  it('fetches the product again after the live connection comes back', async () => {
    const product = productDetail({ available: 8 });
    await open(product, []);
    TestBed.inject(FakeShopSocket).reconnect();
    TestBed.tick();
    http.expectOne(`/api/products/${product.slug}`).flush({ ...product, available: 3 });
    http.expectOne(`/api/products/${product.slug}/related`).flush([]);
    await settle();
    fixture.detectChanges();
    expect(element().querySelector('.summary .stock')?.textContent?.trim()).toBe('Only 3 left');
  });

  it('shows skeletons until the product arrives', () => {
    fixture.componentRef.setInput('slug', 'kestrel-headphones');
    fixture.detectChanges();
    expect(element().querySelector('[aria-busy="true"] .image-skeleton')).not.toBeNull();
    http.expectOne('/api/products/kestrel-headphones').flush(productDetail());
    http.expectOne('/api/products/kestrel-headphones/related').flush([]);
  });

  it("links a marketplace seller's name to the seller's own page", async () => {
    await open(productDetail({ sellerId: '64b000000000000000000003', seller: { id: '64b000000000000000000003', name: 'Nordic Home' } }), []);
    const link = element().querySelector('.seller a')!;
    expect(link.textContent).toBe('Nordic Home');
    expect(link.getAttribute('href')).toBe('/sellers/64b000000000000000000003');
  });

  it('shows the product: title, prices, stock, seller, description, attributes, breadcrumbs and related products', async () => {
    await open(productDetail({ price: { amount: 8999, currency: 'EUR' }, compareAtPrice: { amount: 11_999, currency: 'EUR' }, available: 4 }));

    expect(element().querySelector('h1')?.textContent).toContain('Kestrel Headphones');
    expect(element().querySelector('.summary .now')?.textContent).toBe('€89.99');
    expect(element().querySelector('.summary s.was')?.textContent).toContain('€119.99');
    expect(element().querySelector('.summary .stock')?.textContent?.trim()).toBe('Only 4 left');
    expect(element().querySelector('.seller a')?.getAttribute('href')).toBe('/products?seller=shop');
    expect(element().querySelector('.description')?.textContent).toContain('Closed-back headphones');
    const rows = [...element().querySelectorAll('.attributes tr')].map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]);
    expect(rows).toEqual([
      ['Brand', 'Kestrel'],
      ['Colour', 'Navy'],
    ]);

    const breadcrumbs = element().querySelector('nav[aria-label="Breadcrumb"]')!;
    const crumbLinks = [...breadcrumbs.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(crumbLinks).toEqual([
      ['All products', '/products'],
      ['Electronics', '/products?category=electronics'],
      ['Audio', '/products?category=audio'],
    ]);
    expect(breadcrumbs.querySelector('[aria-current="page"]')?.textContent).toBe('Kestrel Headphones');

    expect(element().querySelectorAll('.related shop-product-card').length).toBe(2);
    const mainImage = element().querySelector<HTMLImageElement>('shop-product-gallery img')!;
    expect(mainImage.getAttribute('loading')).toBe('eager');
    expect(mainImage.getAttribute('srcset')).toContain('?w=1280 1280w');
    expect(mainImage.alt).toBe('Kestrel Headphones');
  });

  it('names the document after the product and describes it for search engines, then gives the description back', async () => {
    const description = `${'Warm, quiet and light. '.repeat(10)}End.`;
    await open(productDetail({ description }));
    expect(TestBed.inject(Title).getTitle()).toBe('Kestrel Headphones · MEAN Shop');
    const content = TestBed.inject(Meta).getTag('name="description"')?.content ?? '';
    expect(content).toBe(summarise(description));
    expect(content.length).toBeLessThanOrEqual(160);
    expect(content.endsWith('…')).toBeTrue();

    fixture.destroy();
    expect(TestBed.inject(Meta).getTag('name="description"')?.content).toBe('The shop.');
  });

  it('lets the shopper pick from 1 to the number available', async () => {
    await open(productDetail({ available: 3 }));
    expect(quantityField().value).toBe('1');
    expect(stepButton('One fewer').disabled).toBeTrue();

    stepButton('One more').click();
    stepButton('One more').click();
    await fixture.whenStable();
    expect(quantityField().value).toBe('3');
    expect(stepButton('One more').disabled).toBeTrue();

    await type('50');
    expect(quantityField().value).toBe('3');
    await type('0');
    expect(quantityField().value).toBe('1');
    await type('');
    expect(quantityField().value).toBe('1');
  });

  it('caps the quantity at 99 however many are in stock', async () => {
    await open(productDetail({ available: 5000 }));
    await type('250');
    expect(quantityField().value).toBe('99');
    expect(stepButton('One more').disabled).toBeTrue();
  });

  it('adds the chosen quantity to the cart and links to it', async () => {
    const product = productDetail({ available: 10 });
    await open(product);
    stepButton('One more').click();
    await fixture.whenStable();

    addToCartButton().click();
    await settle();
    fixture.detectChanges();
    expect(cart.addItem).toHaveBeenCalledOnceWith({ productId: product.id, quantity: 2 });
    expect(element().querySelector('.cart-status')?.textContent).toContain('Added 2 × Kestrel Headphones to your cart.');
    expect(element().querySelector('.cart-status a')?.getAttribute('href')).toBe('/cart');
  });

  it('says how many are left when the cart already held them and the shop added fewer', async () => {
    const product = productDetail({ available: 2 });
    cart.addItem.and.callFake(async () => {
      cart.notices.update((notices) => [...notices, { productId: product.id, kind: 'capped', message: 'Only 2 of Kestrel Headphones left; your cart has 2' }]);
    });
    await open(product);
    addToCartButton().click();
    await settle();
    fixture.detectChanges();
    expect(element().querySelector('.cart-status')?.textContent).toContain('Only 2 of Kestrel Headphones left; your cart has 2.');
    expect(element().querySelector('.cart-status')?.textContent).not.toContain('Added');
  });

  it('says so when the product sold out before it could be added', async () => {
    cart.addItem.and.rejectWith(new HttpErrorResponse({ status: 409, error: errorBody('out_of_stock', 'Kestrel Headphones is sold out') }));
    await open(productDetail({ available: 3 }));
    addToCartButton().click();
    await settle();
    fixture.detectChanges();
    const status = element().querySelector('.cart-status')!;
    expect(status.querySelector('.failed')?.textContent).toContain('Sold out just now');
    expect(status.querySelector('a')).toBeNull();
  });

  it('disables buying when the product is out of stock, and says why', async () => {
    await open(productDetail({ available: 0 }));
    expect(addToCartButton().disabled).toBeTrue();
    expect(quantityField().disabled).toBeTrue();
    expect(element().querySelector('.summary .stock')?.textContent?.trim()).toBe('Out of stock');
    expect(element().querySelector('#cart-note')?.textContent).toContain('Out of stock');
    expect(addToCartButton().getAttribute('aria-describedby')).toBe('cart-note');
  });

  it('says kindly that a product does not exist', async () => {
    fixture.componentRef.setInput('slug', 'no-such-thing');
    fixture.detectChanges();
    const notFound = { status: 404, statusText: 'Not Found' };
    http.expectOne('/api/products/no-such-thing').flush(errorBody('not_found', 'Product not found'), notFound);
    http.expectOne('/api/products/no-such-thing/related').flush(errorBody('not_found', 'Product not found'), notFound);
    await settle();
    fixture.detectChanges();

    expect(element().querySelector('h1')?.textContent).toContain('We couldn’t find that product');
    expect(element().querySelector('a[href="/products"]')).not.toBeNull();
    expect(element().querySelector('.related')).toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Product not found · MEAN Shop');
  });

  it('explains other failures and retries on request', async () => {
    fixture.componentRef.setInput('slug', 'kestrel-headphones');
    fixture.detectChanges();
    http.expectOne('/api/products/kestrel-headphones').flush(null, { status: 503, statusText: 'Unavailable' });
    http.expectOne('/api/products/kestrel-headphones/related').flush([]);
    await settle();
    fixture.detectChanges();
    const alert = element().querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('on our side');

    alert.querySelector('button')!.click();
    fixture.detectChanges();
    http.expectOne('/api/products/kestrel-headphones').flush(productDetail());
    await settle();
    fixture.detectChanges();
    expect(element().querySelector('h1')?.textContent).toContain('Kestrel Headphones');
  });

  it('shows thumbnails when there are several photos, chosen by click or arrow keys', async () => {
    await open(productDetail({ images: ['a00000000000000000000001', 'a00000000000000000000002', 'a00000000000000000000003'] }));
    const mainImage = () => element().querySelector<HTMLImageElement>('.main img')!;
    const thumbnails = [...element().querySelectorAll<HTMLButtonElement>('.thumbnails button')];
    expect(thumbnails.length).toBe(3);
    expect(mainImage().getAttribute('src')).toContain('a00000000000000000000001');
    expect(mainImage().alt).toBe('Kestrel Headphones, photo 1 of 3');

    thumbnails[1]!.click();
    await fixture.whenStable();
    expect(mainImage().getAttribute('src')).toContain('a00000000000000000000002');
    expect(thumbnails[1]!.getAttribute('aria-current')).toBe('true');

    thumbnails[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await fixture.whenStable();
    expect(mainImage().getAttribute('src')).toContain('a00000000000000000000003');
    expect(document.activeElement).toBe(thumbnails[2]!);

    thumbnails[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await fixture.whenStable();
    expect(mainImage().getAttribute('src')).toContain('a00000000000000000000001');
  });

  it('shows the shoppers\' questions with the details, markup in them as plain text', async () => {
    const product = productDetail();
    const markup = '<img src=x onerror=alert(1)>';
    await open(product, [], productQuestions({ items: [productQuestion({ productId: product.id, text: markup })] }));
    const questions = element().querySelector('.details shop-product-questions')!;
    expect(questions.querySelector('h2')?.textContent).toBe('Questions and answers');
    expect(questions.querySelector('.question-text')?.textContent).toContain(markup);
    expect(questions.querySelector('img')).withContext('no element made from the text').toBeNull();
  });

  it('shows one photo without thumbnails', async () => {
    await open(productDetail());
    expect(element().querySelector('.thumbnails')).toBeNull();
    expect(element().querySelector('.turn')).toBeNull();
  });
});
