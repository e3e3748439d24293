import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '../../core/auth/auth-store';
import { provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { admin, authResponse } from '../../core/testing/http-testing';
import { AdminShell } from './admin-shell';

@Component({ selector: 'shop-stub-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>A page</h1>' })
class StubPage {}

describe('AdminShell', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeShopSocket(),
        provideRouter([
          {
            path: 'admin',
            component: AdminShell,
            children: [
              { path: '', component: StubPage },
              { path: 'orders', component: StubPage },
              { path: 'orders/:id', component: StubPage },
              { path: 'users', component: StubPage },
            ],
          },
          { path: 'not-allowed', component: StubPage },
          { path: 'sign-in', component: StubPage },
        ]),
      ],
    });
    TestBed.inject(AuthStore).startSession(authResponse(admin));
    harness = await RouterTestingHarness.create();
  });

  function menuLinks(): HTMLAnchorElement[] {
    return [...harness.routeNativeElement!.querySelectorAll<HTMLAnchorElement>('nav a')];
  }

  /** Each link's name and its aria-current, or `-` without one. */
  function currents(): string[] {
    return menuLinks().map((link) => `${link.textContent?.trim()}: ${link.getAttribute('aria-current') ?? '-'}`);
  }

  it('links to every admin page that exists, in a labelled navigation landmark', async () => {
    await harness.navigateByUrl('/admin');
    const nav = harness.routeNativeElement!.querySelector('nav')!;
    expect(document.getElementById(nav.getAttribute('aria-labelledby')!)?.textContent?.trim()).toBe('Admin');
    expect(menuLinks().map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Overview', '/admin'],
      ['Orders', '/admin/orders'],
      ['Products', '/admin/products'],
      ['Categories', '/admin/categories'],
      ['Stock', '/admin/stock'],
      ['Users', '/admin/users'],
      ['Sellers', '/admin/sellers'],
      ['Questions', '/admin/questions'],
      ['Audit log', '/admin/audit'],
      ['Database', '/admin/database'],
    ]);
  });

  it('marks the page on screen with aria-current="page", and only that one', async () => {
    await harness.navigateByUrl('/admin');
    expect(currents()).toEqual(['Overview: page', 'Orders: -', 'Products: -', 'Categories: -', 'Stock: -', 'Users: -', 'Sellers: -', 'Questions: -', 'Audit log: -', 'Database: -']);
    expect(menuLinks()[0]!.classList).toContain('current');

    await harness.navigateByUrl('/admin/users?q=demo');
    expect(currents()).toEqual(['Overview: -', 'Orders: -', 'Products: -', 'Categories: -', 'Stock: -', 'Users: page', 'Sellers: -', 'Questions: -', 'Audit log: -', 'Database: -']);

    await harness.navigateByUrl('/admin/orders?status=paid');
    expect(currents()).toEqual(['Overview: -', 'Orders: page', 'Products: -', 'Categories: -', 'Stock: -', 'Users: -', 'Sellers: -', 'Questions: -', 'Audit log: -', 'Database: -']);
  });

  it('marks the section, not the page, on a page under it', async () => {
    await harness.navigateByUrl('/admin/orders/64c000000000000000000001');
    expect(currents()).toEqual(['Overview: -', 'Orders: true', 'Products: -', 'Categories: -', 'Stock: -', 'Users: -', 'Sellers: -', 'Questions: -', 'Audit log: -', 'Database: -']);
    expect(menuLinks()[1]!.classList).toContain('current');
  });

  it('shows the page inside it, after the menu, with a skip link first that moves focus to the page', async () => {
    await harness.navigateByUrl('/admin/users');
    const shell = harness.routeNativeElement!;
    const skip = shell.querySelector<HTMLAnchorElement>('a.skip-link')!;
    const content = shell.querySelector<HTMLElement>('#admin-content')!;
    expect(shell.querySelector('a')).toBe(skip);
    expect(content.querySelector('shop-stub-page h1')?.textContent).toBe('A page');
    expect(shell.querySelector('nav')!.compareDocumentPosition(content) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const followed = skip.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(followed).withContext('the browser does not follow the link').toBeFalse();
    expect(document.activeElement).toBe(content);
    expect(TestBed.inject(Router).url).toBe('/admin/users');
  });

  it('leaves the dashboard at once when the admin is demoted or signed out while a page is open', async () => {
    const store = TestBed.inject(AuthStore);
    await harness.navigateByUrl('/admin/orders');
    store.startSession(authResponse({ ...admin, role: 'customer' }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/not-allowed');

    store.startSession(authResponse(admin));
    await harness.navigateByUrl('/admin/users');
    store.clear();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
