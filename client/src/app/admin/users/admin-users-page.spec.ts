import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminUser, AdminUserList } from '@shared/accounts/accounts';
import { AuthStore } from '../../core/auth/auth-store';
import { admin, authResponse, errorBody, nextRequest, settle } from '../../core/testing/http-testing';
import { AdminUsersPage } from './admin-users-page';

const grace: AdminUser = { id: '64b000000000000000000010', email: 'grace@example.test', name: 'Grace Hopper', role: 'customer', disabled: false, createdAt: '2026-11-01T10:00:00.000Z' };
const me: AdminUser = { id: admin.id, email: admin.email, name: admin.name, role: 'admin', disabled: false, createdAt: '2026-10-01T10:00:00.000Z' };

function listOf(items: AdminUser[]): AdminUserList {
  return { items, total: items.length, page: 1, limit: 25 };
}

describe('AdminUsersPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'admin/users', component: AdminUsersPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).startSession(authResponse(admin));
    harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl('/admin/users');
    (await nextRequest(http, '/api/admin/users?page=1&limit=25', 'GET')).flush(listOf([grace, me]));
    await navigated;
    await settle();
    harness.detectChanges();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const dialog = () => page().querySelector<HTMLDialogElement>('dialog')!;
  const button = (name: string) => [...dialog().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name)!;

  function pick(select: HTMLSelectElement, value: string): void {
    select.value = value;
    select.dispatchEvent(new Event('change'));
    harness.detectChanges();
  }

  it('asks before changing a role, says what the role allows, and changes it only once confirmed', async () => {
    const role = page().querySelector<HTMLSelectElement>(`#role-${grace.id}`)!;
    pick(role, 'admin');
    expect(dialog().open).toBeTrue();
    expect(dialog().textContent).toContain('Make Grace Hopper an admin?');
    expect(dialog().textContent).toContain('run the whole shop');
    http.expectNone({ method: 'PATCH' });

    button('Make admin').click();
    const request = await nextRequest(http, `/api/admin/users/${grace.id}`, 'PATCH');
    expect(request.request.body).toEqual({ role: 'admin' });
    request.flush({ ...grace, role: 'admin' });
    await settle();
    harness.detectChanges();
    expect(dialog().open).toBeFalse();
    expect(page().querySelector('[role="status"]')!.textContent).toContain('Grace Hopper is now admin.');
    expect(role.value).toBe('admin');
  });

  it('puts the role back when the change is cancelled, and sends nothing', async () => {
    const role = page().querySelector<HTMLSelectElement>(`#role-${grace.id}`)!;
    pick(role, 'seller');
    expect(dialog().textContent).toContain('Make Grace Hopper a seller?');
    button('Keep as it is').click();
    harness.detectChanges();
    await settle();
    expect(dialog().open).toBeFalse();
    expect(role.value).toBe('customer');
    http.expectNone({ method: 'PATCH' });
  });

  it('asks before disabling an account, in the danger colour, and restores the switch when the server refuses', async () => {
    const active = page().querySelector<HTMLInputElement>(`tr:first-child input[role="switch"]`)!;
    active.click();
    harness.detectChanges();
    expect(dialog().textContent).toContain("Disable Grace Hopper's account?");
    expect(dialog().textContent).toContain('signed out everywhere at once');
    expect(button('Disable account').classList).toContain('danger');

    button('Disable account').click();
    const request = await nextRequest(http, `/api/admin/users/${grace.id}`, 'PATCH');
    expect(request.request.body).toEqual({ disabled: true });
    request.flush(errorBody('not_found', 'User not found'), { status: 404, statusText: 'Not Found' });
    await settle();
    harness.detectChanges();
    expect(active.checked).toBeTrue();
    expect(page().querySelector('[role="alert"]')!.textContent).toContain('Grace Hopper was not changed');
  });

  it('keeps the admin from demoting or disabling themselves', () => {
    expect(page().querySelector<HTMLSelectElement>(`#role-${me.id}`)!.disabled).toBeTrue();
    expect(page().querySelector<HTMLInputElement>(`tr:nth-child(2) input[role="switch"]`)!.disabled).toBeTrue();
  });
});
