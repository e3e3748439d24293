import { TestBed } from '@angular/core/testing';
import type { Order } from '@shared/orders/order';
import type { OrderStatus } from '@shared/orders/order-status';
import { errorBody } from '../../../core/testing/http-testing';
import { FakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { configurePageTest, PageHarness } from '../../../orders/testing/page-harness';
import { historyUpTo, order, orderId } from '../../../orders/testing/order-fixtures';
import { AdminOrderPage } from './admin-order-page';

const orderUrl = `/api/admin/orders/${orderId}`;

/** The buttons an admin gets for each status: SPEC section 4's moves that are the admin's. */
const expectedButtons: Record<OrderStatus, string[]> = {
  pending_payment: ['Cancel order'],
  paid: ['Start fulfilment', 'Cancel order'],
  fulfilling: ['Mark as shipped', 'Cancel order'],
  shipped: ['Mark as delivered'],
  delivered: ['Mark as returned'],
  cancelled: [],
  returned: [],
};

describe('AdminOrderPage', () => {
  let page: PageHarness<AdminOrderPage>;

  beforeEach(() => {
    configurePageTest();
    page = new PageHarness(AdminOrderPage);
  });

  afterEach(() => page.http.verify());

  async function open(shown: Order): Promise<void> {
    page.fixture.componentRef.setInput('id', orderId);
    page.fixture.detectChanges();
    page.http.expectOne(orderUrl).flush(shown);
    await page.render();
  }

  const moves = () => page.element.querySelector('[aria-label="Move the order"]') ?? page.element;
  const moveButtons = () => [...page.element.querySelectorAll('[aria-label="Move the order"] button')].map((button) => button.textContent!.trim());
  const dialog = () => page.element.querySelector('dialog')!;

  async function askToMove(label: string): Promise<void> {
    page.button(label, moves())!.click();
    await page.render();
  }

  async function confirm(note = ''): Promise<void> {
    const field = dialog().querySelector('textarea')!;
    field.value = note;
    field.dispatchEvent(new Event('input'));
    dialog().querySelector('form')!.dispatchEvent(new Event('submit'));
    await page.requested();
  }

  for (const [status, buttons] of Object.entries(expectedButtons) as Array<[OrderStatus, string[]]>) {
    it(`offers ${buttons.length ? buttons.join(' and ') : 'no moves'} for an order that is ${status}`, async () => {
      await open(order({ status }));
      expect(moveButtons()).toEqual(buttons);
    });
  }

  it('moves the order after confirming in a dialog, with the note given', async () => {
    await open(order({ status: 'fulfilling', statusHistory: historyUpTo('fulfilling') }));
    await askToMove('Mark as shipped');
    expect(dialog().open).toBeTrue();
    expect(dialog().textContent).toContain('goes from Being prepared to Shipped');

    await confirm('DHL 0034 1234');
    const request = page.http.expectOne(`${orderUrl}/status`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ status: 'shipped', note: 'DHL 0034 1234' });
    request.flush(order({ status: 'shipped', statusHistory: historyUpTo('shipped') }));
    await page.render();

    expect(dialog().open).toBeFalse();
    expect(page.text('.head shop-order-status-chip')).toBe('Shipped');
    expect(moveButtons()).toEqual(['Mark as delivered']);
    expect(page.text('.form-success')).toContain('The order is now: Shipped.');
  });

  it('says that a refund goes with cancelling a paid order', async () => {
    await open(order({ status: 'paid' }));
    await askToMove('Cancel order');
    expect(dialog().textContent).toContain('The payment is refunded');
  });

  it('changes nothing when the dialog is dismissed', async () => {
    await open(order({ status: 'paid' }));
    await askToMove('Start fulfilment');
    page.button('Keep it as it is', dialog())!.click();
    await page.render();
    expect(dialog().open).toBeFalse();
  });

  it('says the order was changed by someone else when the move lost the race, and shows it as it is now', async () => {
    await open(order({ status: 'paid' }));
    await askToMove('Start fulfilment');
    await confirm();
    page.http.expectOne(`${orderUrl}/status`).flush(errorBody('illegal_transition', 'This order was changed by someone else a moment ago'), { status: 409, statusText: 'Conflict' });
    await page.requested();
    page.http.expectOne(orderUrl).flush(order({ status: 'cancelled', statusHistory: historyUpTo('cancelled') }));
    await page.render();

    expect(dialog().open).toBeFalse();
    expect(page.text('[role="alert"]')).toContain('changed by someone else');
    expect(moveButtons()).toEqual([]);
  });

  it('follows the order live', async () => {
    await open(order({ status: 'paid' }));
    TestBed.inject(FakeShopSocket).pushOrderStatus({ orderId, status: 'cancelled' });
    await page.requested();
    page.http.expectOne(orderUrl).flush(order({ status: 'cancelled', statusHistory: historyUpTo('cancelled') }));
    await page.render();
    expect(moveButtons()).toEqual([]);
  });

  describe('the shop\'s own lines', () => {
    const sellersLine = { ...order().lines[0]!, productId: 'a00000000000000000000002', slug: 'lamp', title: 'Driftwood lamp', sellerId: '64c0000000000000000000aa', sellerName: 'Nordic Home' };
    const mixed = (overrides: Partial<Order> = {}) => order({ lines: [order().lines[0]!, sellersLine], ...overrides });
    const shipForms = () => [...page.element.querySelectorAll('shop-line-shipment-form')];

    async function shipWith(form: Element, carrier: string, trackingNumber: string): Promise<void> {
      for (const [label, value] of [['Carrier', carrier], ['Tracking number', trackingNumber]]) {
        const field = [...form.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label)!;
        const input = form.querySelector<HTMLInputElement>(`#${field.htmlFor}`)!;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      form.querySelector('form')!.dispatchEvent(new Event('submit'));
      await page.requested();
    }

    it('offers to ship each unshipped line of the shop\'s own while the order is paid, never a seller\'s', async () => {
      await open(mixed({ status: 'paid' }));
      expect(shipForms().length).toBe(1);
      expect(shipForms()[0]!.textContent).toContain('Kettle');
      expect(page.text('.seller-ships')).toBe('Its seller ships this line, from the seller area.');
    });

    for (const status of ['pending_payment', 'shipped', 'cancelled'] as const) {
      it(`offers no line shipping for an order that is ${status}`, async () => {
        await open(mixed({ status }));
        expect(shipForms().length).toBe(0);
      });
    }

    it('ships the line with its carrier and tracking number, shows the order as the server answers it, and says so', async () => {
      await open(mixed({ status: 'paid' }));
      await shipWith(shipForms()[0]!, 'GLS', ' gls-4410-2231 ');
      const request = page.http.expectOne(`${orderUrl}/lines/a00000000000000000000001/shipment`);
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ carrier: 'GLS', trackingNumber: 'gls-4410-2231' });
      const shipment = { carrier: 'GLS', trackingNumber: 'gls-4410-2231', shippedAt: '2026-12-02T09:00:00.000Z' };
      request.flush(mixed({ status: 'fulfilling', statusHistory: historyUpTo('fulfilling'), lines: [{ ...order().lines[0]!, shipment }, sellersLine] }));
      await page.render();

      expect(shipForms().length).toBe(0);
      expect(page.text('.form-success')).toBe('Kettle is shipped with GLS, tracking number gls-4410-2231. The order is now: Being prepared.');
      expect(page.text('.lines .shipment')).toContain('with GLS · tracking gls-4410-2231');
    });

    it('says a refusal above the order and shows it as it is now', async () => {
      await open(mixed({ status: 'paid' }));
      await shipWith(shipForms()[0]!, 'GLS', 'GLS-4410-2231');
      page.http
        .expectOne(`${orderUrl}/lines/a00000000000000000000001/shipment`)
        .flush(errorBody('illegal_transition', 'This order is cancelled; its lines can no longer be shipped'), { status: 409, statusText: 'Conflict' });
      await page.requested();
      page.http.expectOne(orderUrl).flush(mixed({ status: 'cancelled', statusHistory: historyUpTo('cancelled') }));
      await page.render();
      expect(page.text('.form-error')).toContain('its lines can no longer be shipped');
      expect(shipForms().length).toBe(0);
    });
  });
});
