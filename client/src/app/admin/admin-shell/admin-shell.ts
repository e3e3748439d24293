import { ChangeDetectionStrategy, Component, effect, type ElementRef, inject, viewChild } from '@angular/core';
import { isActive, type IsActiveMatchOptions, Router, RouterLink, RouterOutlet } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { LiveOrderFeed } from '../overview/order-feed/live-order-feed';

interface AdminLink {
  path: string;
  label: string;
  /** An SVG path on a 24 × 24 grid. */
  icon: string;
  /** Also the current section on the pages under it (an order under Orders). */
  withSubpages: boolean;
}

/** Every page of the dashboard, in the order of the menu. */
export const adminLinks: readonly AdminLink[] = [
  { path: '/admin', label: 'Overview', icon: 'M4 13h6V4H4zm0 7h6v-5H4zm10 0h6v-9h-6zm0-16v5h6V4z', withSubpages: false },
  { path: '/admin/orders', label: 'Orders', icon: 'M6 3h12l1 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V7zm-1 4h14M9 11h6', withSubpages: true },
  { path: '/admin/products', label: 'Products', icon: 'M20 12l-8 8-9-9V3h8zM7.5 7.5h.01', withSubpages: true },
  { path: '/admin/categories', label: 'Categories', icon: 'M4 5h6v6H4zM14 5h6v6h-6zM4 15h6v6H4zM14 18h6', withSubpages: false },
  { path: '/admin/stock', label: 'Stock', icon: 'M3 7l9-4 9 4-9 4zm0 0v10l9 4 9-4V7M12 11v10', withSubpages: false },
  { path: '/admin/users', label: 'Users', icon: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-6 10v-1a6 6 0 0 1 12 0v1M16 3.5a4 4 0 0 1 0 7M21 21v-1a6 6 0 0 0-4-5.6', withSubpages: true },
  { path: '/admin/sellers', label: 'Sellers', icon: 'M4 10h16l-1.5-5h-13zM5 10v10h14V10M9 20v-5h6v5', withSubpages: false },
  { path: '/admin/questions', label: 'Questions', icon: 'M4 5h16v11H10l-5 4v-4H4zM8 9h8M8 12h5', withSubpages: false },
  { path: '/admin/audit', label: 'Audit log', icon: 'M9 4h6M9 4a2 2 0 0 0-2 2H5v15h14V6h-2a2 2 0 0 0-2-2M9 12h6M9 16h4', withSubpages: false },
  { path: '/admin/database', label: 'Database', icon: 'M12 3c4.4 0 8 1.3 8 3s-3.6 3-8 3-8-1.3-8-3 3.6-3 8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3', withSubpages: false },
];

const exactly: Partial<IsActiveMatchOptions> = { paths: 'exact', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
const orUnder: Partial<IsActiveMatchOptions> = { ...exactly, paths: 'subset' };

/**
 * The frame of every page under /admin: the admin menu beside the page (above it on phones). The
 * link of the page on screen has `aria-current="page"`; on a page under a section, such as an
 * order, the section's link has `aria-current="true"`.
 */
@Component({
  selector: 'shop-admin-shell',
  imports: [RouterLink, RouterOutlet],
  // The feed lives with the shell, so it keeps what arrived while the admin was on another admin page.
  providers: [LiveOrderFeed],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-shell.html',
  styleUrl: './admin-shell.scss',
})
export class AdminShell {
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');

  protected readonly links = adminLinks.map((link) => {
    const router = inject(Router);
    const page = isActive(link.path, router, exactly);
    const section = isActive(link.path, router, orUnder);
    return { ...link, current: () => (page() ? 'page' : link.withSubpages && section() ? 'true' : null) };
  });

  constructor() {
    // Listening from the first admin page on, not only once the overview opens.
    inject(LiveOrderFeed);
    // Demoted or signed out while a page is open: the dashboard closes at once, as the guard would have refused it.
    const store = inject(AuthStore);
    const router = inject(Router);
    effect(() => {
      if (store.isAdmin()) return;
      void router.navigateByUrl(store.isSignedIn() ? '/not-allowed' : '/sign-in');
    });
  }

  /** The skip link moves focus past the menu without changing the address. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.content().nativeElement.focus();
  }
}
