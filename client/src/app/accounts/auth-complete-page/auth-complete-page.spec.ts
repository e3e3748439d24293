import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { authResponse, nextRequest, settle, shopper, unauthorized } from '../../core/testing/http-testing';
import { AuthCompletePage } from './auth-complete-page';

describe('AuthCompletePage', () => {
  let fixture: ComponentFixture<AuthCompletePage>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    spyOn(router, 'navigateByUrl').and.resolveTo(true);
    fixture = TestBed.createComponent(AuthCompletePage);
  });

  afterEach(() => http.verify());

  it('refreshes the session the provider started and continues to the return path', async () => {
    fixture.componentRef.setInput('returnTo', '/account');
    fixture.detectChanges();
    (await nextRequest(http, '/api/auth/refresh')).flush(authResponse(shopper));
    await settle();
    expect(TestBed.inject(AuthStore).user()).toEqual(shopper);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/account', { replaceUrl: true });
  });

  it('continues at once, to the return path, when the start-up refresh already signed the shopper in', async () => {
    TestBed.inject(AuthStore).startSession(authResponse(shopper));
    fixture.componentRef.setInput('returnTo', '/account/addresses');
    fixture.detectChanges();
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/account/addresses', { replaceUrl: true });
  });

  it('goes home rather than to another site', async () => {
    TestBed.inject(AuthStore).startSession(authResponse(shopper));
    fixture.componentRef.setInput('returnTo', 'https://evil.example/');
    fixture.detectChanges();
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/', { replaceUrl: true });
  });

  it('explains when there is no session to pick up', async () => {
    fixture.detectChanges();
    (await nextRequest(http, '/api/auth/refresh')).flush(null, unauthorized);
    await settle();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain("didn't work");
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });
});
