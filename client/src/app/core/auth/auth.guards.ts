import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';

/** Signed-out visitors go to sign in first, and come back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthStore).isSignedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnTo: state.url } });
};

export const adminGuard: CanActivateFn = (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  if (!store.isSignedIn()) return router.createUrlTree(['/sign-in'], { queryParams: { returnTo: state.url } });
  return store.isAdmin() || router.createUrlTree(['/not-allowed']);
};

/** The seller area: signed-out visitors sign in first; shoppers and admins are told it is not for them. */
export const sellerGuard: CanActivateFn = (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  if (!store.isSignedIn()) return router.createUrlTree(['/sign-in'], { queryParams: { returnTo: state.url } });
  return store.isSeller() || router.createUrlTree(['/not-allowed']);
};
