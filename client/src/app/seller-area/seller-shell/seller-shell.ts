import { ChangeDetectionStrategy, Component, computed, effect, type ElementRef, inject, resource, viewChild } from '@angular/core';
import { isActive, type IsActiveMatchOptions, Router, RouterLink, RouterOutlet } from '@angular/router';
import type { SellerApplication } from '@shared/sellers/seller';
import { AuthStore } from '../../core/auth/auth-store';
import { SellerApplicationApi } from '../../sellers/seller-application/seller-application-api';
import { suspendedExplanation } from '../seller-standing';

interface SellerLink {
  path: string;
  label: string;
  /** An SVG path on a 24 × 24 grid. */
  icon: string;
  /** Also the current section on the pages under it (a product under Products). */
  withSubpages: boolean;
}

/**
 * Every page of the seller area, in the order of the menu. Orders, Questions and Sales come
 * between Products and API keys, each as one link here and one route in seller-area.routes.ts.
 */
export const sellerLinks: readonly SellerLink[] = [
  { path: '/seller/products', label: 'Products', icon: 'M20 12l-8 8-9-9V3h8zM7.5 7.5h.01', withSubpages: true },
  { path: '/seller/orders', label: 'Orders', icon: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10', withSubpages: true },
  { path: '/seller/questions', label: 'Questions', icon: 'M4 5h16v11H10l-5 4v-4H4zM8 9h8M8 12h5', withSubpages: false },
  { path: '/seller/sales', label: 'Sales', icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2', withSubpages: false },
  { path: '/seller/keys', label: 'API keys', icon: 'M14.5 9.5a4.5 4.5 0 1 0-4.2 4.5L12 15.7h2v2h2v2h4v-3.5l-5.6-5.6c.1-.3.1-.7.1-1.1zM8.5 8.5h.01', withSubpages: false },
];

const exactly: Partial<IsActiveMatchOptions> = { paths: 'exact', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
const orUnder: Partial<IsActiveMatchOptions> = { ...exactly, paths: 'subset' };

/** What the seller area says instead of its pages while the seller may not sell; null while they may (or it is not known yet). */
export function standingNotice(application: SellerApplication | null): { heading: string; message: string } | null {
  if (application?.status === 'approved') return null;
  if (application?.status === 'suspended') return { heading: 'Your shop is suspended', message: suspendedExplanation };
  return {
    heading: 'Your shop is not open yet',
    message: 'The shop has not approved your seller account yet, so the seller area is closed for now.',
  };
}

/**
 * The frame of every page under /seller, as the dashboard's: the seller menu beside the page
 * (above it on phones), `aria-current` on the link of the page on screen. A seller the shop has
 * suspended sees why instead of pages that would each be refused.
 */
@Component({
  selector: 'shop-seller-shell',
  imports: [RouterLink, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-shell.html',
  styleUrl: './seller-shell.scss',
})
export class SellerShell {
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');
  private readonly applications = inject(SellerApplicationApi);

  protected readonly links = sellerLinks.map((link) => {
    const router = inject(Router);
    const page = isActive(link.path, router, exactly);
    const section = isActive(link.path, router, orUnder);
    return { ...link, current: () => (page() ? 'page' : link.withSubpages && section() ? 'true' : null) };
  });

  /** The seller's standing with the shop. If it cannot be read the pages open anyway, and say what their own calls meet. */
  private readonly standing = resource({ loader: () => this.applications.mine() });
  protected readonly notice = computed(() => (this.standing.hasValue() ? standingNotice(this.standing.value() ?? null) : null));

  constructor() {
    // No longer a seller, or signed out, while a page is open: the area closes at once, as the guard would have refused it.
    const store = inject(AuthStore);
    const router = inject(Router);
    effect(() => {
      if (store.isSeller()) return;
      void router.navigateByUrl(store.isSignedIn() ? '/not-allowed' : '/sign-in');
    });
  }

  /** The skip link moves focus past the menu without changing the address. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.content().nativeElement.focus();
  }
}
