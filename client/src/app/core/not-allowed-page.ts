import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'shop-not-allowed-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>This page isn't available to your account</h1>
      <p>It is meant for the shop's staff. If you think you should have access, please ask an administrator.</p>
      <a routerLink="/">Back to the shop</a>
    </section>
  `,
  styles: `.page { padding: 3rem clamp(1rem, 4vw, 2.5rem); }`,
})
export class NotAllowedPage {}
