import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

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
      </nav>
    </header>
  `,
  styles: `
    .bar {
      display: flex; align-items: center; justify-content: space-between; gap: 1rem;
      padding: 0.75rem clamp(1rem, 4vw, 2.5rem); background: var(--shop-ink); color: #fff;
      position: sticky; top: 0; z-index: 10;
    }
    .brand { display: flex; align-items: center; gap: 0.6rem; color: inherit; text-decoration: none; font-weight: 700; font-size: 1.2rem; }
    nav a { color: #fff; text-decoration: none; font-weight: 500; padding: 0.5rem 0.25rem; }
    nav a:hover, nav a:focus-visible { text-decoration: underline; }
  `,
})
export class SiteHeader {}
