import { TestBed } from '@angular/core/testing';
import type { OrderSummary } from '@shared/orders/order';
import type { OrderCreated } from '@shared/realtime/socket-events';
import { FakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { configurePageTest, PageHarness } from '../../../orders/testing/page-harness';
import { orderList, orderSummary } from '../../../orders/testing/order-fixtures';
import { AdminOrdersPage } from './admin-orders-page';

/** The `order:created` event for a summary. */
function created({ id, number, status, totals, email, createdAt, itemCount }: OrderSummary): OrderCreated {
  return { orderId: id, number, status, total: totals.total, itemCount, email, createdAt };
}

describe('AdminOrdersPage', () => {
  let page: PageHarness<AdminOrdersPage>;
  let socket: FakeShopSocket;

  beforeEach(() => {
    configurePageTest();
    socket = TestBed.inject(FakeShopSocket);
    page = new PageHarness(AdminOrdersPage);
  });

  afterEach(() => page.http.verify());

  async function open(status: string | undefined, items: OrderSummary[]): Promise<void> {
    if (status) page.fixture.componentRef.setInput('status', status);
    page.fixture.detectChanges();
    page.http.expectOne(status ? `/api/admin/orders?status=${status}` : '/api/admin/orders').flush(orderList(items));
    await page.render();
  }

  const numbers = () => [...page.element.querySelectorAll('.orders .number')].map((link) => link.firstChild!.textContent!.trim());

  it('lists the orders of the status in the address, each linking to its admin page', async () => {
    await open('paid', [orderSummary({ number: 'MS-1' })]);
    expect(numbers()).toEqual(['Order MS-1']);
    expect(page.element.querySelector('.orders a')?.getAttribute('href')).toMatch(/^\/admin\/orders\/[0-9a-f]{24}$/);
    expect(page.text('.orders .email')).toBe('guest@example.com');
  });

  it('puts a new order on top as it is placed, and updates statuses live', async () => {
    const older = orderSummary({ number: 'MS-1' });
    await open(undefined, [older]);

    const newer = orderSummary({ number: 'MS-2', status: 'pending_payment' });
    socket.pushOrderCreated(created(newer));
    page.http.expectOne('/api/admin/orders').flush(orderList([newer, older]));
    await page.render();
    expect(numbers()).toEqual(['Order MS-2', 'Order MS-1']);

    socket.pushOrderStatus({ orderId: newer.id, status: 'paid' });
    await page.render();
    expect(page.text('.orders li shop-order-status-chip')).toBe('Paid');
  });

  it('leaves out new orders of another status than the one filtered by', async () => {
    await open('shipped', []);
    socket.pushOrderCreated(created(orderSummary({ status: 'paid' })));
    await page.render();
    page.http.expectNone('/api/admin/orders?status=shipped');
    expect(page.element.textContent).toContain('No orders are shipped');
  });
});
