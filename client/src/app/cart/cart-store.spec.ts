import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { maxQuantityPerLine as sharedMax, type CartNotice } from '@shared/cart/cart';
import { AuthStore } from '../core/auth/auth-store';
import { authResponse, errorBody, nextRequest, settle, shopper } from '../core/testing/http-testing';
import { CartStore, maxQuantityPerLine } from './cart-store';
import { cartLine, cartOf, emptyCart } from './testing/cart-fixtures';

describe('CartStore', () => {
  let store: CartStore;
  let http: HttpTestingController;
  const kettle = cartLine();
  const teapot = cartLine({ productId: 'a00000000000000000000002', slug: 'teapot', title: 'Teapot', quantity: 1 });

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(CartStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('has no cart and a count of 0 until loaded, and takes items', () => {
    expect(store.cart()).toBeNull();
    expect(store.count()).toBe(0);
    expect(store.notices()).toEqual([]);
    expect(store.acceptsItems()).toBeTrue();
    expect(maxQuantityPerLine).toBe(sharedMax);
  });

  it('loads the cart and counts its items', async () => {
    const loading = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle, teapot]));
    await loading;
    expect(store.cart()?.lines.map((line) => line.title)).toEqual(['Kettle', 'Teapot']);
    expect(store.count()).toBe(3);
  });

  it('rejects a failed load with the HTTP error and keeps what it had', async () => {
    const first = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    await first;

    const failing = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(null, { status: 503, statusText: 'Unavailable' });
    await expectAsync(failing).toBeRejectedWith(jasmine.any(HttpErrorResponse));
    expect(store.count()).toBe(2);
  });

  it('adds an item with a POST and shows the cart the server answers', async () => {
    const adding = store.addItem({ productId: kettle.productId, quantity: 2 });
    const request = await nextRequest(http, '/api/cart/items', 'POST');
    expect(request.request.body).toEqual({ productId: kettle.productId, quantity: 2 });
    request.flush(cartOf([kettle]));
    await adding;
    expect(store.count()).toBe(2);
  });

  it('rejects with the HttpErrorResponse when the product cannot be added, for the caller to explain', async () => {
    const adding = store.addItem({ productId: kettle.productId, quantity: 1 });
    (await nextRequest(http, '/api/cart/items', 'POST')).flush(errorBody('out_of_stock', 'Kettle is sold out'), { status: 409, statusText: 'Conflict' });
    const error = await adding.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(409);
    expect(store.cart()).toBeNull();
  });

  it('changes a quantity with a PATCH and removes a line with a DELETE', async () => {
    const changing = store.setQuantity(kettle.productId, 5);
    const patch = await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH');
    expect(patch.request.body).toEqual({ quantity: 5 });
    patch.flush(cartOf([cartLine({ quantity: 5 })]));
    await changing;
    expect(store.count()).toBe(5);

    const removing = store.remove(kettle.productId);
    (await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'DELETE')).flush(emptyCart);
    await removing;
    expect(store.count()).toBe(0);
    expect(store.cart()?.lines).toEqual([]);
  });

  it('sends one call at a time, in order, so quick changes reach the server as they were made', async () => {
    const three = store.setQuantity(kettle.productId, 3);
    const four = store.setQuantity(kettle.productId, 4);
    const first = await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH');
    await settle();
    expect(http.match({ method: 'PATCH' }).length).withContext('the second waits for the first').toBe(0);
    expect(first.request.body).toEqual({ quantity: 3 });
    first.flush(cartOf([cartLine({ quantity: 3 })]));

    const second = await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH');
    expect(second.request.body).toEqual({ quantity: 4 });
    second.flush(cartOf([cartLine({ quantity: 4 })]));
    await Promise.all([three, four]);
    expect(store.count()).toBe(4);
  });

  it('goes on with the next call when one fails', async () => {
    const failing = store.setQuantity(kettle.productId, 3);
    const next = store.load();
    (await nextRequest(http, `/api/cart/items/${kettle.productId}`, 'PATCH')).flush(null, { status: 0, statusText: 'Offline' });
    await expectAsync(failing).toBeRejected();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    await next;
    expect(store.count()).toBe(2);
  });

  it('makes one request for loads asked for together', async () => {
    const header = store.load();
    const page = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    await Promise.all([header, page]);
    expect(store.count()).toBe(2);
  });

  it('reads again for a load asked for after a change: the earlier answer would be out of date', async () => {
    const first = store.load();
    const adding = store.addItem({ productId: teapot.productId, quantity: 1 });
    const second = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    (await nextRequest(http, '/api/cart/items', 'POST')).flush(cartOf([kettle, teapot]));
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle, teapot]));
    await Promise.all([first, adding, second]);
    expect(store.count()).toBe(3);
  });

  it('keeps the notices of every answer until they are dismissed', async () => {
    const capped: CartNotice = { productId: kettle.productId, kind: 'capped', message: 'Only 2 of Kettle left; your cart has 2' };
    const adding = store.addItem({ productId: kettle.productId, quantity: 5 });
    (await nextRequest(http, '/api/cart/items', 'POST')).flush(cartOf([kettle], { notices: [capped] }));
    await adding;
    const loading = store.load();
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle]));
    await loading;
    expect(store.notices()).toEqual([capped]);

    store.dismissNotices();
    expect(store.notices()).toEqual([]);
  });

  it('reads the cart again when the shopper signs in, and keeps the merge notice to show', async () => {
    const auth = TestBed.inject(AuthStore);
    TestBed.tick();
    await settle();
    expect(http.match('/api/cart').length).withContext('nothing changed yet').toBe(0);

    auth.startSession(authResponse(shopper));
    TestBed.tick();
    const merged: CartNotice = { productId: kettle.productId, kind: 'merged', message: 'We added the items from before you signed in to your cart' };
    (await nextRequest(http, '/api/cart', 'GET')).flush(cartOf([kettle, teapot], { notices: [merged] }));
    await settle();
    expect(store.count()).toBe(3);
    expect(store.notices()).toEqual([merged]);

    // A refreshed token for the same shopper is the same cart.
    auth.startSession(authResponse(shopper, 'access-2'));
    TestBed.tick();
    await settle();
    expect(http.match('/api/cart').length).toBe(0);

    auth.clear();
    TestBed.tick();
    (await nextRequest(http, '/api/cart', 'GET')).flush(emptyCart);
    await settle();
    expect(store.count()).toBe(0);
  });
});
