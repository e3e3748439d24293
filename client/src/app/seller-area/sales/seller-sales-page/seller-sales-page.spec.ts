import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SellerSalesReport } from '@shared/sellers/seller-orders';
import { Clock } from '../../../core/clock';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { salesDay, salesReport } from '../testing/sales-fixtures';
import { SellerSalesPage } from './seller-sales-page';

/** 11 March 2026, 12:30 in Auckland: this month is 1–11 March there. */
const aucklandNoon: Pick<Clock, 'now' | 'timeZone'> = {
  now: () => new Date('2026-03-10T23:30:00Z'),
  timeZone: () => 'Pacific/Auckland',
};

function paramsOf(request: TestRequest): Record<string, string | null> {
  const { params } = request.request;
  return Object.fromEntries(params.keys().map((key) => [key, params.get(key)]));
}

describe('SellerSalesPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Clock, useValue: aucklandNoon },
        provideRouter([{ path: 'seller/sales', component: SellerSalesPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (selector: string, within: ParentNode = page()) => within.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const url = () => TestBed.inject(Router).url;
  const button = (label: string) => [...page().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label);
  const radio = (label: string) => [...page().querySelectorAll<HTMLLabelElement>('.periods label')].find((candidate) => candidate.textContent?.trim() === label)!.querySelector('input')!;
  const field = (name: 'from' | 'to') => page().querySelector<HTMLInputElement>(`#seller-sales-${name}`)!;

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function reportRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/seller/sales');
  }

  async function open(address = '/seller/sales', report: SellerSalesReport = salesReport()): Promise<TestRequest> {
    const navigated = harness.navigateByUrl(address);
    await render();
    const request = reportRequest();
    request.flush(report);
    await navigated;
    await render();
    return request;
  }

  async function pick(label: string): Promise<void> {
    radio(label).click();
    await render();
  }

  async function fill(name: 'from' | 'to', value: string): Promise<void> {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input'));
    await render();
  }

  function totals(): string[][] {
    return [...page().querySelectorAll('.totals > div')].map((card) => [text('dt', card)!, text('dd', card)!]);
  }

  it('reports this month of the seller\'s own calendar by default, with the totals and the refunds apart', async () => {
    const request = await open();
    expect(paramsOf(request)).toEqual({ from: '2026-03-01', to: '2026-03-11', tz: 'Pacific/Auckland' });
    expect(radio('This month').checked).toBeTrue();
    expect(text('.range')).toBe('1–11 Mar 2026');
    expect(text('.days')).toContain('Pacific/Auckland');

    expect(totals()).toEqual([
      ['Gross sales', '€145.00'],
      ['Commission', '€14.50'],
      ['Net payout', '€130.50'],
      ['Orders', '3'],
      ['Units sold', '4'],
    ]);
    expect(text('.refunded')).toBe('Refunded: 1 order of the period, €20.00 gross, cancelled or returned after payment. They are not in the figures above.');
  });

  it('draws the days as a chart, and lists the days with sales in a table with the total', async () => {
    await open();
    expect(page().querySelector('shop-chart canvas')).not.toBeNull();
    expect(page().querySelectorAll('shop-chart tbody tr').length).withContext('every day, for screen readers').toBe(3);

    const rows = [...page().querySelectorAll('.by-day tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()));
    expect(rows).toEqual([
      ['Sun, 1 Mar', '2', '3', '€100.00', '€10.00', '€90.00'],
      ['Tue, 3 Mar', '1', '1', '€45.00', '€4.50', '€40.50'],
    ]);
    expect([...page().querySelectorAll('.by-day tfoot td')].map((cell) => cell.textContent!.trim())).toEqual(['3', '4', '€145.00', '€14.50', '€130.50']);
    expect(page().querySelector('.by-day td[data-label="Payout"]')).not.toBeNull();
  });

  it('says when there were no sales, with the totals at zero', async () => {
    await open('/seller/sales', salesReport({ days: [salesDay('2026-03-01'), salesDay('2026-03-02')], refunded: { orderCount: 0, gross: { amount: 0, currency: 'EUR' } } }));
    expect(text('.card .empty')).toBe('No sales in this period.');
    expect(page().querySelector('.by-day')).toBeNull();
    expect(page().querySelector('.refunded')).toBeNull();
    expect(totals()[0]).toEqual(['Gross sales', '€0.00']);
  });

  it('puts last month and the last 30 days in the address, and reports on them', async () => {
    await open();
    await pick('Last month');
    expect(url()).toBe('/seller/sales?period=last-month');
    const lastMonth = reportRequest();
    expect(paramsOf(lastMonth)).toEqual({ from: '2026-02-01', to: '2026-02-28', tz: 'Pacific/Auckland' });
    lastMonth.flush(salesReport());
    await render();

    await pick('Last 30 days');
    expect(url()).toBe('/seller/sales?period=30d');
    expect(paramsOf(reportRequest())).toEqual({ from: '2026-02-10', to: '2026-03-11', tz: 'Pacific/Auckland' });

    await pick('This month');
    expect(url()).toBe('/seller/sales');
    expect(paramsOf(reportRequest())).toEqual({ from: '2026-03-01', to: '2026-03-11', tz: 'Pacific/Auckland' });
  });

  it('starts custom days as the days on screen, then reports on the days chosen', async () => {
    await open('/seller/sales?period=last-month');
    await pick('Custom');
    expect(url()).toBe('/seller/sales?period=custom&from=2026-02-01&to=2026-02-28');
    http.expectNone((request) => request.url === '/api/seller/sales');
    expect([field('from').value, field('to').value]).toEqual(['2026-02-01', '2026-02-28']);

    await fill('from', '2025-12-20');
    await fill('to', '2026-01-05');
    button('Show')!.click();
    await render();
    expect(url()).toBe('/seller/sales?period=custom&from=2025-12-20&to=2026-01-05');
    const custom = reportRequest();
    expect(paramsOf(custom)).toEqual({ from: '2025-12-20', to: '2026-01-05', tz: 'Pacific/Auckland' });
    custom.flush(salesReport({ from: '2025-12-20', to: '2026-01-05', days: [salesDay('2025-12-31', 1, 1000)] }));
    await render();
    expect(text('.range')).toBe('20 Dec 2025 – 5 Jan 2026');
    expect(text('.by-day tbody th')).withContext('a period across New Year names the year').toBe('Wed 31 Dec 2025');
  });

  it('opens custom days from the address', async () => {
    const request = await open('/seller/sales?period=custom&from=2026-01-01&to=2026-01-31');
    expect(paramsOf(request)).toEqual({ from: '2026-01-01', to: '2026-01-31', tz: 'Pacific/Auckland' });
    expect(radio('Custom').checked).toBeTrue();
    expect([field('from').value, field('to').value]).toEqual(['2026-01-01', '2026-01-31']);
  });

  it('refuses custom days the report does not allow, and asks for none', async () => {
    await open('/seller/sales?period=custom&from=2026-01-01&to=2026-01-31');
    await fill('to', '2025-12-31');
    button('Show')!.click();
    await render();
    expect(text('#seller-sales-to-error')).toBe('Error: To must not be before From');
    expect(field('to').getAttribute('aria-invalid')).toBe('true');

    await fill('from', '2024-12-01');
    expect(text('#seller-sales-to-error')).toBe('Error: To must be within 366 days of From');
    expect(url()).toBe('/seller/sales?period=custom&from=2026-01-01&to=2026-01-31');
    http.expectNone((request) => request.url === '/api/seller/sales');
  });

  it('asks for the days when the address has custom without them', async () => {
    await harness.navigateByUrl('/seller/sales?period=custom&from=2026-01-31');
    await render();
    http.expectNone((request) => request.url === '/api/seller/sales');
    expect(text('.notice')).toBe('Choose the first and the last day of the period, then Show.');
    expect(button('Download CSV')?.disabled).toBeTrue();
  });

  it('shows a failure in words with a retry', async () => {
    const navigated = harness.navigateByUrl('/seller/sales');
    await render();
    expect(text('.notice[aria-busy="true"]')).toBe('Loading your sales…');
    reportRequest().flush(errorBody('forbidden', 'Your seller account is suspended'), { status: 403, statusText: 'Forbidden' });
    await navigated;
    await render();
    expect(text('shop-load-error p')).toContain("We couldn't load your sales. Your shop is suspended");

    button('Try again')!.click();
    await render();
    reportRequest().flush(salesReport());
    await render();
    expect(totals().length).toBe(5);
  });

  it('downloads the period\'s lines as CSV with the token, under the server\'s file name', async () => {
    const report = await open('/seller/sales?period=last-month');
    const createObjectURL = spyOn(URL, 'createObjectURL').and.returnValue('blob:sales');
    spyOn(URL, 'revokeObjectURL');
    const saved: string[] = [];
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });

    button('Download CSV')!.click();
    await render();
    const request = http.expectOne((candidate) => candidate.url === '/api/seller/sales/export.csv');
    expect(request.request.responseType).toBe('blob');
    expect(paramsOf(request)).toEqual(paramsOf(report));
    expect(paramsOf(request)).toEqual({ from: '2026-02-01', to: '2026-02-28', tz: 'Pacific/Auckland' });
    expect(button('Downloading…')?.disabled).toBeTrue();

    request.flush(new Blob(['order_number\r\n'], { type: 'text/csv' }), { headers: { 'Content-Disposition': 'attachment; filename="sales-2026-02-01-to-2026-02-28.csv"' } });
    await render();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(['sales-2026-02-01-to-2026-02-28.csv blob:sales']);
    expect(text('.form-success[role="status"]')).toBe('Your sales were saved as sales-2026-02-01-to-2026-02-28.csv.');
    expect(button('Download CSV')?.disabled).toBeFalse();
  });

  it('says why a download failed', async () => {
    await open();
    const clicks = spyOn(HTMLAnchorElement.prototype, 'click');
    button('Download CSV')!.click();
    await render();
    http
      .expectOne((candidate) => candidate.url === '/api/seller/sales/export.csv')
      .flush(new Blob([JSON.stringify(errorBody('rate_limited', 'Too many requests; try again in a minute'))], { type: 'application/json' }), { status: 429, statusText: 'Too Many Requests' });
    await render();
    expect(text('.form-error[role="alert"]')).toBe('Your sales were not downloaded. Too many requests; try again in a minute');
    expect(clicks).not.toHaveBeenCalled();
  });
});
