import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { authResponse, errorBody, settle, shopper, unauthorized } from '../../core/testing/http-testing';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    spyOn(router, 'navigateByUrl').and.resolveTo(true);
    fixture = TestBed.createComponent(SignInPage);
  });

  afterEach(() => http.verify());

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function render(providers: Array<{ id: string; name: string }> = []): Promise<void> {
    fixture.detectChanges();
    http.expectOne('/api/auth/oidc/providers').flush(providers);
    await answered();
  }

  function type(selector: string, value: string): void {
    const input = element().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function submit(): Promise<void> {
    element().querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  /** Lets the page finish with the API's answer and render it. */
  async function answered(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    type('#sign-in-email', email);
    type('#sign-in-password', password);
    await submit();
  }

  it('signs in with the email and password given and returns to where the shopper was going', async () => {
    fixture.componentRef.setInput('returnTo', '/account/addresses');
    await render();
    await fillAndSubmit('shopper@demo.shop', 'demo-password');

    const button = element().querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).withContext('disabled while submitting').toBeTrue();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'shopper@demo.shop', password: 'demo-password' });
    request.flush(authResponse(shopper));
    await answered();

    expect(TestBed.inject(AuthStore).user()).toEqual(shopper);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/account/addresses');
    expect(button.disabled).toBeFalse();
  });

  it('never returns to another site after signing in', async () => {
    fixture.componentRef.setInput('returnTo', '//evil.example/phish');
    await render();
    await fillAndSubmit('shopper@demo.shop', 'demo-password');
    http.expectOne('/api/auth/login').flush(authResponse(shopper));
    await answered();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('asks for the missing fields instead of calling the API', async () => {
    await render();
    await submit();
    expect(element().querySelector('#sign-in-email-error')?.textContent).toContain('Email is required');
    expect(element().querySelector('#sign-in-password-error')?.textContent).toContain('Password is required');
    expect(document.activeElement).toBe(element().querySelector('#sign-in-email'));
  });

  it("shows the API's field errors under the fields they are about", async () => {
    await render();
    await fillAndSubmit('shopper@demo.shop', 'demo-password');
    http
      .expectOne('/api/auth/login')
      .flush(errorBody('validation_failed', 'Invalid body', [{ path: 'body.email', message: 'must be a valid email address' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
    await answered();

    const email = element().querySelector('#sign-in-email')!;
    const emailError = element().querySelector('#sign-in-email-error')!;
    expect(emailError.textContent).toContain('Email must be a valid email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('sign-in-email-error');
    expect(element().querySelector('#sign-in-password-error')?.textContent?.trim()).toBe('');
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Please check the highlighted fields.');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('says so when the email or password is wrong', async () => {
    await render();
    await fillAndSubmit('shopper@demo.shop', 'not-my-password');
    http.expectOne('/api/auth/login').flush(errorBody('unauthenticated', 'Wrong email or password'), unauthorized);
    await answered();

    expect(element().querySelector('[role="alert"]')?.textContent?.trim()).toBe('Wrong email or password');
    expect(TestBed.inject(AuthStore).isSignedIn()).toBeFalse();
    expect(element().querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBeFalse();
  });

  it('offers one link per social login provider, keeping the return path', async () => {
    fixture.componentRef.setInput('returnTo', '/account');
    await render([
      { id: 'google', name: 'Google' },
      { id: 'github', name: 'GitHub' },
    ]);
    const links = [...element().querySelectorAll<HTMLAnchorElement>('shop-social-sign-in a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual(['Continue with Google', 'Continue with GitHub']);
    expect(links[0]!.getAttribute('href')).toBe('/api/auth/oidc/google?returnTo=%2Faccount');
  });

  it('offers no social login when the provider list cannot be loaded', async () => {
    fixture.detectChanges();
    http.expectOne('/api/auth/oidc/providers').flush(null, { status: 404, statusText: 'Not Found' });
    await answered();
    expect(element().querySelector('shop-social-sign-in a')).toBeNull();
    expect(element().querySelector('#sign-in-email')).not.toBeNull();
  });
});
