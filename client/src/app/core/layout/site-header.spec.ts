import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CartStore } from '../../cart/cart-store';
import { cartLine, cartOf } from '../../cart/testing/cart-fixtures';
import { AuthStore } from '../auth/auth-store';
import { admin, authResponse, nextRequest, seller, settle, shopper } from '../testing/http-testing';
import { SiteHeader } from './site-header';

describe('SiteHeader', () => {
  let fixture: ComponentFixture<SiteHeader>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SiteHeader);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function cartLink(): HTMLAnchorElement {
    return (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a.cart')!;
  }

  async function render(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  it('reads the cart once when the shop opens and shows its count on a link to the cart', async () => {
    expect(cartLink().getAttribute('href')).toBe('/cart');
    expect(cartLink().getAttribute('aria-label')).toBe('Cart, empty');
    expect(cartLink().querySelector('.badge')).toBeNull();

    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([cartLine({ quantity: 2 }), cartLine({ productId: 'a00000000000000000000002', quantity: 1 })]));
    await render();
    expect(cartLink().getAttribute('aria-label')).toBe('Cart, 3 items');
    expect(cartLink().querySelector('.badge')?.textContent?.trim()).toBe('3');
    await settle();
    expect(http.match('/api/cart').length).withContext('once').toBe(0);
  });

  it('shows each signed-in role the way to its own area: "Admin" for admins, "Seller area" for sellers', async () => {
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([]));
    const store = TestBed.inject(AuthStore);
    const areaLinks = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLAnchorElement>('nav a')]
        .filter((link) => ['/admin', '/seller'].includes(link.getAttribute('href') ?? ''))
        .map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
    store.startSession(authResponse(seller));
    await render();
    expect(areaLinks()).toEqual([['Seller area', '/seller']]);
    store.startSession(authResponse(admin));
    await render();
    expect(areaLinks()).toEqual([['Admin', '/admin']]);
    store.startSession(authResponse(shopper));
    await render();
    expect(areaLinks()).toEqual([]);
    // Each new session reads its own cart.
    for (const request of http.match('/api/cart')) request.flush(cartOf([]));
  });

  it('counts in the singular, and keeps the badge short for big carts', async () => {
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([cartLine({ quantity: 1 })]));
    await render();
    expect(cartLink().getAttribute('aria-label')).toBe('Cart, 1 item');

    const store = TestBed.inject(CartStore);
    const loading = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf(Array.from({ length: 3 }, (_, index) => cartLine({ productId: `a0000000000000000000000${index}`, quantity: 50 }))));
    await loading;
    await render();
    expect(cartLink().getAttribute('aria-label')).toBe('Cart, 150 items');
    expect(cartLink().querySelector('.badge')?.textContent?.trim()).toBe('99+');
  });
});
