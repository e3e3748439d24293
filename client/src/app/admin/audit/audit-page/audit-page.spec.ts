import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuditEntry, AuditList } from '@shared/admin/audit';
import { AuthStore } from '../../../core/auth/auth-store';
import { admin, authResponse, errorBody, settle } from '../../../core/testing/http-testing';
import { AuditPage } from './audit-page';

const roleChange: AuditEntry = {
  id: '65a000000000000000000001',
  at: '2026-12-03T10:15:00.000Z',
  actor: { id: admin.id, name: admin.name, email: admin.email },
  action: 'user.updated',
  target: { type: 'user', id: '64b000000000000000000010' },
  before: { id: '64b000000000000000000010', role: 'customer', disabled: false },
  after: { id: '64b000000000000000000010', role: 'seller', disabled: false },
};
const orderMove: AuditEntry = {
  ...roleChange,
  id: '65a000000000000000000002',
  action: 'order.status_changed',
  target: { type: 'order', id: '64c000000000000000000001' },
  before: { number: 'MS-7K3Q-9XWD', status: 'paid' },
  after: { number: 'MS-7K3Q-9XWD', status: 'fulfilling', note: 'Packing' },
};

function page(items: AuditEntry[], nextCursor: string | null = null): AuditList {
  return { items, nextCursor, actions: ['order.status_changed', 'user.updated'] };
}

describe('AuditPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'admin/audit', component: AuditPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).startSession(authResponse(admin));
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function open(url: string, answer: AuditList = page([roleChange, orderMove])): Promise<void> {
    await harness.navigateByUrl(url);
    await settle();
    http.expectOne((request) => request.url === '/api/admin/users').flush({ items: [{ ...admin, disabled: false, createdAt: roleChange.at }], total: 1, page: 1, limit: 100 });
    const [request] = http.match((candidate) => candidate.url === '/api/admin/audit');
    request!.flush(answer);
    await settle();
    harness.detectChanges();
  }

  const element = () => harness.routeNativeElement!;

  it('sends the filters of the address, with the browser\'s time zone, and only those set', async () => {
    await harness.navigateByUrl(`/admin/audit?action=user.updated&targetType=user&from=2026-12-01`);
    await settle();
    http.expectOne((request) => request.url === '/api/admin/users').flush({ items: [], total: 0, page: 1, limit: 100 });
    const request = http.expectOne((candidate) => candidate.url === '/api/admin/audit');
    expect(request.request.params.keys().sort()).toEqual(['action', 'from', 'targetType', 'tz']);
    expect(request.request.params.get('tz')).toBe(tz);
    expect(request.request.params.get('action')).toBe('user.updated');
    request.flush(page([]));
    await settle();
    harness.detectChanges();
    expect(element().textContent).toContain('Nothing matches these filters.');
  });

  it('shows who did what, when, with only the fields that changed, before and after', async () => {
    await open('/admin/audit');
    const entries = [...element().querySelectorAll('.entry')];
    expect(entries.length).toBe(2);
    expect(entries[0]!.textContent).toContain('User updated');
    expect(entries[0]!.textContent).toContain(`by ${admin.name}`);
    const rows = [...entries[0]!.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
    expect(rows).toEqual([['role', 'customer', 'seller']]);
    expect(entries[1]!.querySelector('a.target')!.getAttribute('href')).toBe('/admin/orders/64c000000000000000000001');
    expect([...element().querySelectorAll<HTMLOptionElement>('#audit-action option')].map((option) => option.textContent?.trim())).toEqual(['All actions', 'Order status changed', 'User updated']);
  });

  it('puts the form\'s filters in the address on search', async () => {
    await open('/admin/audit');
    const select = element().querySelector<HTMLSelectElement>('#audit-action')!;
    select.value = 'order.status_changed';
    select.dispatchEvent(new Event('change'));
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=order.status_changed');
    http.match((candidate) => candidate.url === '/api/admin/audit')[0]!.flush(page([orderMove]));
  });

  it('loads the next page after the last entry', async () => {
    await open('/admin/audit', page([roleChange], roleChange.id));
    [...element().querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Load more')!.click();
    const request = http.expectOne((candidate) => candidate.url === '/api/admin/audit');
    expect(request.request.params.get('cursor')).toBe(roleChange.id);
    request.flush(page([orderMove]));
    await settle();
    harness.detectChanges();
    expect(element().querySelectorAll('.entry').length).toBe(2);
    expect(element().textContent).not.toContain('Load more');
  });

  it('says why the log could not be read', async () => {
    await harness.navigateByUrl('/admin/audit?from=2026-12-05&to=2026-12-01');
    await settle();
    http.expectOne((request) => request.url === '/api/admin/users').flush({ items: [], total: 0, page: 1, limit: 100 });
    http.expectOne((candidate) => candidate.url === '/api/admin/audit').flush(errorBody('validation_failed', 'Invalid query'), { status: 400, statusText: 'Bad Request' });
    await settle();
    harness.detectChanges();
    expect(element().querySelector('[role="alert"]')!.textContent).toContain("We couldn't load the audit log.");
  });
});
