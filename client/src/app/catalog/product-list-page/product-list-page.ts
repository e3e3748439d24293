import { Dialog, type DialogRef } from '@angular/cdk/dialog';
import { BreakpointObserver } from '@angular/cdk/layout';
import { createGlobalPositionStrategy } from '@angular/cdk/overlay';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  Injector,
  type TemplateRef,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { LoadError } from '../../core/load-error';
import { Pager } from '../pager/pager';
import { ProductGrid } from '../product-grid/product-grid';
import { SearchBox } from '../search-box/search-box';
import { ActiveFilters } from './active-filters/active-filters';
import { FacetSidebar } from './facet-sidebar/facet-sidebar';
import { type FilterName, isProductSort, listingPageSize, sortOptions } from './listing-filters';
import { ProductListStore } from './product-list.store';

/** Below this width the facets leave the page for a drawer. */
const phoneQuery = '(max-width: 767.98px)';

function productCount(total: number): string {
  return total === 1 ? '1 product' : `${total.toLocaleString('en-IE')} products`;
}

@Component({
  selector: 'shop-product-list-page',
  imports: [NgTemplateOutlet, RouterLink, SearchBox, FacetSidebar, ActiveFilters, ProductGrid, Pager, LoadError],
  providers: [ProductListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-list-page.html',
  styleUrl: './product-list-page.scss',
})
export class ProductListPage {
  protected readonly store = inject(ProductListStore);
  private readonly dialog = inject(Dialog);
  private readonly injector = inject(Injector);
  private readonly title = inject(Title);

  private readonly filtersDrawer = viewChild.required<TemplateRef<unknown>>('filtersDrawer');
  private readonly resultCount = viewChild.required<ElementRef<HTMLElement>>('resultCount');
  private drawer: DialogRef | null = null;

  protected readonly isPhone = toSignal(inject(BreakpointObserver).observe(phoneQuery).pipe(map((state) => state.matches)), { requireSync: true });
  protected readonly sortOptions = sortOptions;
  /** A full page of skeletons, so the page is as tall as it will be and "back" can restore the scroll position. */
  protected readonly skeletonCount = listingPageSize;

  protected readonly resultSummary = computed(() => {
    const total = this.store.total();
    if (total === undefined) return 'Loading products…';
    const pages = this.store.pageCount();
    return pages > 1 ? `${productCount(total)} · page ${this.store.filters().page} of ${pages}` : productCount(total);
  });

  /** The drawer's button says what closing it shows. */
  protected readonly showResultsLabel = computed(() => {
    const total = this.store.total();
    return total === undefined ? 'Show products' : `Show ${productCount(total)}`;
  });

  /** The search has its own box; the Filters button counts the rest. */
  protected readonly filterCount = computed(() => this.store.activeFilters().filter((filter) => filter.name !== 'q').length);

  constructor() {
    // No route title for this page: the router would put it back on every filter change.
    effect(() => this.title.setTitle(`${this.store.heading()} · MEAN Shop`));
    // The drawer is for phones: once the screen is wide enough the sidebar is back on the page.
    effect(() => {
      if (!this.isPhone()) this.closeFilters();
    });
    // The drawer lives in an overlay outside this page; it must not outlive it.
    inject(DestroyRef).onDestroy(() => this.closeFilters());
  }

  protected openFilters(): void {
    if (this.drawer) return;
    this.drawer = this.dialog.open(this.filtersDrawer(), {
      ariaLabelledBy: 'filters-drawer-heading',
      autoFocus: 'first-heading',
      positionStrategy: createGlobalPositionStrategy(this.injector).left('0').top('0'),
      width: 'min(22rem, 88vw)',
      height: '100%',
    });
    this.drawer.closed.subscribe(() => (this.drawer = null));
  }

  protected closeFilters(): void {
    this.drawer?.close();
  }

  protected sortBy(value: string): void {
    if (isProductSort(value)) void this.store.sortBy(value);
  }

  /** The chip that had focus is gone; the result count that changed is the place to continue from. */
  protected async removeFilter(name: FilterName): Promise<void> {
    await this.store.removeFilter(name);
    this.resultCount().nativeElement.focus();
  }

  protected async clearFilters(): Promise<void> {
    await this.store.clearFilters();
    this.resultCount().nativeElement.focus();
  }
}
