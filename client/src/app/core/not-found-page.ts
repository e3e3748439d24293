import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'shop-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>We couldn't find that page</h1>
      <p>The link may be old, or the page may have moved.</p>
      <a routerLink="/">Back to the shop</a>
    </section>
  `,
  styles: `.page { padding: 3rem clamp(1rem, 4vw, 2.5rem); }`,
})
export class NotFoundPage {}
