import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { FilterName } from '../listing-filters';
import type { ActiveFilter } from '../product-list.store';

/** The filters in force as chips: each removes its own filter, "Clear all" removes them all. */
@Component({
  selector: 'shop-active-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (filters().length > 0) {
      <div class="chips" role="group" aria-label="Filters in use">
        @for (filter of filters(); track filter.name) {
          <button type="button" class="chip" (click)="removed.emit(filter.name)">
            <span class="visually-hidden">Remove filter: </span>{{ filter.label }}<span class="cross" aria-hidden="true">×</span>
          </button>
        }
        <button type="button" class="clear" (click)="cleared.emit()">Clear all</button>
      </div>
    }
  `,
  styles: `
    .chips { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    .chip {
      display: inline-flex; align-items: center; gap: 0.4rem; max-width: 100%; padding: 0.35rem 0.75rem; font-size: 0.9rem; font-weight: 600;
      background: #e3e9f0; color: var(--shop-ink); overflow-wrap: anywhere; text-align: left;
    }
    .chip:hover { background: #d3dce6; }
    .cross { font-size: 1.1rem; line-height: 1; }
    .clear { background: none; color: var(--shop-ink); text-decoration: underline; padding: 0.35rem 0.5rem; font-weight: 600; font-size: 0.9rem; }
  `,
})
export class ActiveFilters {
  readonly filters = input.required<readonly ActiveFilter[]>();
  readonly removed = output<FilterName>();
  readonly cleared = output();
}
