import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

@Component({
  selector: 'shop-account-nav',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="Your account">
      <a routerLink="/account" routerLinkActive="active" ariaCurrentWhenActive="page" [routerLinkActiveOptions]="{ exact: true }">Profile</a>
      <a routerLink="/account/addresses" routerLinkActive="active" ariaCurrentWhenActive="page">Addresses</a>
      <a routerLink="/account/orders" routerLinkActive="active" ariaCurrentWhenActive="page">Orders</a>
    </nav>
  `,
  styles: `
    nav { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    a { padding: 0.45rem 1rem; border-radius: 999px; color: var(--shop-ink); text-decoration: none; font-weight: 600; background: #fff;
      box-shadow: inset 0 0 0 1.5px #d0d5db; }
    a:hover { box-shadow: inset 0 0 0 1.5px var(--shop-ink); }
    a.active { background: var(--shop-ink); color: #fff; box-shadow: none; }
  `,
})
export class AccountNav {}
