import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SellerApplication } from '@shared/sellers/seller';
import { AuthStore } from '../../core/auth/auth-store';
import { authResponse, errorBody, seller, settle } from '../../core/testing/http-testing';
import { SellerShell, standingNotice } from './seller-shell';

@Component({ selector: 'shop-stub-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>A page</h1>' })
class StubPage {}

function application(status: SellerApplication['status']): SellerApplication {
  return { status, shopName: 'Nordic Home', contactEmail: 'orders@nordic.example', description: 'Scandinavian homeware, made to last.', appliedAt: '2026-01-10T10:00:00.000Z' };
}

describe('SellerShell', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          {
            path: 'seller',
            component: SellerShell,
            children: [
              { path: 'products', component: StubPage },
              { path: 'products/:id', component: StubPage },
              { path: 'keys', component: StubPage },
            ],
          },
          { path: 'not-allowed', component: StubPage },
          { path: 'sign-in', component: StubPage },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).startSession(authResponse(seller));
    harness = await RouterTestingHarness.create();
  });

  const shell = () => harness.routeNativeElement!;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  /** Opens `url` and answers the shell's question about the seller's standing. */
  async function open(url: string, standing: SellerApplication['status'] = 'approved'): Promise<void> {
    await harness.navigateByUrl(url);
    http.expectOne('/api/seller-application').flush(application(standing));
    await settle();
    harness.detectChanges();
  }

  function menuLinks(): HTMLAnchorElement[] {
    return [...shell().querySelectorAll<HTMLAnchorElement>('nav a')];
  }

  /** Each link's name and its aria-current, or `-` without one. */
  function currents(): string[] {
    return menuLinks().map((link) => `${link.textContent?.trim()}: ${link.getAttribute('aria-current') ?? '-'}`);
  }

  it('links to every seller page that exists, in a labelled navigation landmark', async () => {
    await open('/seller/products');
    const nav = shell().querySelector('nav')!;
    expect(document.getElementById(nav.getAttribute('aria-labelledby')!)?.textContent?.trim()).toBe('Seller area');
    expect(menuLinks().map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Products', '/seller/products'],
      ['Orders', '/seller/orders'],
      ['Questions', '/seller/questions'],
      ['Sales', '/seller/sales'],
      ['API keys', '/seller/keys'],
    ]);
  });

  it('marks the page on screen, and the section on a page under it', async () => {
    await open('/seller/keys');
    expect(currents()).toEqual(['Products: -', 'Orders: -', 'Questions: -', 'Sales: -', 'API keys: page']);
    await harness.navigateByUrl('/seller/products?q=lamp');
    expect(currents()).toEqual(['Products: page', 'Orders: -', 'Questions: -', 'Sales: -', 'API keys: -']);
    await harness.navigateByUrl('/seller/products/a00000000000000000000001');
    expect(currents()).toEqual(['Products: true', 'Orders: -', 'Questions: -', 'Sales: -', 'API keys: -']);
    expect(menuLinks()[0]!.classList).toContain('current');
  });

  it('shows the page after the menu, with a skip link first that moves focus to the page', async () => {
    await open('/seller/keys');
    const skip = shell().querySelector<HTMLAnchorElement>('a.skip-link')!;
    const content = shell().querySelector<HTMLElement>('#seller-content')!;
    expect(shell().querySelector('a')).toBe(skip);
    expect(content.querySelector('shop-stub-page h1')?.textContent).toBe('A page');
    const followed = skip.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(followed).toBeFalse();
    expect(document.activeElement).toBe(content);
  });

  it('tells a suspended seller why the area is closed, instead of pages that would be refused', async () => {
    await open('/seller/products', 'suspended');
    const content = shell().querySelector<HTMLElement>('#seller-content')!;
    expect(text(content.querySelector('h1'))).toBe('Your shop is suspended');
    expect(text(content.querySelector('[role="alert"]'))).toContain('your products are not shown in the shop until the shop reinstates you');
    expect(content.querySelector('shop-stub-page')).toBeNull();
  });

  it('opens the pages when the standing cannot be read: they say what their own calls meet', async () => {
    await harness.navigateByUrl('/seller/products');
    http.expectOne('/api/seller-application').flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
    await settle();
    harness.detectChanges();
    expect(shell().querySelector('#seller-content shop-stub-page')).not.toBeNull();
  });

  it('leaves the area at once when the seller loses the role or signs out while a page is open', async () => {
    const store = TestBed.inject(AuthStore);
    await open('/seller/products');
    store.startSession(authResponse({ ...seller, role: 'customer' }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/not-allowed');

    store.startSession(authResponse(seller));
    await open('/seller/keys');
    store.clear();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });

  it('words the standing: nothing for an approved seller, the suspension, or an undecided account', () => {
    expect(standingNotice(application('approved'))).toBeNull();
    expect(standingNotice(application('suspended'))?.heading).toBe('Your shop is suspended');
    expect(standingNotice(application('pending'))?.heading).toBe('Your shop is not open yet');
    expect(standingNotice(null)?.heading).toBe('Your shop is not open yet');
  });
});
