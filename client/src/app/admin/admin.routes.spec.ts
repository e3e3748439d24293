import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '../core/auth/auth-store';
import { adminGuard } from '../core/auth/auth.guards';
import { admin, authResponse, shopper } from '../core/testing/http-testing';
import { provideFakeShopSocket } from '../core/testing/fake-shop-socket';
import { adminRoutes } from './admin.routes';

@Component({ selector: 'shop-stub-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class StubPage {}

describe('adminRoutes', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeShopSocket(),
        provideRouter([...adminRoutes, { path: 'sign-in', component: StubPage }, { path: 'not-allowed', component: StubPage }], withComponentInputBinding()),
      ],
    });
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
  });

  it('keeps every admin page under the admin shell and its guard, at the same addresses', () => {
    const [shell] = adminRoutes;
    expect(adminRoutes.length).toBe(1);
    expect(shell!.path).toBe('admin');
    expect(shell!.canActivate).toEqual([adminGuard]);
    expect(shell!.canActivateChild).toEqual([adminGuard]);
    expect(shell!.children?.map((child) => child.path)).toEqual(['', 'users', 'products', 'products/new', 'products/:id', 'categories', 'stock', 'orders', 'orders/:id', 'sellers', 'questions', 'audit', 'database']);
  });

  it('sends signed-out visitors of /admin to sign in, and shoppers to "not allowed"', async () => {
    await harness.navigateByUrl('/admin');
    expect(router.url).toBe('/sign-in?returnTo=%2Fadmin');

    TestBed.inject(AuthStore).startSession(authResponse(shopper));
    await harness.navigateByUrl('/admin/orders');
    expect(router.url).toBe('/not-allowed');
  });

  it('opens the overview at /admin for admins, inside the shell', async () => {
    TestBed.inject(AuthStore).startSession(authResponse(admin));
    await harness.navigateByUrl('/admin');
    expect(router.url).toBe('/admin');
    const element = harness.routeNativeElement!;
    expect(element.querySelector('shop-admin-shell shop-overview-page h1')?.textContent?.trim()).toBe('Overview');
    expect(element.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Overview');
  });
});
