import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '../auth/auth-store';

@Component({
  selector: 'shop-site-header',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <a class="brand" routerLink="/" aria-label="MEAN Shop home">
        <img src="favicon.svg" alt="" width="32" height="32" />
        <span>MEAN Shop</span>
      </a>
      <nav aria-label="Main">
        <a routerLink="/" fragment="catalogue">Shop all</a>
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
      display: flex; align-items: center; justify-content: space-between; gap: 0.5rem 1rem;
      padding: 0.75rem clamp(1rem, 4vw, 2.5rem); background: var(--shop-ink); color: #fff;
      position: sticky; top: 0; z-index: 10;
    }
    .brand { display: flex; align-items: center; gap: 0.6rem; color: inherit; text-decoration: none; font-weight: 700; font-size: 1.2rem; flex-shrink: 0; }
    nav { display: flex; align-items: center; justify-content: flex-end; gap: 0.25rem 1rem; min-width: 0; flex-wrap: wrap; }
    nav a { color: #fff; text-decoration: none; font-weight: 500; padding: 0.5rem 0.25rem; }
    nav a:hover, nav a:focus-visible { text-decoration: underline; }
    .account { max-width: 12rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .sign-out { background: transparent; color: #fff; box-shadow: inset 0 0 0 1.5px rgb(255 255 255 / 70%); padding: 0.4rem 0.9rem; }
    .sign-out:hover, .sign-out:focus-visible { background: #fff; color: var(--shop-ink); }
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
