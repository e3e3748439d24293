import { configurePageTest, PageHarness } from '../testing/page-harness';
import { orderList, orderSummary } from '../testing/order-fixtures';
import { OrderHistoryPage } from './order-history-page';

describe('OrderHistoryPage', () => {
  let page: PageHarness<OrderHistoryPage>;

  beforeEach(() => {
    configurePageTest();
    page = new PageHarness(OrderHistoryPage);
  });

  afterEach(() => page.http.verify());

  /** Opens the page with the first page of orders the API answers. */
  async function open(...[items, nextCursor]: Parameters<typeof orderList>): Promise<void> {
    page.fixture.detectChanges();
    page.http.expectOne('/api/orders').flush(orderList(items, nextCursor));
    await page.render();
  }

  function rows(): string[][] {
    return [...page.element.querySelectorAll('.orders li')].map((row) =>
      ['.number', '.status', '.count', '.total'].map((part) => row.querySelector(part)!.firstChild!.textContent!.trim()),
    );
  }

  it('shows each order with its number, status, item count and total', async () => {
    await open([orderSummary({ number: 'MS-1', status: 'shipped', itemCount: 3 }), orderSummary({ number: 'MS-2', itemCount: 1 })]);
    expect(rows()).toEqual([
      ['Order MS-1', 'Shipped', '3 items', '€65.35'],
      ['Order MS-2', 'Paid', '1 item', '€65.35'],
    ]);
    expect(page.text('.orders time')).toContain('1 Dec 2026');
  });

  it('loads the next page after the last order shown, until there is none', async () => {
    const first = orderSummary({ number: 'MS-1' });
    await open([first], first.id);
    expect(rows().length).toBe(1);

    page.button('Load more')!.click();
    page.http.expectOne(`/api/orders?cursor=${first.id}`).flush(orderList([orderSummary({ number: 'MS-2' })], null));
    await page.render();
    expect(rows().map(([number]) => number)).toEqual(['Order MS-1', 'Order MS-2']);
    expect(page.button('Load more')).toBeUndefined();
  });

  it('keeps the orders shown when a later page fails, and says so', async () => {
    const first = orderSummary();
    await open([first], first.id);
    page.button('Load more')!.click();
    page.http.expectOne(`/api/orders?cursor=${first.id}`).flush(null, { status: 503, statusText: 'Unavailable' });
    await page.render();
    expect(rows().length).toBe(1);
    expect(page.text('.more [role="alert"]')).toContain('on our side');
    expect(page.button('Load more')).toBeDefined();
  });

  it('says when there are no orders yet', async () => {
    await open([]);
    expect(page.element.textContent).toContain("You haven't ordered anything yet.");
  });

  it('explains a failed load and retries on request', async () => {
    page.fixture.detectChanges();
    page.http.expectOne('/api/orders').flush(null, { status: 500, statusText: 'Error' });
    await page.render();
    page.button('Try again')!.click();
    page.http.expectOne('/api/orders').flush(orderList([orderSummary()]));
    await page.render();
    expect(rows().length).toBe(1);
  });
});
