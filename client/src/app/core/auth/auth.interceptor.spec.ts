import { HttpClient, type HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { authResponse, errorBody, nextRequest, settle, shopper, unauthorized } from '../testing/http-testing';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth-store';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()] });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
  });

  afterEach(() => backend.verify());

  function signInAs(token: string): void {
    store.startSession(authResponse(shopper, token));
  }

  it('sends the access token with API calls, and only with API calls', async () => {
    signInAs('token-a');
    const profile = firstValueFrom(http.get('/api/account'));
    const request = backend.expectOne('/api/account');
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-a');
    request.flush({ id: shopper.id });
    await profile;

    void firstValueFrom(http.get('/assets/logo.svg'));
    void firstValueFrom(http.get('https://elsewhere.example/api/products'));
    expect(backend.expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBeFalse();
    expect(backend.expectOne('https://elsewhere.example/api/products').request.headers.has('Authorization')).toBeFalse();
  });

  it('sends no Authorization header while signed out', () => {
    void firstValueFrom(http.get('/api/products'));
    expect(backend.expectOne('/api/products').request.headers.has('Authorization')).toBeFalse();
  });

  it('refreshes once after a 401 and repeats the call with the new token', async () => {
    signInAs('expired');
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/account'));
    backend.expectOne('/api/account').flush(errorBody('unauthenticated', 'Token expired'), unauthorized);

    (await nextRequest(backend, '/api/auth/refresh')).flush(authResponse(shopper, 'fresh'));
    const retry = await nextRequest(backend, '/api/account', 'GET');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer fresh');
    retry.flush({ ok: true });

    expect(await result).toEqual({ ok: true });
    expect(store.accessToken()).toBe('fresh');
  });

  it('shares one refresh between calls that fail at the same time', async () => {
    signInAs('expired');
    const profile = firstValueFrom(http.get('/api/account'));
    const addresses = firstValueFrom(http.get('/api/account/addresses'));
    backend.expectOne('/api/account').flush(null, unauthorized);
    backend.expectOne('/api/account/addresses').flush(null, unauthorized);

    (await nextRequest(backend, '/api/auth/refresh')).flush(authResponse(shopper, 'fresh'));
    const retries = [await nextRequest(backend, '/api/account', 'GET'), await nextRequest(backend, '/api/account/addresses', 'GET')];
    for (const retry of retries) {
      expect(retry.request.headers.get('Authorization')).toBe('Bearer fresh');
      retry.flush({});
    }
    await Promise.all([profile, addresses]);
    await settle();
    expect(backend.match('/api/auth/refresh').length).toBe(0);
  });

  it('retries with the token another call already refreshed, without refreshing again', async () => {
    signInAs('old');
    const result = firstValueFrom(http.get('/api/account'));
    const request = backend.expectOne('/api/account');
    signInAs('already-new');
    request.flush(null, unauthorized);
    const retry = await nextRequest(backend, '/api/account', 'GET');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer already-new');
    retry.flush({});
    await result;
    expect(backend.match('/api/auth/refresh').length).toBe(0);
  });

  it('signs out and passes the 401 on when the refresh fails', async () => {
    signInAs('expired');
    const result = firstValueFrom(http.get('/api/account'));
    backend.expectOne('/api/account').flush(errorBody('unauthenticated', 'Token expired'), unauthorized);
    (await nextRequest(backend, '/api/auth/refresh')).flush(errorBody('unauthenticated', 'Your session has ended'), unauthorized);

    const error = await result.then(
      () => fail('expected the call to fail'),
      (failure: HttpErrorResponse) => failure,
    );
    expect(error?.status).toBe(401);
    expect(error?.url).toContain('/api/account');
    expect(store.isSignedIn()).toBeFalse();
    expect(store.accessToken()).toBeNull();
    await settle();
    expect(backend.match('/api/account').length).toBe(0);
  });

  it('does not refresh a second time when the repeated call is refused too', async () => {
    signInAs('expired');
    const result = firstValueFrom(http.get('/api/admin/users'));
    backend.expectOne('/api/admin/users').flush(null, unauthorized);
    (await nextRequest(backend, '/api/auth/refresh')).flush(authResponse(shopper, 'fresh'));
    (await nextRequest(backend, '/api/admin/users', 'GET')).flush(null, unauthorized);

    await expectAsync(result).toBeRejected();
    await settle();
    expect(backend.match('/api/auth/refresh').length).toBe(0);
  });

  it('never refreshes for a 401 from /api/auth/*', async () => {
    signInAs('token-a');
    const login = firstValueFrom(http.post('/api/auth/login', { email: 'a@b.c', password: 'wrong' }));
    backend.expectOne('/api/auth/login').flush(errorBody('unauthenticated', 'Wrong email or password'), unauthorized);
    await expectAsync(login).toBeRejected();

    const me = firstValueFrom(http.get('/api/auth/me'));
    backend.expectOne('/api/auth/me').flush(null, unauthorized);
    await expectAsync(me).toBeRejected();

    await settle();
    expect(backend.match('/api/auth/refresh').length).toBe(0);
    // A refused sign-in does not end the current session.
    expect(store.accessToken()).toBe('token-a');
  });

  it('passes other errors through untouched', async () => {
    signInAs('token-a');
    const result = firstValueFrom(http.get('/api/account'));
    backend.expectOne('/api/account').flush(null, { status: 403, statusText: 'Forbidden' });
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ status: 403 }));
    await settle();
    expect(backend.match('/api/auth/refresh').length).toBe(0);
  });
});
