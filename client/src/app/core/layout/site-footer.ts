import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'shop-site-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer>
      <p>MEAN Shop — prices include VAT; stock levels update live.</p>
      <p><a href="/api/docs">API documentation</a></p>
    </footer>
  `,
  styles: `
    footer { padding: 2rem clamp(1rem, 4vw, 2.5rem); background: #f1f3f5; color: var(--shop-muted); font-size: 0.9rem;
      display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; }
    p { margin: 0; }
    a { color: var(--shop-ink); }
  `,
})
export class SiteFooter {}
