import { TestBed } from '@angular/core/testing';
import type { Order } from '@shared/orders/order';
import { orderStatuses, type OrderStatus } from '@shared/orders/order-status';
import { errorBody } from '../../core/testing/http-testing';
import { FakeShopSocket } from '../../core/testing/fake-shop-socket';
import { configurePageTest, PageHarness } from '../testing/page-harness';
import { historyUpTo, order, orderId } from '../testing/order-fixtures';
import { OrderPage } from './order-page';

const guestUrl = `/api/orders/${orderId}?token=guest-token`;
const cancelUrl = `/api/orders/${orderId}/cancel?token=guest-token`;

describe('OrderPage', () => {
  let page: PageHarness<OrderPage>;
  let socket: FakeShopSocket;

  beforeEach(() => {
    configurePageTest();
    socket = TestBed.inject(FakeShopSocket);
    page = new PageHarness(OrderPage);
  });

  afterEach(() => page.http.verify());

  /** Opens a guest's order from their link, as the confirmation after checkout does. */
  async function open(shown: Order, inputs: { placed?: string } = {}): Promise<void> {
    page.fixture.componentRef.setInput('id', orderId);
    page.fixture.componentRef.setInput('token', 'guest-token');
    if (inputs.placed) page.fixture.componentRef.setInput('placed', inputs.placed);
    page.fixture.detectChanges();
    page.http.expectOne(guestUrl).flush(shown);
    await page.render();
  }

  /** Opens an order without a token, answered with `status`. */
  async function openWithout(status: number): Promise<void> {
    page.fixture.componentRef.setInput('id', orderId);
    page.fixture.detectChanges();
    page.http.expectOne(`/api/orders/${orderId}`).flush(errorBody('not_found', 'Order not found'), { status, statusText: 'Failed' });
    await page.render();
  }

  const chip = () => page.text('.head shop-order-status-chip');
  const currentStep = () => page.text('shop-order-timeline [aria-current="step"] .label');

  async function cancelAndConfirm(): Promise<void> {
    page.button('Cancel order')!.click();
    await page.render();
    page.button('Yes, cancel the order')!.click();
  }

  it('thanks the shopper right after checkout, and shows the order', async () => {
    await open(order({ status: 'paid' }), { placed: '1' });
    expect(page.text('.thanks')).toContain('Thank you for your order!');
    expect(page.text('h1')).toContain('Order MS-7K3Q-9XWD');
    expect(chip()).toBe('Paid');
    expect(page.text('.lines')).toContain('Kettle');
    expect(page.text('.totals .total dd')).toBe('€65.35');
    expect(page.text('shop-postal-address')).toContain('1 Main Street');
    expect(page.element.textContent).toContain('Card ending in 4242');
  });

  it('says how each shipped line left: when, the carrier and the tracking number', async () => {
    const shown = order({ status: 'shipped' });
    shown.lines = [{ ...shown.lines[0]!, shipment: { carrier: 'An Post', trackingNumber: 'CE123456789IE', shippedAt: '2026-12-02T09:00:00.000Z' } }];
    await open(shown);
    expect(page.text('.lines .shipment')).toBe('Shipped 2 Dec with An Post · tracking CE123456789IE');
  });

  it('says who sells each marketplace line, linked to their page, and nothing for the shop\'s own', async () => {
    const shown = order({ status: 'paid' });
    const own = shown.lines[0]!;
    shown.lines = [own, { ...own, productId: 'a00000000000000000000002', title: 'Lamp', sellerId: '64c0000000000000000000aa', sellerName: 'Nordic Home' }];
    await open(shown);
    const soldBy = [...page.element.querySelectorAll('.lines li')].map((line) => line.querySelector('.sold-by'));
    expect(soldBy[0]).toBeNull();
    expect(soldBy[1]?.textContent?.trim()).toBe('Sold by Nordic Home');
    expect(soldBy[1]?.querySelector('a')?.getAttribute('href')).toBe('/sellers/64c0000000000000000000aa');
  });

  it('shows no thanks when the order is opened later', async () => {
    await open(order());
    expect(page.element.querySelector('.thanks')).toBeNull();
  });

  it('follows the order live: a pushed status fetches it again and advances the timeline', async () => {
    await open(order({ status: 'pending_payment' }));
    expect(socket.watchedOrders.get(orderId)).toBe('guest-token');
    expect(currentStep()).toBe('Awaiting payment');

    socket.pushOrderStatus({ orderId, status: 'paid' });
    await page.requested();
    page.http.expectOne(guestUrl).flush(order({ status: 'paid', statusHistory: historyUpTo('paid') }));
    await page.render();
    expect(chip()).toBe('Paid');
    expect(currentStep()).toBe('Paid');
    expect(page.text('[role="status"]')).toContain('Your order is now: Paid.');
  });

  it('fetches once more when a second move is pushed while the first is being fetched, and ends on the last status', async () => {
    await open(order({ status: 'paid' }));
    socket.pushOrderStatus({ orderId, status: 'fulfilling' });
    await page.requested();
    const first = page.http.expectOne(guestUrl);
    // The seller's one line shipped: the order moved twice, and the fetch in flight read it between the moves.
    socket.pushOrderStatus({ orderId, status: 'shipped' });
    await page.requested();
    page.http.expectNone(guestUrl);
    first.flush(order({ status: 'fulfilling', statusHistory: historyUpTo('fulfilling') }));
    await page.requested();
    page.http.expectOne(guestUrl).flush(order({ status: 'shipped', statusHistory: historyUpTo('shipped') }));
    await page.render();
    expect(chip()).toBe('Shipped');
  });

  it('fetches nothing for a status it already shows, or for another order', async () => {
    await open(order({ status: 'paid' }));
    socket.pushOrderStatus({ orderId, status: 'paid' }, 'watch');
    socket.pushOrderStatus({ orderId: '64c0000000000000000000ff', status: 'shipped' });
    await page.requested();
    page.http.expectNone(guestUrl);
  });

  it('fetches the order again after the live connection comes back', async () => {
    await open(order({ status: 'paid' }));
    socket.reconnect();
    await page.requested();
    page.http.expectOne(guestUrl).flush(order({ status: 'fulfilling', statusHistory: historyUpTo('fulfilling') }));
    await page.render();
    expect(chip()).toBe('Being prepared');
  });

  it('stops following the order when the page is left', async () => {
    await open(order());
    page.fixture.destroy();
    expect(socket.watchedOrders.size).toBe(0);
  });

  it('shows a cancelled order with the steps it took and how it ended', async () => {
    const history = [...historyUpTo('pending_payment'), { status: 'cancelled' as const, at: '2026-12-01T10:20:00.000Z', by: 'payment' as const, note: 'Your card was declined' }];
    await open(order({ status: 'cancelled', statusHistory: history }));
    const steps = [...page.element.querySelectorAll('shop-order-timeline li .label')].map((label) => label.textContent?.trim());
    expect(steps).toEqual(['Awaiting payment', 'Cancelled']);
    expect(page.text('shop-order-timeline')).toContain('Your card was declined');
  });

  // The shared order-status table (SPEC section 4) lets the shopper cancel only before payment.
  const cancellable: OrderStatus[] = ['pending_payment'];
  for (const status of orderStatuses) {
    it(`${cancellable.includes(status) ? 'offers' : 'does not offer'} to cancel an order that is ${status}`, async () => {
      await open(order({ status }));
      expect(page.button('Cancel order') !== undefined).toBe(cancellable.includes(status));
    });
  }

  it('cancels after the shopper confirms', async () => {
    await open(order({ status: 'pending_payment' }));
    await cancelAndConfirm();
    const request = page.http.expectOne(cancelUrl);
    expect(request.request.method).toBe('POST');
    request.flush(order({ status: 'cancelled', statusHistory: [...historyUpTo('pending_payment'), { status: 'cancelled', at: '2026-12-01T10:30:00.000Z', by: 'shopper' }] }));
    await page.render();
    expect(chip()).toBe('Cancelled');
    expect(page.button('Cancel order')).toBeUndefined();
  });

  it('says why a cancel was refused and shows the order as it is now', async () => {
    await open(order({ status: 'pending_payment' }));
    await cancelAndConfirm();
    page.http.expectOne(cancelUrl).flush(errorBody('illegal_transition', 'This order is paid now and can no longer be cancelled'), { status: 409, statusText: 'Conflict' });
    await page.requested();
    page.http.expectOne(guestUrl).flush(order({ status: 'fulfilling', statusHistory: historyUpTo('fulfilling') }));
    await page.render();
    expect(page.text('[role="alert"]')).toContain('This order is paid now and can no longer be cancelled');
    expect(chip()).toBe('Being prepared');
  });

  it('tells a visitor without the right link how to find their order', async () => {
    await openWithout(404);
    expect(page.text('h1')).toContain("We couldn't find this order");
    expect(page.element.querySelector('a[href^="/sign-in"]')).not.toBeNull();
  });

  it('explains other failures and retries on request', async () => {
    await openWithout(503);
    expect(page.text('shop-load-error [role="alert"]')).toContain("We couldn't load your order");
    page.button('Try again')!.click();
    await page.requested();
    page.http.expectOne(`/api/orders/${orderId}`).flush(order());
    await page.render();
    expect(chip()).toBe('Paid');
  });
});
