import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { CartStore } from '../../cart/cart-store';
import { SearchBox } from '../../catalog/search-box/search-box';
import { AuthStore } from '../auth/auth-store';

/** The listing has a search box of its own, for searching within its filters. */
function isProductListing(url: string): boolean {
  return /^\/products\/?(\?|#|$)/.test(url);
}

/** The badge stays two digits wide; the link's name says the real number. */
const largestBadgeCount = 99;

@Component({
  selector: 'shop-site-header',
  imports: [RouterLink, SearchBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar" [class.with-search]="!onProductListing()">
      <a class="brand" routerLink="/" aria-label="MEAN Shop home">
        <img src="favicon.svg" alt="" width="32" height="32" />
        <span>MEAN Shop</span>
      </a>
      @if (!onProductListing()) {
        <shop-search-box class="search" label="Search the shop" placeholder="Search products" (searched)="search($event)" />
      }
      <nav aria-label="Main">
        <a routerLink="/products">Shop all</a>
        @if (store.user(); as user) {
          @if (store.isAdmin()) {
            <a routerLink="/admin">Admin</a>
          }
          @if (store.isSeller()) {
            <a routerLink="/seller">Seller area</a>
          }
          <a class="account" routerLink="/account" [title]="'Your account: ' + user.name">{{ user.name }}</a>
          <button type="button" class="sign-out" [disabled]="signingOut()" (click)="signOut()">Sign out</button>
        } @else {
          <a routerLink="/sign-in">Sign in</a>
        }
        <a class="cart" routerLink="/cart" [attr.aria-label]="cartLabel()">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24"><path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h8.4a1.5 1.5 0 0 0 1.5-1.1L20.5 8H6.3" /><circle cx="9.5" cy="19.5" r="1.3" /><circle cx="17" cy="19.5" r="1.3" /></svg>
          <span class="cart-word" aria-hidden="true">Cart</span>
          @if (cart.count() > 0) {
            <span class="badge" aria-hidden="true">{{ cartBadge() }}</span>
          }
        </a>
      </nav>
    </header>
  `,
  styles: `
    .bar {
      display: grid; grid-template-columns: auto minmax(0, 1fr) auto; grid-template-areas: 'brand search nav';
      align-items: center; gap: 0.6rem 1.5rem;
      padding: 0.75rem clamp(1rem, 4vw, 2.5rem); background: var(--shop-ink); color: #fff;
      position: sticky; top: 0; z-index: 10;
    }
    .brand { grid-area: brand; display: flex; align-items: center; gap: 0.6rem; color: inherit; text-decoration: none; font-weight: 700; font-size: 1.2rem; flex-shrink: 0; }
    .search { grid-area: search; width: 100%; max-width: 32rem; justify-self: center; }
    nav { grid-area: nav; display: flex; align-items: center; justify-content: flex-end; gap: 0.25rem 1rem; min-width: 0; flex-wrap: wrap; }
    nav a { color: #fff; text-decoration: none; font-weight: 500; padding: 0.5rem 0.25rem; }
    nav a:hover, nav a:focus-visible { text-decoration: underline; }
    .cart { display: inline-flex; align-items: center; gap: 0.35rem; position: relative; }
    .cart svg { fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
    .badge {
      min-width: 1.35rem; height: 1.35rem; padding: 0 0.35rem; border-radius: 999px; display: inline-grid; place-items: center;
      background: var(--shop-accent); color: var(--shop-ink); font-size: 0.75rem; font-weight: 700; line-height: 1;
    }
    .account { max-width: 12rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .sign-out { background: transparent; color: #fff; box-shadow: inset 0 0 0 1.5px rgb(255 255 255 / 70%); padding: 0.4rem 0.9rem; }
    .sign-out:hover, .sign-out:focus-visible { background: #fff; color: var(--shop-ink); }
    /* Narrow screens give the search a row of its own, under the brand and the links. */
    @media (max-width: 899.98px) {
      .bar.with-search { grid-template-columns: auto minmax(0, 1fr); grid-template-areas: 'brand nav' 'search search'; }
      .search { max-width: none; }
    }
    @media (max-width: 480px) {
      .brand span { display: none; }
      nav { gap: 0.25rem 0.6rem; }
      .account { max-width: 6.5rem; }
      .sign-out { padding: 0.35rem 0.7rem; }
      .cart-word { display: none; }
    }
  `,
})
export class SiteHeader {
  protected readonly store = inject(AuthStore);
  protected readonly cart = inject(CartStore);
  private readonly router = inject(Router);

  /** The link is the mini-cart: its name carries the count the badge shows. */
  protected readonly cartLabel = computed(() => {
    const count = this.cart.count();
    return count === 0 ? 'Cart, empty' : `Cart, ${count} ${count === 1 ? 'item' : 'items'}`;
  });
  protected readonly cartBadge = computed(() => (this.cart.count() > largestBadgeCount ? `${largestBadgeCount}+` : String(this.cart.count())));

  protected readonly signingOut = signal(false);
  protected readonly onProductListing = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => isProductListing(event.urlAfterRedirects)),
    ),
    // Before the first navigation ends the router has no URL yet; the browser's address is the one it will take.
    { initialValue: isProductListing(inject(Location).path()) },
  );

  constructor() {
    // The header is on every page and shows the count, so the cart is read once, when the shop opens.
    // Without it the badge stays hidden; the cart page reads the cart again anyway.
    this.cart.load().catch(() => undefined);
  }

  /** A search from the header starts afresh: no filters from an earlier visit to the listing. */
  protected async search(words: string): Promise<void> {
    await this.router.navigate(['/products'], { queryParams: { q: words || null } });
  }

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.store.signOut();
    } finally {
      this.signingOut.set(false);
    }
    await this.router.navigateByUrl('/');
  }
}
