import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Cart, CartNotice } from '@shared/cart/cart';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { errorBody, nextRequest, settle } from '../../core/testing/http-testing';
import { CartStore } from '../cart-store';
import { cartLine, cartOf, emptyCart, euros } from '../testing/cart-fixtures';
import { CartPage } from './cart-page';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class BlankPage {}

describe('CartPage', () => {
  let fixture: ComponentFixture<CartPage>;
  let http: HttpTestingController;
  let socket: FakeShopSocket;
  const kettle = cartLine();
  const teapot = cartLine({ productId: 'a00000000000000000000002', slug: 'teapot', title: 'Teapot', image: null, quantity: 1, unitPrice: euros(1800) });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'products', component: BlankPage },
          { path: 'products/:slug', component: BlankPage },
          { path: 'checkout', component: BlankPage },
        ]),
        provideFakeShopSocket(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    socket = TestBed.inject(FakeShopSocket);
  });

  afterEach(() => http.verify());

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function render(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  /** Opens the page; it reads the cart on arrival, answered with `cart`. */
  async function open(cart: Cart): Promise<void> {
    fixture = TestBed.createComponent(CartPage);
    fixture.detectChanges();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cart);
    await render();
  }

  function lineOf(title: string): HTMLElement {
    const line = [...element().querySelectorAll<HTMLElement>('shop-cart-line')].find((candidate) => candidate.querySelector('h2')?.textContent?.trim() === title);
    if (!line) throw new Error(`No line for ${title}`);
    return line;
  }

  function buttonIn(within: ParentNode, text: string): HTMLButtonElement {
    const button = [...within.querySelectorAll('button')].find((candidate) => candidate.textContent?.replace(/\s+/g, ' ').includes(text));
    if (!button) throw new Error(`No button "${text}"`);
    return button;
  }

  function text(selector: string, within: ParentNode = element()): string {
    return within.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function checkoutLink(): HTMLAnchorElement | null {
    return element().querySelector<HTMLAnchorElement>('a.checkout-button');
  }

  it('shows a placeholder until the cart arrives', async () => {
    fixture = TestBed.createComponent(CartPage);
    fixture.detectChanges();
    expect(element().querySelector('[aria-busy="true"] .line-skeleton')).not.toBeNull();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    await render();
    expect(element().querySelector('.line-skeleton')).toBeNull();
  });

  it('lists each line with its photo, linked title, unit price, quantity and total, then the subtotal and the way to checkout', async () => {
    await open(cartOf([kettle, teapot]));
    const line = lineOf('Kettle');
    expect(line.querySelector('h2 a')?.getAttribute('href')).toBe('/products/kettle');
    expect(line.querySelector('img')?.getAttribute('src')).toBe('/api/media/b00000000000000000000001?w=320');
    expect(text('.unit-price', line)).toBe('€25.00 each');
    expect(line.querySelector<HTMLInputElement>('shop-quantity-picker input')?.value).toBe('2');
    expect(text('shop-quantity-picker label', line)).toBe('Quantity of Kettle');
    expect(text('.line-total', line)).toBe('Total for Kettle: €50.00');
    expect(lineOf('Teapot').querySelector('.no-image')).not.toBeNull();

    expect(text('.summary .subtotal dd')).toBe('€68.00');
    expect(text('.summary dl div:first-child dd')).toBe('3');
    expect(checkoutLink()?.getAttribute('href')).toBe('/checkout');
  });

  it('says what changed in price since a line was added', async () => {
    await open(
      cartOf([
        cartLine({ unitPrice: euros(2000), priceWhenAdded: euros(2500) }),
        cartLine({ productId: 'a00000000000000000000002', title: 'Teapot', unitPrice: euros(1900), priceWhenAdded: euros(1500) }),
      ]),
    );
    expect(text('.price-change.dropped', lineOf('Kettle'))).toBe('Price dropped from €25.00');
    expect(text('.price-change', lineOf('Teapot'))).toBe('Price went up from €15.00');
  });

  it('flags the lines that cannot be bought as they are, leaves them out of the subtotal and explains why checkout waits', async () => {
    await open(
      cartOf([
        cartLine({ problem: 'sold_out', available: 0 }),
        cartLine({ productId: 'a00000000000000000000002', title: 'Teapot', quantity: 3, available: 1, problem: 'short' }),
        cartLine({ productId: 'a00000000000000000000003', title: 'Old Mug', problem: 'unavailable', available: 0 }),
        cartLine({ productId: 'a00000000000000000000004', title: 'Spoon', quantity: 1, unitPrice: euros(400) }),
      ]),
    );
    expect(text('.problem-note', lineOf('Kettle'))).toContain('Sold out');
    expect(text('.problem-note', lineOf('Teapot'))).toBe('Only 1 left — lower the quantity');
    expect(text('.problem-note', lineOf('Old Mug'))).toContain('No longer available');
    expect(lineOf('Spoon').querySelector('.problem-note')).toBeNull();
    expect(lineOf('Kettle').querySelector<HTMLInputElement>('shop-quantity-picker input')?.disabled).withContext('a sold-out line can only be removed').toBeTrue();
    expect(text('.summary .subtotal dd')).toBe('€4.00');

    expect(checkoutLink()).toBeNull();
    const checkout = buttonIn(element().querySelector('.summary')!, 'Checkout');
    expect(checkout.disabled).toBeTrue();
    expect(checkout.getAttribute('aria-describedby')).toBe('checkout-note');
    expect(text('#checkout-note')).toContain('3 items need your attention');
  });

  it('lowers a short line to what is left in one click', async () => {
    await open(cartOf([cartLine({ quantity: 3, available: 1, problem: 'short' })]));
    buttonIn(lineOf('Kettle'), 'Change to 1').click();
    const request = await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH');
    expect(request.request.body).toEqual({ quantity: 1 });
    request.flush(cartOf([cartLine({ quantity: 1, available: 1 })]));
    await render();
    expect(lineOf('Kettle').querySelector('.problem-note')).toBeNull();
    expect(checkoutLink()).not.toBeNull();
  });

  it('changes a quantity with the picker and shows the new totals', async () => {
    await open(cartOf([kettle]));
    buttonIn(lineOf('Kettle'), 'One more').click();
    const request = await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH');
    expect(request.request.body).toEqual({ quantity: 3 });
    request.flush(cartOf([cartLine({ quantity: 3 })]));
    await render();
    expect(text('.line-total', lineOf('Kettle'))).toContain('€75.00');
    expect(text('.summary .subtotal dd')).toBe('€75.00');
  });

  it('says why a quantity could not be changed, and shows the cart as it is now', async () => {
    await open(cartOf([kettle]));
    buttonIn(lineOf('Kettle'), 'One more').click();
    (await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH')).flush(errorBody('out_of_stock', 'Kettle is sold out'), { status: 409, statusText: 'Conflict' });
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([cartLine({ available: 0, problem: 'sold_out' })]));
    await render();
    const line = lineOf('Kettle');
    expect(text('.line-error', line)).toBe('This has just sold out.');
    expect(line.querySelector<HTMLInputElement>('shop-quantity-picker input')?.value).withContext('back to what the cart holds').toBe('2');
    expect(text('.problem-note', line)).toContain('Sold out');
  });

  it('removes a line, says so and moves the focus to the heading', async () => {
    await open(cartOf([kettle, teapot]));
    buttonIn(lineOf('Teapot'), 'Remove').click();
    (await nextRequest(http, `/api/cart/items/${teapot.productId}`, 'DELETE')).flush(cartOf([kettle]));
    await render();
    expect(element().querySelectorAll('shop-cart-line').length).toBe(1);
    expect(text('.form-success')).toBe('Removed Teapot from your cart.');
    expect(document.activeElement).toBe(element().querySelector('h1'));
  });

  it('says when a line could not be removed', async () => {
    await open(cartOf([kettle]));
    buttonIn(lineOf('Kettle'), 'Remove').click();
    (await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'DELETE')).flush(null, { status: 0, statusText: 'Offline' });
    await render();
    expect(text('.form-error[role="alert"]')).toContain("We couldn't remove Kettle. We couldn't reach the shop.");
    expect(element().querySelectorAll('shop-cart-line').length).toBe(1);
  });

  it('shows an empty cart with a way back to the catalogue', async () => {
    await open(emptyCart);
    expect(text('h2')).toBe('Your cart is empty');
    expect(element().querySelector('.empty a')?.getAttribute('href')).toBe('/products');
    expect(element().querySelector('.summary')).toBeNull();
  });

  it('tells what the shop changed in the cart once, until dismissed', async () => {
    const merged: CartNotice = { productId: kettle.productId, kind: 'merged', message: 'We added the items from before you signed in to your cart' };
    const capped: CartNotice = { productId: kettle.productId, kind: 'capped', message: 'Only 2 of Kettle left; your cart has 2' };
    await open(cartOf([kettle], { notices: [merged, capped, capped] }));
    const items = [...element().querySelectorAll('.notices li')].map((item) => item.textContent?.trim());
    expect(items).toEqual(['We added the items from before you signed in to your cart.', 'Only 2 of Kettle left; your cart has 2.']);

    buttonIn(element().querySelector('.notices')!, 'Dismiss').click();
    await render();
    expect(element().querySelector('.notices li')).toBeNull();
    expect(TestBed.inject(CartStore).notices()).toEqual([]);
  });

  it('does not tell the notices again after the shopper has left the page', async () => {
    const capped: CartNotice = { productId: kettle.productId, kind: 'capped', message: 'Only 2 of Kettle left; your cart has 2' };
    await open(cartOf([kettle], { notices: [capped] }));
    fixture.destroy();
    expect(TestBed.inject(CartStore).notices()).toEqual([]);
  });

  it('explains a failed load and tries again on request', async () => {
    fixture = TestBed.createComponent(CartPage);
    fixture.detectChanges();
    (await nextRequest(http, '/api/cart', 'GET')).flush(null, { status: 503, statusText: 'Unavailable' });
    await render();
    const alert = element().querySelector('shop-load-error [role="alert"]')!;
    expect(alert.textContent).toContain('We couldn’t load your cart.');

    alert.querySelector('button')!.click();
    await settle();
    TestBed.tick();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    await render();
    expect(element().querySelectorAll('shop-cart-line').length).toBe(1);
  });

  describe('live stock', () => {
    it('watches the products of its lines while it is open', async () => {
      await open(cartOf([kettle, teapot]));
      expect([...socket.watched].sort()).toEqual([kettle.productId, teapot.productId]);
      fixture.destroy();
      expect(socket.watched.size).toBe(0);
    });

    it('warns at once when a line sells out, flags it and holds checkout back', async () => {
      await open(cartOf([kettle, teapot]));
      socket.push({ productId: kettle.productId, available: 0 });
      await render();

      expect(text('.stock-warnings[role="alert"] li')).toBe('Kettle has just sold out. Remove it to check out.');
      expect(text('.problem-note', lineOf('Kettle'))).toContain('Sold out');
      expect(text('.summary .subtotal dd')).withContext('only the teapot can be bought').toBe('€18.00');
      expect(checkoutLink()).toBeNull();
      expect(buttonIn(element().querySelector('.summary')!, 'Checkout').disabled).toBeTrue();

      socket.push({ productId: kettle.productId, available: 4 });
      await render();
      expect(text('.stock-warnings li')).toBe('Kettle is available again.');
      expect(lineOf('Kettle').querySelector('.problem-note')).toBeNull();
      expect(checkoutLink()).not.toBeNull();
    });

    it('warns when fewer are left than a line holds, and says the new number when it falls again', async () => {
      await open(cartOf([cartLine({ quantity: 3 })]));
      socket.push({ productId: kettle.productId, available: 2 });
      await render();
      expect(text('.stock-warnings li')).toBe('Only 2 of Kettle left now: lower the quantity to check out.');
      expect(text('.problem-note', lineOf('Kettle'))).toBe('Only 2 left — lower the quantity');

      socket.push({ productId: kettle.productId, available: 1 });
      await render();
      expect(text('.stock-warnings li')).toBe('Only 1 of Kettle left now: lower the quantity to check out.');
    });

    it('says nothing when the stock moves but the line can still be bought', async () => {
      await open(cartOf([kettle]));
      socket.push({ productId: kettle.productId, available: 10 }, 'watch');
      socket.push({ productId: kettle.productId, available: 3 });
      await render();
      expect(element().querySelector('.stock-warnings li')).toBeNull();
      expect(checkoutLink()).not.toBeNull();
    });

    it('drops a warning once the shopper has fixed the line', async () => {
      await open(cartOf([cartLine({ quantity: 3 })]));
      socket.push({ productId: kettle.productId, available: 2 });
      await render();
      buttonIn(lineOf('Kettle'), 'Change to 2').click();
      (await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH')).flush(cartOf([cartLine({ quantity: 2, available: 2 })]));
      await render();
      expect(element().querySelector('.stock-warnings li')).toBeNull();
      expect(checkoutLink()).not.toBeNull();
    });

    it('reads the cart again after the live connection comes back', async () => {
      await open(cartOf([kettle]));
      socket.reconnect();
      await settle();
      TestBed.tick();
      (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([cartLine({ available: 0, problem: 'sold_out' })]));
      await render();
      expect(text('.problem-note', lineOf('Kettle'))).toContain('Sold out');
    });
  });
});
