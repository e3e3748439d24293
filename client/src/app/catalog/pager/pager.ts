import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * Previous and next links that change only `?page=` of the current address, so the other query
 * parameters (filters, sort) stay and every page can be linked to. Page 1 has no parameter.
 */
@Component({
  selector: 'shop-pager',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pageCount() > 1) {
      <nav class="pager" aria-label="Pages">
        @if (page() > 1) {
          <a [routerLink]="[]" [queryParams]="{ page: page() - 1 > 1 ? page() - 1 : null }" queryParamsHandling="merge" rel="prev">← Previous</a>
        }
        <span>Page {{ page() }} of {{ pageCount() }}</span>
        @if (page() < pageCount()) {
          <a [routerLink]="[]" [queryParams]="{ page: page() + 1 }" queryParamsHandling="merge" rel="next">Next →</a>
        }
      </nav>
    }
  `,
  styles: `
    .pager { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: 0.75rem 1.25rem; margin-top: 1.75rem; }
    a { font-weight: 600; color: var(--shop-ink); padding: 0.5rem 0.9rem; border-radius: 999px; background: #fff; text-decoration: none; box-shadow: 0 1px 2px rgb(0 0 0 / 8%); }
    a:hover, a:focus-visible { background: var(--shop-ink); color: #fff; }
  `,
})
export class Pager {
  readonly page = input.required<number>();
  readonly pageCount = input.required<number>();
}
