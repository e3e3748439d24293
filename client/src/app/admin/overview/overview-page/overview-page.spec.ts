import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Clock } from '../../../core/clock';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { LiveOrderFeed } from '../order-feed/live-order-feed';
import { aucklandEvening, figures, statsOf } from '../testing/stats-fixtures';
import { dayRange, OverviewPage } from './overview-page';

describe('OverviewPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeShopSocket(),
        // The admin shell provides the feed in the app.
        LiveOrderFeed,
        { provide: Clock, useValue: aucklandEvening },
        provideRouter([{ path: 'admin', component: OverviewPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return harness.routeNativeElement!;
  }

  function statsRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/admin/stats');
  }

  async function render(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
  }

  async function open(url = '/admin'): Promise<void> {
    await harness.navigateByUrl(url);
    await render();
  }

  function card(name: string): HTMLElement {
    const term = [...page().querySelectorAll('.kpi dt')].find((dt) => dt.textContent?.trim() === name);
    if (!term) throw new Error(`no card ${name}`);
    return term.parentElement!;
  }

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  /** What a screen reader has of an element: its text without the parts hidden from it. */
  function spoken(element: Element): string | undefined {
    const copy = element.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return text(copy);
  }

  it('loads 7 days by default and shows each figure with its change, marked by more than colour', async () => {
    await open();
    expect(page().querySelector('.kpis')?.getAttribute('aria-busy')).withContext('loading').toBe('true');
    const request = statsRequest();
    expect(request.request.params.get('from')).toBe('2026-03-05');
    request.flush(statsOf());
    await render();

    expect(text(card('Revenue').querySelector('.value'))).toBe('€1,250.00');
    const revenue = card('Revenue').querySelector('.change')!;
    expect(revenue.classList).toContain('up');
    expect(text(revenue.querySelector('.marker'))).toBe('▲');
    expect(spoken(revenue)).toBe('+25% vs the previous 7 days');

    const orders = card('Orders').querySelector('.change')!;
    expect(text(orders.querySelector('.marker'))).toBe('▼');
    expect(spoken(orders)).toBe('\u221220% vs the previous 7 days');
    const units = card('Units sold').querySelector('.change')!;
    expect(units.querySelector('.marker')).withContext('no marker without a change').toBeNull();
    expect(spoken(units)).toBe('0% vs the previous 7 days');
    const newCustomers = card('New customers').querySelector('.change')!;
    expect(text(newCustomers.querySelector('[aria-hidden="true"]'))).toBe('— vs the previous 7 days');
    expect(spoken(newCustomers)).toBe('No comparison: the previous 7 days had none');

    expect(text(page().querySelector('.range'))).toBe(`${dayRange('2026-03-05', '2026-03-11')} vs ${dayRange('2026-02-26', '2026-03-04')}`);
    expect(page().querySelectorAll('shop-chart').length).toBe(4);
    expect(page().querySelector<HTMLAnchorElement>('shop-low-stock-list a')?.getAttribute('href')).toBe('/products/a00000000000000000000003');
    expect(page().querySelector<HTMLInputElement>('input[value="7d"]')?.checked).toBeTrue();
  });

  it('asks for another period when one is picked, and keeps it in the address', async () => {
    await open();
    statsRequest().flush(statsOf());
    await render();

    page().querySelector<HTMLInputElement>('input[value="30d"]')!.click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/admin?period=30d');
    expect(statsRequest().request.params.get('from')).toBe('2026-02-10');
  });

  it('opens on the period in the address', async () => {
    await open('/admin?period=today');
    const request = statsRequest();
    expect([request.request.params.get('from'), request.request.params.get('to')]).toEqual(['2026-03-11', '2026-03-11']);
    request.flush(statsOf({ from: '2026-03-11', to: '2026-03-11', current: figures({ orders: 0, unitsSold: 0 }) }));
    await render();
    expect(text(page().querySelector('.range'))).toMatch(/^11 Mar 2026 vs/);
    expect(text(card('Orders').querySelector('.change'))).toContain('vs yesterday');
    expect(text(page().querySelector('[aria-labelledby="revenue-heading"]'))).toContain('No sales in this period yet.');
  });

  it('says why the figures did not load, and tries again', async () => {
    await open();
    statsRequest().flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
    await render();
    const alert = page().querySelector('shop-load-error [role="alert"]');
    expect(text(alert)).toContain('We couldn’t load the figures. Something went wrong on our side.');

    alert!.querySelector('button')!.click();
    await render();
    statsRequest().flush(statsOf());
    await render();
    expect(page().querySelector('shop-load-error')).toBeNull();
    expect(page().querySelectorAll('.kpi dt').length).toBe(5);
  });

  it('shows new orders in the live feed, linking to them, and says so to screen readers', async () => {
    await open();
    statsRequest().flush(statsOf());
    await render();
    expect(text(page().querySelector('shop-order-feed .empty'))).toContain('show here as they happen');

    TestBed.inject(FakeShopSocket).pushOrderCreated({
      orderId: '64c000000000000000000009', number: 'MS-9', status: 'pending_payment', total: { amount: 2500, currency: 'EUR' },
      itemCount: 2, email: 'a@example.com', createdAt: aucklandEvening.now().toISOString(),
    });
    await render();
    const link = page().querySelector<HTMLAnchorElement>('shop-order-feed li a')!;
    expect(text(link)).toBe('Order MS-9');
    expect(link.getAttribute('href')).toBe('/admin/orders/64c000000000000000000009');
    expect(text(page().querySelector('shop-order-feed li .what'))).toBe('Placed · €25.00 · 2 items');
    expect(text(page().querySelector('shop-order-feed time'))).toBe('just now');
    expect(text(page().querySelector('shop-order-feed [role="status"]'))).toBe('New order MS-9, €25.00.');
  });
});
