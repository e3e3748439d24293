import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, type CanActivateFn, provideRouter, Router, type RouterStateSnapshot, UrlTree } from '@angular/router';
import { admin, authResponse, shopper } from '../testing/http-testing';
import { adminGuard, sellerGuard, signedInGuard } from './auth.guards';
import { AuthStore } from './auth-store';

describe('route guards', () => {
  let store: AuthStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(AuthStore);
  });

  /** Runs a guard for a visit to `url`; answers `true` or where it redirects to. */
  function visit(guard: CanActivateFn, url: string): true | string {
    const result = TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));
    if (result === true) return true;
    if (result instanceof UrlTree) return TestBed.inject(Router).serializeUrl(result);
    throw new Error(`unexpected guard result ${String(result)}`);
  }

  describe('signedInGuard', () => {
    it('sends signed-out visitors to sign in, remembering where they were going', () => {
      expect(visit(signedInGuard, '/account/addresses?tab=2')).toBe('/sign-in?returnTo=%2Faccount%2Faddresses%3Ftab%3D2');
    });

    it('lets signed-in shoppers through', () => {
      store.startSession(authResponse(shopper));
      expect(visit(signedInGuard, '/account')).toBeTrue();
    });
  });

  describe('adminGuard', () => {
    it('sends signed-out visitors to sign in first', () => {
      expect(visit(adminGuard, '/admin/users')).toBe('/sign-in?returnTo=%2Fadmin%2Fusers');
    });

    it('shows shoppers that the page is not for them', () => {
      store.startSession(authResponse(shopper));
      expect(visit(adminGuard, '/admin/users')).toBe('/not-allowed');
    });

    it('does not let sellers in either', () => {
      store.startSession(authResponse({ ...shopper, role: 'seller' }));
      expect(visit(adminGuard, '/admin/users')).toBe('/not-allowed');
    });

    it('lets admins through', () => {
      store.startSession(authResponse(admin));
      expect(visit(adminGuard, '/admin/users')).toBeTrue();
    });
  });

  describe('sellerGuard', () => {
    it('sends signed-out visitors to sign in first', () => {
      expect(visit(sellerGuard, '/seller/keys')).toBe('/sign-in?returnTo=%2Fseller%2Fkeys');
    });

    it('shows shoppers and admins that the seller area is not for them', () => {
      store.startSession(authResponse(shopper));
      expect(visit(sellerGuard, '/seller')).toBe('/not-allowed');
      store.startSession(authResponse(admin));
      expect(visit(sellerGuard, '/seller')).toBe('/not-allowed');
    });

    it('lets sellers through', () => {
      store.startSession(authResponse({ ...shopper, role: 'seller' }));
      expect(visit(sellerGuard, '/seller/products')).toBeTrue();
    });
  });
});
