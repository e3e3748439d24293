import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Address } from '@shared/accounts/accounts';
import type { Cart } from '@shared/cart/cart';
import type { PlaceOrderRequest } from '@shared/orders/order';
import { CartStore } from '../../cart/cart-store';
import { AuthStore } from '../../core/auth/auth-store';
import { authResponse, errorBody, nextRequest, shopper } from '../../core/testing/http-testing';
import { configurePageTest, PageHarness } from '../../orders/testing/page-harness';
import { cartLine, cartOf } from '../../cart/testing/cart-fixtures';
import { checkoutOptions, order } from '../../orders/testing/order-fixtures';
import { CheckoutPage } from './checkout-page';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class BlankPage {}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('CheckoutPage', () => {
  let page: PageHarness<CheckoutPage>;
  let cartStore: { cart: ReturnType<typeof signal<Cart | null>>; count: ReturnType<typeof signal<number>>; load: jasmine.Spy };

  beforeEach(() => {
    cartStore = { cart: signal<Cart | null>(cartOf()), count: signal(2), load: jasmine.createSpy('load').and.resolveTo() };
    configurePageTest({ routes: [{ path: 'orders/:id', component: BlankPage }], providers: [{ provide: CartStore, useValue: cartStore }] });
  });

  afterEach(() => page.http.verify());

  const element = () => page.element;
  const render = () => page.render();

  /** Opens the checkout; a signed-in shopper's saved addresses are answered with `saved`. */
  async function open(saved?: Address[]): Promise<void> {
    page = new PageHarness(CheckoutPage);
    page.fixture.detectChanges();
    page.http.expectOne('/api/checkout/options').flush(checkoutOptions);
    if (saved) page.http.expectOne('/api/account/addresses').flush(saved);
    await render();
  }

  function type(selector: string, value: string): void {
    const input = element().querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`No field ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function choose(selector: string, index: number): void {
    const select = element().querySelector<HTMLSelectElement>(selector)!;
    select.selectedIndex = index;
    select.dispatchEvent(new Event('change'));
  }

  function currentStep(): string | undefined {
    return element().querySelector('.step.current')?.id.replace('checkout-step-', '');
  }

  function button(text: string): HTMLButtonElement {
    const found = page.button(text, element().querySelector('.step.current') ?? element());
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  async function continueStep(): Promise<void> {
    button('Continue').click();
    await render();
  }

  function fillAddress(): void {
    type('#checkout-address-name', 'Gia Guest');
    type('#checkout-address-line1', '1 Main Street');
    type('#checkout-address-postal', 'D01 F5P2');
    type('#checkout-address-city', 'Dublin');
    type('#checkout-address-country', 'IE');
  }

  async function fillCard(number = '4242 4242 4242 4242'): Promise<void> {
    type('#card-number', number);
    choose('#card-exp-month', 12);
    choose('#card-exp-year', 3);
    type('#card-cvc', '123');
    await render();
  }

  /** A guest through the first three steps, onto the review. */
  async function reviewAsGuest(): Promise<void> {
    await open();
    type('#checkout-email', 'gia@example.com');
    fillAddress();
    await continueStep();
    await continueStep();
    await fillCard();
    await continueStep();
    expect(currentStep()).toBe('review');
  }

  async function placeOrder(): Promise<TestRequest> {
    button('Place order').click();
    return nextRequest(page.http, '/api/orders');
  }

  it('reads the cart again on arrival', async () => {
    await open();
    expect(cartStore.load).toHaveBeenCalledTimes(1);
  });

  it('does not let a guest go on without an email to send the confirmation to', async () => {
    await open();
    fillAddress();
    await continueStep();
    expect(currentStep()).toBe('address');
    expect(element().querySelector('#checkout-email-error')?.textContent).toContain('Email must be a valid email address');
    expect(document.activeElement?.id).toBe('checkout-email');

    type('#checkout-email', 'gia@example.com');
    await continueStep();
    expect(currentStep()).toBe('shipping');
  });

  it('offers the shipping methods with their prices, and estimates tax on the review', async () => {
    await open();
    type('#checkout-email', 'gia@example.com');
    fillAddress();
    await continueStep();
    const methods = [...element().querySelectorAll('#checkout-step-shipping .choice')].map((choice) =>
      [...choice.querySelectorAll('strong, .choice-text span, .price')].map((part) => part.textContent?.trim()),
    );
    expect(methods).toEqual([
      ['Standard', '3–5 working days', '€4.90'],
      ['Express', 'Next working day', '€9.90'],
    ]);
    const express = element().querySelectorAll<HTMLInputElement>('#checkout-step-shipping .choice input')[1]!;
    express.click();
    await render();
    await continueStep();
    await fillCard();
    await continueStep();

    const totals = [...element().querySelectorAll('shop-checkout-summary .totals div')].map((row) => [
      row.querySelector('dt')?.textContent?.trim(),
      row.querySelector('dd')?.textContent?.trim(),
    ]);
    // (50.00 + 9.90) × 19 % = 11.381 → €11.38
    expect(totals).toEqual([
      ['Subtotal', '€50.00'],
      ['Shipping', '€9.90'],
      ['Estimated tax', '€11.38'],
      ['Estimated total', '€71.28'],
    ]);
  });

  it('places one order for a double click, under one idempotency key, and opens its confirmation', async () => {
    await reviewAsGuest();
    button('Place order').click();
    button('Place order').click();
    const request = await nextRequest(page.http, '/api/orders');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(uuid);
    const body = request.request.body as PlaceOrderRequest;
    expect(body).toEqual({
      email: 'gia@example.com',
      shippingAddress: { name: 'Gia Guest', line1: '1 Main Street', city: 'Dublin', postalCode: 'D01 F5P2', country: 'IE' },
      shippingMethod: 'standard',
      payment: { provider: 'test', card: { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' } },
    });

    request.flush(order({ accessToken: 'guest-token' }), { status: 201, statusText: 'Created' });
    await render();
    expect(cartStore.load).toHaveBeenCalledTimes(2);
    expect(TestBed.inject(Router).url).toBe(`/orders/${order().id}?placed=1&token=guest-token`);
  });

  it('retries with the same key after the answer was lost, and uses a new key once the server has answered', async () => {
    await reviewAsGuest();
    const first = await placeOrder();
    first.error(new ProgressEvent('error'));
    await render();
    expect(element().textContent).toContain("We couldn't reach the shop");

    const retry = await placeOrder();
    expect(retry.request.headers.get('Idempotency-Key')).toBe(first.request.headers.get('Idempotency-Key'));
    retry.flush(errorBody('conflict', 'Your cart is empty'), { status: 409, statusText: 'Conflict' });
    await render();

    const next = await placeOrder();
    expect(next.request.headers.get('Idempotency-Key')).toMatch(uuid);
    expect(next.request.headers.get('Idempotency-Key')).not.toBe(first.request.headers.get('Idempotency-Key'));
    next.flush(order(), { status: 201, statusText: 'Created' });
    await render();
  });

  it('says a declined card on the payment step', async () => {
    await reviewAsGuest();
    const request = await placeOrder();
    request.flush(errorBody('payment_declined', 'Your card was declined', [{ path: 'body.payment', message: 'Your card was declined' }]), {
      status: 422,
      statusText: 'Unprocessable',
    });
    await render();
    expect(currentStep()).toBe('payment');
    expect(element().querySelector('#checkout-step-payment [role="alert"]')?.textContent).toContain('Your card was declined');
  });

  it("shows the server's out-of-stock message and reads the cart again", async () => {
    await reviewAsGuest();
    const request = await placeOrder();
    cartStore.load.and.callFake(async () => cartStore.cart.set(cartOf([cartLine({ quantity: 2, available: 2 })])));
    request.flush(errorBody('out_of_stock', 'Only 2 of Kettle left; we updated your cart'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(cartStore.load).toHaveBeenCalledTimes(2);
    expect(currentStep()).toBe('review');
    expect(element().querySelector('#checkout-step-review [role="alert"]')?.textContent).toContain('Only 2 of Kettle left; we updated your cart');
  });

  it('puts a field problem the server finds on its field, on its step', async () => {
    await reviewAsGuest();
    const request = await placeOrder();
    request.flush(errorBody('unprocessable', 'This discount code has expired', [{ path: 'body.discountCode', message: 'has expired' }]), {
      status: 422,
      statusText: 'Unprocessable',
    });
    await render();
    expect(currentStep()).toBe('payment');
    expect(element().querySelector('#checkout-discount-error')?.textContent).toContain('Discount code has expired');
  });

  it('lets a signed-in shopper pick a saved address, without asking for an email', async () => {
    TestBed.inject(AuthStore).startSession(authResponse(shopper));
    const saved: Address[] = [
      { id: 'addr-1', label: 'Work', name: 'Sam Shopper', line1: '9 Office Park', city: 'Cork', postalCode: 'T12', country: 'IE', isDefault: false },
      { id: 'addr-2', label: 'Home', name: 'Sam Shopper', line1: '2 Home Road', city: 'Dublin', postalCode: 'D02', country: 'IE', isDefault: true },
    ];
    await open(saved);

    expect(element().querySelector('#checkout-email')).toBeNull();
    const checked = element().querySelector<HTMLInputElement>('#checkout-step-address .choice input:checked')!;
    expect(checked.closest('label')?.textContent).toContain('Home');
    expect(element().querySelector('#checkout-address-name')).withContext('no fields for a saved address').toBeNull();

    await continueStep();
    await continueStep();
    await fillCard();
    await continueStep();
    const request = await placeOrder();
    const body = request.request.body as PlaceOrderRequest;
    expect(body.email).toBeUndefined();
    expect(body.shippingAddress).toEqual({ name: 'Sam Shopper', line1: '2 Home Road', city: 'Dublin', postalCode: 'D02', country: 'IE' });
    request.flush(order(), { status: 201, statusText: 'Created' });
    await render();
    expect(TestBed.inject(Router).url).toBe(`/orders/${order().id}?placed=1`);
  });

  it('says when the cart is empty instead of showing the steps', async () => {
    cartStore.cart.set(cartOf([]));
    await open();
    expect(element().querySelector('form')).toBeNull();
    expect(element().textContent).toContain('Your cart is empty');
  });
});
