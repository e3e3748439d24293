import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { SearchBox } from '../../catalog/search-box/search-box';
import { AuthStore } from '../auth/auth-store';

/** The listing has a search box of its own, for searching within its filters. */
function isProductListing(url: string): boolean {
  return /^\/products\/?(\?|#|$)/.test(url);
}

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
            <a routerLink="/admin/users">Admin</a>
          }
          <a class="account" routerLink="/account" [title]="'Your account: ' + user.name">{{ user.name }}</a>
          <button type="button" class="sign-out" [disabled]="signingOut()" (click)="signOut()">Sign out</button>
        } @else {
          <a routerLink="/sign-in">Sign in</a>
        }
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
    }
  `,
})
export class SiteHeader {
  protected readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly signingOut = signal(false);
  protected readonly onProductListing = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => isProductListing(event.urlAfterRedirects)),
    ),
    // Before the first navigation ends the router has no URL yet; the browser's address is the one it will take.
    { initialValue: isProductListing(inject(Location).path()) },
  );

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
