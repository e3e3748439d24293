import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminSeller, AdminSellerList } from '@shared/sellers/seller';
import { errorBody, nextRequest, settle } from '../../../core/testing/http-testing';
import { AdminSellersPage, basisPointsOf, percentOf } from './admin-sellers-page';

const applicant: AdminSeller = {
  id: '64b000000000000000000020',
  shopName: 'Lantern Works',
  contactEmail: 'hello@lantern.test',
  description: '',
  status: 'pending',
  commissionBasisPoints: 1000,
  productCount: 0,
  user: { name: 'Lena Lantern', email: 'lena@lantern.test', disabled: false },
  appliedAt: '2026-12-01T10:00:00.000Z',
  decidedAt: null,
};
const trailhead: AdminSeller = { ...applicant, id: '64b000000000000000000021', shopName: 'Trailhead Outfitters', status: 'approved', productCount: 42, commissionBasisPoints: 1250 };

function listOf(items: AdminSeller[]): AdminSellerList {
  return { items, total: items.length, page: 1, limit: 25 };
}

describe('AdminSellersPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'admin/sellers', component: AdminSellersPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl('/admin/sellers');
    (await nextRequest(http, '/api/admin/sellers?page=1&limit=25', 'GET')).flush(listOf([applicant, trailhead]));
    await navigated;
    await settle();
    harness.detectChanges();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const row = (seller: AdminSeller) => page().querySelector(`tr[data-seller-id="${seller.id}"]`)!;
  const dialog = () => page().querySelector('dialog')!;
  const button = (within: Element, name: RegExp) => [...within.querySelectorAll('button')].find((candidate) => name.test(candidate.textContent?.trim() ?? ''))!;

  it('converts between percentages and basis points', () => {
    expect(percentOf(1250)).toBe('12.5');
    expect(basisPointsOf('12.5')).toBe(1250);
    expect(basisPointsOf('0')).toBe(0);
    expect(basisPointsOf('50')).toBe(5000);
    for (const bad of ['51', '-1', '12.345', 'ten', '', '1e2']) expect(basisPointsOf(bad)).withContext(bad).toBeUndefined();
  });

  it('approves an application only once confirmed, saying what it means', async () => {
    button(row(applicant), /^Approve/).click();
    harness.detectChanges();
    expect(dialog().open).toBeTrue();
    expect(dialog().textContent).toContain('Approve Lantern Works?');
    expect(dialog().textContent).toContain('commission of 10%');
    http.expectNone({ method: 'PATCH' });

    button(dialog(), /^Approve$/).click();
    const request = await nextRequest(http, `/api/admin/sellers/${applicant.id}`, 'PATCH');
    expect(request.request.body).toEqual({ status: 'approved' });
    request.flush({ ...applicant, status: 'approved' });
    await settle();
    harness.detectChanges();
    expect(dialog().open).toBeFalse();
    expect(row(applicant).textContent).toContain('Approved');
    expect(page().querySelector('[role="status"]')!.textContent).toContain('Lantern Works is approved.');
  });

  it('warns that a suspension takes the products off the storefront, and sends nothing when cancelled', async () => {
    button(row(trailhead), /^Suspend/).click();
    harness.detectChanges();
    expect(dialog().textContent).toContain('Their 42 products leave the storefront at once');
    expect(button(dialog(), /^Suspend$/).classList).toContain('danger');
    button(dialog(), /^Not now$/).click();
    await settle();
    http.expectNone({ method: 'PATCH' });
  });

  it('saves a commission in percent as basis points, and refuses one out of range in words', async () => {
    const field = row(trailhead).querySelector<HTMLInputElement>('input')!;
    field.value = '60';
    button(row(trailhead), /^Save/).click();
    harness.detectChanges();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(row(trailhead).textContent).toContain('From 0 to 50%');
    http.expectNone({ method: 'PATCH' });

    field.value = '15';
    button(row(trailhead), /^Save/).click();
    const request = await nextRequest(http, `/api/admin/sellers/${trailhead.id}`, 'PATCH');
    expect(request.request.body).toEqual({ commissionBasisPoints: 1500 });
    request.flush(errorBody('conflict', 'Another admin changed this seller a moment ago; reload to see how it stands'), { status: 409, statusText: 'Conflict' });
    await settle();
    harness.detectChanges();
    expect(page().querySelector('[role="alert"]')!.textContent).toContain('Trailhead Outfitters was not changed: Another admin changed this seller');
  });
});
