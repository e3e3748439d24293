import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '../core/auth/auth-store';
import { sellerGuard } from '../core/auth/auth.guards';
import { provideFakeShopSocket } from '../core/testing/fake-shop-socket';
import { admin, authResponse, seller, settle, shopper } from '../core/testing/http-testing';
import { sellerAreaRoutes } from './seller-area.routes';
import { sellerProductList } from './testing/seller-fixtures';

@Component({ selector: 'shop-stub-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class StubPage {}

describe('sellerAreaRoutes', () => {
  let harness: RouterTestingHarness;
  let router: Router;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeShopSocket(),
        provideRouter([...sellerAreaRoutes, { path: 'sign-in', component: StubPage }, { path: 'not-allowed', component: StubPage }], withComponentInputBinding()),
      ],
    });
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpTestingController);
  });

  it('keeps every seller page under the seller shell and its guard', () => {
    const [shell] = sellerAreaRoutes;
    expect(sellerAreaRoutes.length).toBe(1);
    expect(shell!.path).toBe('seller');
    expect(shell!.canActivate).toEqual([sellerGuard]);
    expect(shell!.canActivateChild).toEqual([sellerGuard]);
    expect(shell!.children?.map((child) => child.path)).toEqual(['', 'products', 'products/new', 'products/:id', 'orders', 'orders/:id', 'questions', 'sales', 'keys']);
  });

  it('sends signed-out visitors of /seller to sign in, and shoppers and admins to "not allowed"', async () => {
    await harness.navigateByUrl('/seller/keys');
    expect(router.url).toBe('/sign-in?returnTo=%2Fseller%2Fkeys');

    TestBed.inject(AuthStore).startSession(authResponse(shopper));
    await harness.navigateByUrl('/seller');
    expect(router.url).toBe('/not-allowed');

    TestBed.inject(AuthStore).startSession(authResponse(admin));
    await harness.navigateByUrl('/seller/products');
    expect(router.url).toBe('/not-allowed');
  });

  it('opens the seller\'s products at /seller, inside the shell', async () => {
    TestBed.inject(AuthStore).startSession(authResponse(seller));
    await harness.navigateByUrl('/seller');
    expect(router.url).toBe('/seller/products');
    await settle();
    http.expectOne('/api/seller-application').flush({ status: 'approved', shopName: 'Nordic Home', contactEmail: 'a@b.example', description: '', appliedAt: '2026-01-01T00:00:00.000Z' });
    http.expectOne((request) => request.url === '/api/seller/catalogue').flush(sellerProductList([]));
    await settle();
    harness.detectChanges();
    const element = harness.routeNativeElement!;
    expect(element.querySelector('shop-seller-shell shop-seller-products-page h1')?.textContent?.trim()).toBe('Your products');
    expect(element.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Products');
  });
});
