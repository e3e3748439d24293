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
