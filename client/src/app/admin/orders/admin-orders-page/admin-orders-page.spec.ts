import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminUser } from '@shared/accounts/accounts';
import type { OrderSummary } from '@shared/orders/order';
import type { OrderCreated } from '@shared/realtime/socket-events';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { orderList, orderSummary } from '../../../orders/testing/order-fixtures';
import { AdminOrdersPage } from './admin-orders-page';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const adaId = '64b0000000000000000000a1';
const bramId = '64b0000000000000000000b2';

function seller(id: string, name: string): AdminUser {
  return { id, email: `${name.split(' ')[0]!.toLowerCase()}@sellers.test`, name, role: 'seller', disabled: false, createdAt: '2026-01-01T10:00:00.000Z' };
}

/** The `order:created` event for a summary. */
function created({ id, number, status, totals, email, createdAt, itemCount }: OrderSummary): OrderCreated {
  return { orderId: id, number, status, total: totals.total, itemCount, email, createdAt };
}

/** A request's query as an object, to compare whole. */
function paramsOf(request: TestRequest): Record<string, string | null> {
  const { params } = request.request;
  return Object.fromEntries(params.keys().map((key) => [key, params.get(key)]));
}

describe('AdminOrdersPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeShopSocket;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket(), provideRouter([{ path: 'admin/orders', component: AdminOrdersPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    socket = TestBed.inject(FakeShopSocket);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (selector: string) => page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const url = () => TestBed.inject(Router).url;
  const numbers = () => [...page().querySelectorAll('.orders .number')].map((link) => link.firstChild!.textContent!.trim());
  const control = <T extends HTMLInputElement | HTMLSelectElement>(id: string) => page().querySelector<T>(`#orders-${id}`)!;
  const button = (label: string) => [...page().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label)!;

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/admin/orders');
  }

  async function open(address = '/admin/orders', items: OrderSummary[] = [orderSummary({ number: 'MS-1' })], nextCursor: string | null = null): Promise<TestRequest> {
    const navigated = harness.navigateByUrl(address);
    await render();
    const sellers = http.expectOne((request) => request.url === '/api/admin/users');
    expect(paramsOf(sellers)).toEqual({ role: 'seller', limit: '100', page: '1' });
    sellers.flush({ items: [seller(bramId, 'Bram Brass'), seller(adaId, 'Ada Anvil')], total: 2, page: 1, limit: 100 });
    const list = listRequest();
    list.flush(orderList(items, nextCursor));
    await navigated;
    await render();
    return list;
  }

  async function fill(id: string, value: string): Promise<void> {
    const field = control(id);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    await render();
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLFormElement>('form[role="search"]')!.dispatchEvent(new Event('submit'));
    await render();
  }

  it('lists the orders, each linking to its admin page, asking only for the days in the browser\'s time zone when nothing is filtered', async () => {
    const list = await open();
    expect(paramsOf(list)).toEqual({ tz: timeZone });
    expect(numbers()).toEqual(['Order MS-1']);
    expect(page().querySelector('.orders a')?.getAttribute('href')).toMatch(/^\/admin\/orders\/[0-9a-f]{24}$/);
    expect(text('.orders .email')).toBe('guest@example.com');
  });

  it('sends the filters of the address to the API exactly, leaves out the empty ones, and shows them in the form', async () => {
    const list = await open(`/admin/orders?status=paid&from=2026-03-01&to=2026-03-10&email=&seller=${adaId}&q=%20ms-7k3q-9xwd%20`);
    expect(paramsOf(list)).toEqual({ status: 'paid', from: '2026-03-01', to: '2026-03-10', seller: adaId, q: 'ms-7k3q-9xwd', tz: timeZone });
    expect([control('status'), control('from'), control('to'), control('email'), control('seller'), control('q')].map((field) => field.value)).toEqual([
      'paid',
      '2026-03-01',
      '2026-03-10',
      '',
      adaId,
      'ms-7k3q-9xwd',
    ]);
    expect(control<HTMLSelectElement>('seller').selectedOptions[0]?.textContent?.trim()).toBe('Ada Anvil (ada@sellers.test)');
  });

  it('offers every seller by name, and keeps a seller of the address that is not among them', async () => {
    await open('/admin/orders?seller=64b0000000000000000000c3');
    const options = [...control<HTMLSelectElement>('seller').options].map((option) => option.textContent?.trim());
    expect(options).toEqual(['All sellers', 'Ada Anvil (ada@sellers.test)', 'Bram Brass (bram@sellers.test)', 'Seller 64b0000000000000000000c3']);
    expect(control('seller').value).toBe('64b0000000000000000000c3');
  });

  it('puts the submitted filters in the address and lists what matches', async () => {
    await open();
    await fill('status', 'shipped');
    await fill('from', '2026-03-01');
    await fill('to', '2026-03-01');
    await fill('email', ' ada@example.test ');
    await fill('seller', bramId);
    await fill('q', 'MS-7K3Q-9XWD');
    await submit();
    expect(url()).toBe(`/admin/orders?status=shipped&from=2026-03-01&to=2026-03-01&email=ada@example.test&seller=${bramId}&q=MS-7K3Q-9XWD`);
    const list = listRequest();
    expect(paramsOf(list)).toEqual({ status: 'shipped', from: '2026-03-01', to: '2026-03-01', email: 'ada@example.test', seller: bramId, q: 'MS-7K3Q-9XWD', tz: timeZone });
    list.flush(orderList([]));
    await render();
    expect(text('shop-order-list .empty')).toBe('No orders match these filters.');
  });

  it('reads the list again when searched with the filters already applied', async () => {
    await open('/admin/orders?status=paid');
    await submit();
    expect(url()).toBe('/admin/orders?status=paid');
    const again = listRequest();
    expect(paramsOf(again)).toEqual({ status: 'paid', tz: timeZone });
    again.flush(orderList([orderSummary({ number: 'MS-9' })]));
    await render();
    expect(numbers()).toEqual(['Order MS-9']);
  });

  it('says so when To is before From, and sends nothing', async () => {
    await open();
    await fill('from', '2026-03-10');
    await fill('to', '2026-03-09');
    await submit();
    expect(text('#orders-to-error')).toBe('Error: To must not be before From');
    expect(control('to').getAttribute('aria-invalid')).toBe('true');
    expect(url()).toBe('/admin/orders');
    http.expectNone((request) => request.url === '/api/admin/orders');

    await fill('from', '2026-03-09');
    expect(text('#orders-to-error')).toBe('');
    await submit();
    expect(url()).toBe('/admin/orders?from=2026-03-09&to=2026-03-09');
    listRequest().flush(orderList([]));
    await render();
  });

  it('refuses an email that is not one before searching', async () => {
    await open();
    await fill('email', 'not-an-email');
    await submit();
    expect(text('#orders-email-error')).toBe('Error: Customer email must be a valid email address');
    expect(url()).toBe('/admin/orders');
  });

  it('clears every filter, and then says when there are no orders at all', async () => {
    await open(`/admin/orders?status=paid&from=2026-03-01&seller=${adaId}&q=ada@example.test`);
    button('Clear').click();
    await render();
    expect(url()).toBe('/admin/orders');
    expect(control('status').value).toBe('');
    const list = listRequest();
    expect(paramsOf(list)).toEqual({ tz: timeZone });
    list.flush(orderList([]));
    await render();
    expect(text('shop-order-list .empty')).toBe('No orders yet.');
  });

  it('pages on with the same filters', async () => {
    await open('/admin/orders?status=paid&q=ada@example.test', [orderSummary({ number: 'MS-1' })], 'c1');
    button('Load more').click();
    await render();
    const more = listRequest();
    expect(paramsOf(more)).toEqual({ status: 'paid', q: 'ada@example.test', tz: timeZone, cursor: 'c1' });
    more.flush(orderList([orderSummary({ number: 'MS-2' })]));
    await render();
    expect(numbers()).toEqual(['Order MS-1', 'Order MS-2']);
  });

  it('shows a refused filter in words, not a blank page', async () => {
    const navigated = harness.navigateByUrl('/admin/orders?from=yesterday');
    await render();
    http.expectOne((request) => request.url === '/api/admin/users').flush({ items: [], total: 0, page: 1, limit: 100 });
    const list = listRequest();
    expect(list.request.params.get('from')).toBe('yesterday');
    list.flush(errorBody('validation_failed', 'Invalid query', [{ path: 'query.from', message: 'Invalid ISO date' }]), { status: 400, statusText: 'Bad Request' });
    await navigated;
    await render();
    expect(text('shop-order-list [role="alert"] p')).toBe("We couldn’t load the orders. These filters cannot be used: From: Invalid ISO date.");
    expect(button('Clear')).toBeDefined();
  });

  it('exports exactly the filters of the address as CSV, with the token, under the server\'s file name', async () => {
    const list = await open(`/admin/orders?status=paid&from=2026-03-01&to=2026-03-10&seller=${adaId}`);
    const createObjectURL = spyOn(URL, 'createObjectURL').and.returnValue('blob:orders');
    spyOn(URL, 'revokeObjectURL');
    const saved: string[] = [];
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    // Typed but not searched: the export is of the list shown, which the address describes.
    await fill('status', 'cancelled');

    button('Export CSV').click();
    await render();
    const request = http.expectOne((candidate) => candidate.url === '/api/admin/orders/export.csv');
    expect(request.request.responseType).toBe('blob');
    expect(paramsOf(request)).toEqual(paramsOf(list));
    expect(text('.export button')).toBe('Exporting…');
    expect(page().querySelector<HTMLButtonElement>('.export button')!.disabled).toBeTrue();

    request.flush(new Blob(['number,created_at\r\n'], { type: 'text/csv' }), { headers: { 'Content-Disposition': 'attachment; filename="orders-2026-03-10.csv"' } });
    await render();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(['orders-2026-03-10.csv blob:orders']);
    expect(text('.form-success[role="status"]')).toBe('The orders were saved as orders-2026-03-10.csv.');
    expect(text('.export button')).toBe('Export CSV');
  });

  it('says why an export failed', async () => {
    await open('/admin/orders?to=2026-03-01&from=2026-03-10');
    const clicks = spyOn(HTMLAnchorElement.prototype, 'click');
    button('Export CSV').click();
    await render();
    const body = errorBody('validation_failed', 'Invalid query', [{ path: 'query.to', message: 'must not be before from' }]);
    http
      .expectOne((candidate) => candidate.url === '/api/admin/orders/export.csv')
      .flush(new Blob([JSON.stringify(body)], { type: 'application/json' }), { status: 400, statusText: 'Bad Request' });
    await render();
    expect(text('.form-error[role="alert"]')).toBe('The orders were not exported. These filters cannot be used: To must not be before from.');
    expect(clicks).not.toHaveBeenCalled();
    expect(text('.export button')).toBe('Export CSV');

    button('Export CSV').click();
    await render();
    http.expectOne((candidate) => candidate.url === '/api/admin/orders/export.csv').error(new ProgressEvent('error'), { status: 0 });
    await render();
    expect(text('.form-error[role="alert"]')).toBe("The orders were not exported. We couldn't reach the shop. Please check your connection and try again.");
  });

  it('puts a new order on top as it is placed, and updates statuses live', async () => {
    const older = orderSummary({ number: 'MS-1' });
    await open('/admin/orders', [older]);

    const newer = orderSummary({ number: 'MS-2', status: 'pending_payment' });
    socket.pushOrderCreated(created(newer));
    await render();
    listRequest().flush(orderList([newer, older]));
    await render();
    expect(numbers()).toEqual(['Order MS-2', 'Order MS-1']);

    socket.pushOrderStatus({ orderId: newer.id, status: 'paid' });
    await render();
    expect(text('.orders li shop-order-status-chip')).toBe('Paid');
  });

  it('leaves out new orders of another status than the one filtered by', async () => {
    await open('/admin/orders?status=shipped', []);
    socket.pushOrderCreated(created(orderSummary({ status: 'paid' })));
    await render();
    http.expectNone((request) => request.url === '/api/admin/orders');
    expect(text('shop-order-list .empty')).toBe('No orders match these filters.');
  });

  it('reads the top again for a new order when other filters are set, leaving the matching to the server', async () => {
    await open('/admin/orders?status=paid&email=ada@example.test', []);
    socket.pushOrderCreated(created(orderSummary({ status: 'paid', email: 'ada@example.test' })));
    await render();
    const top = listRequest();
    expect(paramsOf(top)).toEqual({ status: 'paid', email: 'ada@example.test', tz: timeZone });
    top.flush(orderList([]));
    await render();
  });
});
