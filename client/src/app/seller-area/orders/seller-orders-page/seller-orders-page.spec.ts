import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SellerOrderSummary } from '@shared/sellers/seller-orders';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { euros, sellerOrderCreated, sellerOrderList, sellerOrderSummary } from '../testing/seller-order-fixtures';
import { SellerOrdersPage } from './seller-orders-page';

/** A request's query as an object, to compare whole. */
function paramsOf(request: TestRequest): Record<string, string | null> {
  const { params } = request.request;
  return Object.fromEntries(params.keys().map((key) => [key, params.get(key)]));
}

describe('SellerOrdersPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeShopSocket;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket(), provideRouter([{ path: 'seller/orders', component: SellerOrdersPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    socket = TestBed.inject(FakeShopSocket);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (selector: string, within: ParentNode = page()) => within.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const url = () => TestBed.inject(Router).url;
  const numbers = () => [...page().querySelectorAll('tbody .number a')].map((link) => link.textContent!.trim());
  const select = () => page().querySelector<HTMLSelectElement>('#seller-orders-show')!;
  const button = (label: string) => [...page().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label);

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/seller/orders');
  }

  async function open(address = '/seller/orders', items: SellerOrderSummary[] = [sellerOrderSummary({ number: 'MS-1' })], nextCursor: string | null = null): Promise<TestRequest> {
    const navigated = harness.navigateByUrl(address);
    await render();
    const list = listRequest();
    list.flush(sellerOrderList(items, nextCursor));
    await navigated;
    await render();
    return list;
  }

  async function choose(value: string): Promise<void> {
    select().value = value;
    select().dispatchEvent(new Event('change'));
    await render();
  }

  it('lists what waits to be shipped by default, each order with the seller\'s own figures and a link to it', async () => {
    const order = sellerOrderSummary({
      number: 'MS-1',
      status: 'fulfilling',
      itemCount: 3,
      totals: { gross: euros(9000), commission: euros(900), payout: euros(8100) },
      lineCount: 2,
      shippedLineCount: 1,
      mayShip: true,
    });
    const list = await open('/seller/orders', [order]);
    expect(paramsOf(list)).toEqual({ toShip: 'true' });
    expect(select().value).toBe('to-ship');

    const row = page().querySelector('tbody tr')!;
    expect(numbers()).toEqual(['MS-1']);
    expect(row.querySelector('a')?.getAttribute('href')).toBe(`/seller/orders/${order.id}`);
    expect(text('shop-order-status-chip', row)).toBe('Being prepared');
    expect(text('[data-label="Items"]', row)).toBe('3');
    expect(text('[data-label="My total"]', row)).toBe('€90.00');
    expect(text('[data-label="Payout"]', row)).toBe('€81.00');
    expect(text('[data-label="Lines shipped"]', row)).toBe('1 of 2 to ship');
    // The phone cards' labels come from the column headers, and are left unspoken.
    expect(row.querySelector('td[data-label]')).not.toBeNull();
    expect(page().querySelector('caption')?.textContent).toContain('newest first');
  });

  it('asks for every order, or one status, as the address says, and shows the choice', async () => {
    expect(paramsOf(await open('/seller/orders?show=all'))).toEqual({});
    expect(select().value).toBe('all');

    expect(paramsOf(await open('/seller/orders?show=shipped'))).toEqual({ status: 'shipped' });
    expect(select().value).toBe('shipped');
    expect(select().selectedOptions[0]?.textContent?.trim()).toBe('Shipped');
  });

  it('treats an unknown choice in the address as what waits to be shipped', async () => {
    expect(paramsOf(await open('/seller/orders?show=lost'))).toEqual({ toShip: 'true' });
    expect(select().value).toBe('to-ship');
  });

  it('puts the choice in the address and lists what matches; "To ship" leaves the address bare', async () => {
    await open();
    await choose('paid');
    expect(url()).toBe('/seller/orders?show=paid');
    const paid = listRequest();
    expect(paramsOf(paid)).toEqual({ status: 'paid' });
    paid.flush(sellerOrderList([]));
    await render();
    expect(text('.notice')).toBe('No orders of yours are paid.');

    await choose('all');
    expect(url()).toBe('/seller/orders?show=all');
    listRequest().flush(sellerOrderList([]));
    await render();
    expect(text('.notice')).toBe('No orders with your products yet.');

    await choose('to-ship');
    expect(url()).toBe('/seller/orders');
    expect(paramsOf(listRequest())).toEqual({ toShip: 'true' });
  });

  it('says so when nothing waits to be shipped', async () => {
    await open('/seller/orders', []);
    expect(text('.notice')).toBe('Nothing to ship: every paid order of yours is on its way.');
  });

  it('shows that it is loading, and a failure in words with a retry', async () => {
    const navigated = harness.navigateByUrl('/seller/orders');
    await render();
    expect(text('.notice[aria-busy="true"]')).toBe('Loading your orders…');
    listRequest().flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
    await navigated;
    await render();
    expect(text('[role="alert"] p')).toBe("We couldn't load your orders. Something went wrong on our side. Please try again in a moment.");

    button('Try again')!.click();
    await render();
    listRequest().flush(sellerOrderList([sellerOrderSummary({ number: 'MS-5' })]));
    await render();
    expect(numbers()).toEqual(['MS-5']);
  });

  it('pages on by cursor with the same choice', async () => {
    await open('/seller/orders?show=all', [sellerOrderSummary({ number: 'MS-1' })], 'c1');
    button('Load more')!.click();
    await render();
    expect(button('Loading…')?.disabled).toBeTrue();
    const more = listRequest();
    expect(paramsOf(more)).toEqual({ cursor: 'c1' });
    more.flush(sellerOrderList([sellerOrderSummary({ number: 'MS-2' })]));
    await render();
    expect(numbers()).toEqual(['MS-1', 'MS-2']);
    expect(button('Load more')).withContext('the last page').toBeUndefined();
  });

  it('shows a new paid order on top as it is placed, and says so', async () => {
    const older = sellerOrderSummary({ number: 'MS-1' });
    await open('/seller/orders', [older]);

    const newer = sellerOrderSummary({ number: 'MS-2', status: 'paid', itemCount: 1, totals: { gross: euros(2500), commission: euros(250), payout: euros(2250) } });
    socket.pushOrderCreated(sellerOrderCreated(newer));
    await render();
    const top = listRequest();
    expect(paramsOf(top)).toEqual({ toShip: 'true' });
    top.flush(sellerOrderList([newer, older]));
    await render();
    expect(numbers()).toEqual(['MS-2', 'MS-1']);
    expect(text('p[role="status"]')).toBe('New order MS-2: 1 item of yours, €25.00.');
  });

  it('leaves out a new order that is not paid yet from what waits to be shipped, and brings it once it is paid', async () => {
    await open('/seller/orders', []);
    const placed = sellerOrderSummary({ number: 'MS-3', status: 'pending_payment', mayShip: false });
    socket.pushOrderCreated(sellerOrderCreated(placed));
    await render();
    http.expectNone((request) => request.url === '/api/seller/orders');

    socket.pushOrderStatus({ orderId: placed.id, status: 'paid', number: placed.number });
    await render();
    listRequest().flush(sellerOrderList([{ ...placed, status: 'paid', mayShip: true }]));
    await render();
    expect(numbers()).toEqual(['MS-3']);
    expect(text('tbody shop-order-status-chip')).toBe('Paid');
  });

  it('shows a move of a listed order at once, and the shipped counts as the server has them now', async () => {
    const order = sellerOrderSummary({ number: 'MS-1', status: 'paid', shippedLineCount: 0 });
    await open('/seller/orders?show=all', [order]);

    socket.pushOrderStatus({ orderId: order.id, status: 'shipped' });
    await render();
    expect(text('tbody shop-order-status-chip')).withContext('before the top is read again').toBe('Shipped');
    listRequest().flush(sellerOrderList([{ ...order, status: 'shipped', shippedLineCount: 2, mayShip: false }]));
    await render();
    expect(text('[data-label="Lines shipped"]')).toBe('2 of 2');
  });

  it('takes an order that shipped out of what waits to be shipped at once', async () => {
    const older = sellerOrderSummary({ number: 'MS-1', status: 'paid' });
    const newer = sellerOrderSummary({ number: 'MS-2', status: 'fulfilling' });
    await open('/seller/orders', [newer, older]);

    socket.pushOrderStatus({ orderId: newer.id, status: 'shipped' });
    await render();
    expect(numbers()).withContext('before the top is read again').toEqual(['MS-1']);
    listRequest().flush(sellerOrderList([older]));
    await render();
    expect(numbers()).toEqual(['MS-1']);
  });

  it('takes out an order whose lines of the seller\'s have all shipped while another seller\'s wait, as the server no longer lists it', async () => {
    const beyond = sellerOrderSummary({ number: 'MS-1', status: 'paid' });
    const shippedMine = sellerOrderSummary({ number: 'MS-2', status: 'paid' });
    const waiting = sellerOrderSummary({ number: 'MS-3', status: 'paid' });
    // Two pages: MS-1 is past the first, so reading the top again says nothing of it.
    const first = await open('/seller/orders', [waiting, shippedMine], 'cursor-1');
    expect(paramsOf(first)).toEqual({ toShip: 'true' });
    button('Load more')!.click();
    await render();
    listRequest().flush(sellerOrderList([beyond]));
    await render();

    socket.pushOrderStatus({ orderId: shippedMine.id, status: 'fulfilling' });
    await render();
    listRequest().flush(sellerOrderList([waiting, beyond], 'cursor-2'));
    await render();
    expect(numbers()).toEqual(['MS-3', 'MS-1']);
  });

  it('reads the top once more, not once per push, for moves pushed while it is being read', async () => {
    const order = sellerOrderSummary({ number: 'MS-1', status: 'paid' });
    await open('/seller/orders?show=all', [order]);

    socket.pushOrderStatus({ orderId: order.id, status: 'fulfilling' });
    await render();
    const reading = listRequest();
    socket.pushOrderStatus({ orderId: order.id, status: 'shipped' });
    socket.pushOrderStatus({ orderId: order.id, status: 'delivered' });
    await render();
    http.expectNone((request) => request.url === '/api/seller/orders');
    reading.flush(sellerOrderList([{ ...order, status: 'fulfilling' }]));
    await render();
    listRequest().flush(sellerOrderList([{ ...order, status: 'delivered', mayShip: false }]));
    await render();
    expect(text('tbody shop-order-status-chip')).toBe('Delivered');
  });

  it('reads the list again after the socket reconnects', async () => {
    await open('/seller/orders', [sellerOrderSummary({ number: 'MS-1' })]);
    socket.reconnect();
    await render();
    listRequest().flush(sellerOrderList([sellerOrderSummary({ number: 'MS-9' }), sellerOrderSummary({ number: 'MS-1' })]));
    await render();
    expect(numbers()).toEqual(['MS-9', 'MS-1']);
  });

  it('stops listening when the page goes', async () => {
    await open();
    const before = socket.listenerCounts();
    harness.fixture.destroy();
    const after = socket.listenerCounts();
    expect(after.orderCreated).toBe(before.orderCreated - 1);
    expect(after.orderStatus).toBe(before.orderStatus - 2);
  });
});
