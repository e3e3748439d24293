import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import type { SellerOrder } from '@shared/sellers/seller-orders';
import { errorBody } from '../../../core/testing/http-testing';
import { FakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { historyUpTo } from '../../../orders/testing/order-fixtures';
import { configurePageTest, PageHarness } from '../../../orders/testing/page-harness';
import { kettleId, lampId, sellerLine, sellerOrder, sellerOrderId } from '../testing/seller-order-fixtures';
import { commissionRate, SellerOrderPage } from './seller-order-page';

const orderUrl = `/api/seller/orders/${sellerOrderId}`;
const shipmentUrl = (productId: string) => `${orderUrl}/lines/${productId}/shipment`;
const shippedAt = '2026-12-02T09:30:00.000Z';

describe('SellerOrderPage', () => {
  let page: PageHarness<SellerOrderPage>;

  beforeEach(() => {
    configurePageTest();
    page = new PageHarness(SellerOrderPage);
  });

  afterEach(() => page.http.verify());

  async function open(shown: SellerOrder = sellerOrder()): Promise<void> {
    page.fixture.componentRef.setInput('id', sellerOrderId);
    page.fixture.detectChanges();
    page.http.expectOne(orderUrl).flush(shown);
    await page.render();
  }

  const line = (productId: string) => page.element.querySelector<HTMLElement>(`li[data-product-id="${productId}"]`)!;
  const text = (selector: string, within: ParentNode = page.element) => within.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  async function fill(productId: string, carrier: string, trackingNumber: string): Promise<void> {
    for (const [field, value] of [['carrier', carrier], ['tracking', trackingNumber]] as const) {
      const input = page.element.querySelector<HTMLInputElement>(`#ship-${productId}-${field}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await page.render();
  }

  /** Sends the line's form; `render` would wait for the answer to a request it starts, so only the request is let out. */
  async function submit(productId: string): Promise<void> {
    line(productId).querySelector('form')!.dispatchEvent(new Event('submit'));
    await page.requested();
  }

  /** The order once the kettle is shipped: the first shipped line moves the order to fulfilling. */
  function kettleShipped(): SellerOrder {
    const base = sellerOrder();
    return sellerOrder({
      status: 'fulfilling',
      statusHistory: historyUpTo('fulfilling'),
      lines: base.lines.map((each) => (each.productId === kettleId ? { ...each, shipment: { carrier: 'DHL', trackingNumber: 'JJD0099887766', shippedAt } } : each)),
    });
  }

  it('shows the seller\'s lines with what they earn on each, where to send them, and the order\'s history', async () => {
    await open();
    expect(text('h1')).toBe('Order MS-7K3Q-9XWD');
    expect(text('.placed')).toContain('3 items of yours · 0 of 2 lines shipped');
    expect(TestBed.inject(Title).getTitle()).toBe('Order MS-7K3Q-9XWD · Seller area · MEAN Shop');

    const kettle = line(kettleId);
    expect(text('.line-text a', kettle)).toBe('Copper Kettle');
    expect(text('.each', kettle)).toBe('2 × €25.00');
    const money = [...kettle.querySelectorAll('.money div')].map((row) => [text('dt', row), text('dd', row)]);
    expect(money).toEqual([
      ['Line total', '€50.00'],
      ['Commission (10%)', '−€5.00'],
      ['Payout', '€45.00'],
    ]);
    expect(text('.shipment', kettle)).toBe('Not shipped yet');
    expect(kettle.querySelector('shop-product-image')).not.toBeNull();

    expect([text('.totals .total dt'), text('.totals .total dd')]).toEqual(['Payout', '€81.00']);
    expect(text('address')).toContain('1 Main Street');
    expect(text('.method')).toBe('Standard delivery');
    expect(text('.others')).toBe('Other sellers ship 1 more line of this order; it is shipped to the shopper once every line is.');
    expect(page.element.querySelector('shop-order-timeline [aria-current="step"]')?.textContent).toContain('Paid');
  });

  it('offers "Mark shipped" with the common carriers for each unshipped line of a paid order', async () => {
    await open();
    expect(page.element.querySelectorAll('shop-line-shipment-form').length).toBe(2);
    const options = [...line(kettleId).querySelectorAll('datalist option')].map((option) => option.getAttribute('value'));
    expect(options).toEqual(['DHL', 'An Post', 'UPS', 'DPD', 'FedEx', 'GLS']);
    expect(line(kettleId).querySelector('#ship-a00000000000000000000011-carrier')?.getAttribute('list')).toBe('ship-a00000000000000000000011-carriers');
  });

  it('ships a line, then shows the order as the server answers it and says so', async () => {
    await open();
    await fill(kettleId, ' DHL ', 'JJD0099887766');
    await submit(kettleId);

    const request = page.http.expectOne(shipmentUrl(kettleId));
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ carrier: 'DHL', trackingNumber: 'JJD0099887766' });
    expect(page.button('Saving… Copper Kettle', line(kettleId))?.disabled).toBeTrue();
    request.flush(kettleShipped());
    await page.render();

    expect(text('.form-success[role="status"]')).toBe('Copper Kettle is shipped with DHL, tracking number JJD0099887766. The order is now: Being prepared.');
    expect(line(kettleId).querySelector('form')).withContext('the shipped line has no form').toBeNull();
    expect(text('.shipment', line(kettleId))).toContain('with DHL · tracking JJD0099887766');
    expect(line(lampId).querySelector('form')).not.toBeNull();
    expect(text('.head shop-order-status-chip')).toBe('Being prepared');
    expect(text('.placed')).toContain('1 of 2 lines shipped');
  });

  it('checks the carrier and tracking number with the API\'s rules before sending', async () => {
    await open();
    await submit(kettleId);
    expect(text('#ship-a00000000000000000000011-carrier-error')).toBe('Error: Carrier must be at least 2 characters');
    expect(text('#ship-a00000000000000000000011-tracking-error')).toBe('Error: Tracking number must be 3 to 60 letters, digits, spaces or hyphens');

    await fill(kettleId, 'DHL', 'no/slashes');
    await submit(kettleId);
    expect(text('#ship-a00000000000000000000011-carrier-error')).toBe('');
    expect(text('#ship-a00000000000000000000011-tracking-error')).toBe('Error: Tracking number must be 3 to 60 letters, digits, spaces or hyphens');
    page.http.expectNone(shipmentUrl(kettleId));
  });

  it('puts a refused field of the server on that field', async () => {
    await open();
    await fill(kettleId, 'DHL', 'JJD0099887766');
    await submit(kettleId);
    page.http
      .expectOne(shipmentUrl(kettleId))
      .flush(errorBody('validation_failed', 'Invalid body', [{ path: 'body.trackingNumber', message: 'is not a tracking number of this carrier' }]), { status: 400, statusText: 'Bad Request' });
    await page.render();
    expect(text('#ship-a00000000000000000000011-tracking-error')).toBe('Error: Tracking number is not a tracking number of this carrier');
    expect(text('.form-error', line(kettleId))).toBe('Please check the highlighted fields.');
  });

  it('says in the server\'s words why a line cannot be shipped yet, and shows the order as it is now', async () => {
    await open();
    await fill(kettleId, 'DHL', 'JJD0099887766');
    await submit(kettleId);
    page.http
      .expectOne(shipmentUrl(kettleId))
      .flush(errorBody('illegal_transition', 'This order is not paid yet; ship it once it is'), { status: 409, statusText: 'Conflict' });
    await page.requested();
    page.http.expectOne(orderUrl).flush(sellerOrder({ status: 'pending_payment' }));
    await page.render();

    expect(text('.lines > .form-error[role="alert"]')).toBe('This order is not paid yet; ship it once it is');
    expect(page.element.querySelector('shop-line-shipment-form')).toBeNull();
    expect(text('.lines .form-info')).toBe('This order is not paid yet; ship it once it is. This page updates as soon as the payment comes through.');
  });

  it('offers no shipping for an order that is not paid, and follows it live until it is', async () => {
    await open(sellerOrder({ status: 'pending_payment' }));
    expect(page.element.querySelector('shop-line-shipment-form')).toBeNull();
    expect(text('.lines .form-info')).toContain('not paid yet');

    TestBed.inject(FakeShopSocket).pushOrderStatus({ orderId: sellerOrderId, status: 'paid' });
    await page.requested();
    page.http.expectOne(orderUrl).flush(sellerOrder({ status: 'paid' }));
    await page.render();
    expect(page.element.querySelectorAll('shop-line-shipment-form').length).toBe(2);
    expect(page.element.querySelector('.lines .form-info')).toBeNull();
  });

  it('says not to send the lines of a cancelled order', async () => {
    await open(sellerOrder({ status: 'cancelled' }));
    expect(text('.lines .form-info')).toBe('This order was cancelled: do not send its lines.');
    expect(page.element.querySelector('shop-line-shipment-form')).toBeNull();
  });

  it('ignores moves of other orders and the status it already shows', async () => {
    await open();
    const socket = TestBed.inject(FakeShopSocket);
    socket.pushOrderStatus({ orderId: '64c0000000000000000000ff', status: 'shipped' });
    socket.pushOrderStatus({ orderId: sellerOrderId, status: 'paid' });
    await page.requested();
    page.http.expectNone(orderUrl);
  });

  it('reads the order again after the socket reconnects', async () => {
    await open();
    TestBed.inject(FakeShopSocket).reconnect();
    await page.requested();
    page.http.expectOne(orderUrl).flush(kettleShipped());
    await page.render();
    expect(text('.shipment', line(kettleId))).toContain('DHL');
  });

  it('says so for an order that is not the seller\'s', async () => {
    page.fixture.componentRef.setInput('id', sellerOrderId);
    page.fixture.detectChanges();
    page.http.expectOne(orderUrl).flush(errorBody('not_found', 'Order not found'), { status: 404, statusText: 'Not Found' });
    await page.render();
    expect(text('.notice[role="alert"]')).toBe('There is no such order among yours. It may have been a mistyped link.');
  });

  it('writes commission rates as percentages', () => {
    expect(commissionRate(1000)).toBe('10%');
    expect(commissionRate(1250)).toBe('12.5%');
    expect(commissionRate(0)).toBe('0%');
  });

  it('shows a line that was shipped before the page opened', async () => {
    await open(sellerOrder({ lines: [sellerLine({ shipment: { carrier: 'An Post', trackingNumber: 'LX123', shippedAt } })], otherSellersLineCount: 0, status: 'fulfilling' }));
    expect(text('.shipment')).toContain('with An Post · tracking LX123');
    expect(page.element.querySelector('.others')).toBeNull();
    expect(page.element.querySelector('shop-line-shipment-form')).toBeNull();
    expect(page.element.querySelector('.lines .form-info')).toBeNull();
  });
});
