import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type FilterChange, filterChangeParams, productListPath } from '../listing-filters';

/**
 * One choice of a facet. A link, not a button: it leads to the filtered listing, which can be
 * opened in a new tab or shared like any other address.
 */
@Component({
  selector: 'shop-facet-link',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      class="option"
      [routerLink]="listPath"
      [queryParams]="queryParams()"
      queryParamsHandling="merge"
      [class.chosen]="chosen()"
      [attr.aria-current]="chosen() ? 'true' : null"
    >
      <span class="label">{{ label() }}</span>
      @if (count() !== undefined) {
        <span class="count"><span class="visually-hidden"> (</span>{{ count() }}<span class="visually-hidden"> {{ count() === 1 ? 'product' : 'products' }})</span></span>
      }
    </a>
  `,
  styles: `
    :host { display: block; }
    .option {
      display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; min-height: 2.25rem;
      padding: 0.35rem 0.6rem; border-radius: 8px; color: inherit; text-decoration: none; line-height: 1.25;
    }
    /* Only for real pointers: on touch screens a tapped option would keep looking hovered. */
    @media (hover: hover) {
      .option:hover { background: #eef1f4; }
      .option:hover .label { text-decoration: underline; }
    }
    .chosen { background: #e3e9f0; font-weight: 700; color: var(--shop-ink); box-shadow: inset 3px 0 0 var(--shop-ink); }
    .count { flex-shrink: 0; font-size: 0.8rem; font-weight: 600; color: var(--shop-muted); background: #eef1f4; border-radius: 999px; padding: 0.05rem 0.5rem; }
    .chosen .count { background: #fff; }
  `,
})
export class FacetLink {
  readonly label = input.required<string>();
  /** What choosing this option changes; the page starts again at 1. */
  readonly change = input.required<FilterChange>();
  readonly count = input<number>();
  readonly chosen = input(false);

  protected readonly listPath = productListPath;
  protected readonly queryParams = computed(() => filterChangeParams(this.change()));
}
