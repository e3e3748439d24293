import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

function isApiRequest(url: string): boolean {
  // Relative URLs only: a token must never travel to another origin.
  return url === '/api' || url.startsWith('/api/');
}

function isAuthRoute(url: string): boolean {
  return url.startsWith('/api/auth/');
}

function withToken<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Sends the access token with every API call. When a call comes back 401 the token has most likely
 * expired: the session is refreshed once (calls failing together share that refresh) and the call
 * is repeated with the new token. /api/auth/* answers are passed through untouched, since a 401
 * from sign-in or refresh is the answer itself.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) return next(request);
  const store = inject(AuthStore);
  const sentToken = store.accessToken();

  return next(withToken(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || isAuthRoute(request.url)) {
        return throwError(() => error);
      }
      // Another call may already have refreshed while this one was on its way.
      const currentToken = store.accessToken();
      const newToken =
        currentToken !== null && currentToken !== sentToken
          ? Promise.resolve(currentToken)
          : store.refresh().then((response) => response.accessToken);
      return from(newToken).pipe(
        // The refresh failed and the store is now signed out: the caller sees the original 401.
        catchError(() => throwError(() => error)),
        switchMap((token) => next(withToken(request, token))),
      );
    }),
  );
};
