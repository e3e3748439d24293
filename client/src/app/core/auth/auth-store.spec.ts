import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { admin, authResponse, errorBody, nextRequest, settle, shopper, unauthorized } from '../testing/http-testing';
import { AuthStore } from './auth-store';

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts signed out', () => {
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(store.isSignedIn()).toBeFalse();
    expect(store.isAdmin()).toBeFalse();
    expect(store.isSeller()).toBeFalse();
  });

  it('signs in with email and password and keeps the token in memory only', async () => {
    const signIn = store.signIn({ email: 'shopper@demo.shop', password: 'demo-password' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'shopper@demo.shop', password: 'demo-password' });
    request.flush(authResponse(shopper, 'secret-token'));

    expect(await signIn).toEqual(shopper);
    expect(store.isSignedIn()).toBeTrue();
    expect(store.accessToken()).toBe('secret-token');
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret-token');
  });

  it('tells admins and sellers apart', () => {
    store.startSession(authResponse(admin));
    expect(store.isAdmin()).toBeTrue();
    expect(store.isSeller()).toBeFalse();
    store.startSession(authResponse({ ...shopper, role: 'seller' }));
    expect(store.isAdmin()).toBeFalse();
    expect(store.isSeller()).toBeTrue();
  });

  it('registers a new account and is signed in afterwards', async () => {
    const register = store.register({ email: 'new@example.com', password: 'long enough', name: 'New Person' });
    http.expectOne('/api/auth/register').flush(authResponse({ ...shopper, email: 'new@example.com', name: 'New Person' }), { status: 201, statusText: 'Created' });
    await register;
    expect(store.user()?.name).toBe('New Person');
  });

  it('restores an earlier session from the refresh cookie at start-up', async () => {
    const restore = store.restoreSession();
    (await nextRequest(http, '/api/auth/refresh')).flush(authResponse(shopper, 'restored'));
    await restore;
    expect(store.user()).toEqual(shopper);
    expect(store.accessToken()).toBe('restored');
  });

  it('starts signed out, without an error, when there is no session to restore', async () => {
    const restore = store.restoreSession();
    (await nextRequest(http, '/api/auth/refresh')).flush(errorBody('unauthenticated', 'Not signed in'), unauthorized);
    await expectAsync(restore).toBeResolved();
    expect(store.isSignedIn()).toBeFalse();
  });

  it('makes one refresh call for callers that ask at the same time', async () => {
    const first = store.refresh();
    const second = store.refresh();
    (await nextRequest(http, '/api/auth/refresh')).flush(authResponse(shopper, 'shared'));
    expect((await first).accessToken).toBe('shared');
    expect((await second).accessToken).toBe('shared');
    await settle();
    expect(http.match('/api/auth/refresh').length).toBe(0);
  });

  it('clears the session when a refresh fails, and lets the caller know', async () => {
    store.startSession(authResponse(shopper, 'old'));
    const refresh = store.refresh();
    (await nextRequest(http, '/api/auth/refresh')).flush(null, unauthorized);
    await expectAsync(refresh).toBeRejected();
    expect(store.isSignedIn()).toBeFalse();
  });

  it('signs out on the server and forgets the session, even if that call fails', async () => {
    store.startSession(authResponse(shopper));
    const signOut = store.signOut();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await signOut;
    expect(store.isSignedIn()).toBeFalse();

    store.startSession(authResponse(shopper));
    const failingSignOut = store.signOut();
    http.expectOne('/api/auth/logout').flush(null, { status: 503, statusText: 'Unavailable' });
    await expectAsync(failingSignOut).toBeResolved();
    expect(store.accessToken()).toBeNull();
  });

  it('updates the name shown after a profile change, and ignores it when signed out', () => {
    store.updateUser({ name: 'Nobody' });
    expect(store.user()).toBeNull();
    store.startSession(authResponse(shopper));
    store.updateUser({ name: 'Samantha Shopper' });
    expect(store.user()).toEqual({ ...shopper, name: 'Samantha Shopper' });
  });
});
