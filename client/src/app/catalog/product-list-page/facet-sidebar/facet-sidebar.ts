import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { ProductList } from '@shared/catalog/product';
import { isPriceBandChosen, type ListingFilters, priceBandRange, priceRangeLabel } from '../listing-filters';
import { FacetLink } from './facet-link';

type CategoryFacet = ProductList['facets']['categories'][number];

interface CategoryBranch extends CategoryFacet {
  /** Shown only for an open branch, to keep a long tree short. */
  children: CategoryFacet[];
}

/** With this few top-level categories left (after a search, say), every branch opens. */
const openAllBranchesUpTo = 3;

let nextSidebarId = 0;

/**
 * The listing's facets: categories as a two-level tree, sellers, price bands and an in-stock toggle,
 * each with the number of matching products. Choices are links that change the URL; the in-stock
 * checkbox reports its change to the page.
 */
@Component({
  selector: 'shop-facet-sidebar',
  imports: [FacetLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './facet-sidebar.html',
  styleUrl: './facet-sidebar.scss',
})
export class FacetSidebar {
  readonly facets = input.required<ProductList['facets']>();
  readonly filters = input.required<ListingFilters>();
  readonly inStockChange = output<boolean>();

  /** The sidebar is rendered in the page or in the phone drawer; ids must not clash. */
  protected readonly id = `facets-${nextSidebarId++}`;

  protected readonly categoryTree = computed<CategoryBranch[]>(() => {
    const categories = this.facets().categories;
    const chosen = categories.find((category) => category.slug === this.filters().category);
    const openBranch = chosen ? (chosen.parentSlug ?? chosen.slug) : undefined;
    const topLevel = categories.filter((category) => category.parentSlug === null);
    const openAll = topLevel.length <= openAllBranchesUpTo;
    return topLevel.map((top) => ({
      ...top,
      children: openAll || top.slug === openBranch ? categories.filter((category) => category.parentSlug === top.slug) : [],
    }));
  });

  /** Bands without products are left out, unless chosen: the shopper must be able to see what is in force. */
  protected readonly priceBands = computed(() =>
    this.facets()
      .priceBands.filter((band) => band.count > 0 || isPriceBandChosen(band, this.filters()))
      .map((band) => {
        const range = priceBandRange(band);
        return { ...band, range, label: priceRangeLabel(range), chosen: isPriceBandChosen(band, this.filters()) };
      }),
  );

  protected readonly hasPriceFilter = computed(() => this.filters().minPrice !== undefined || this.filters().maxPrice !== undefined);

  protected toggleInStock(event: Event): void {
    this.inStockChange.emit((event.target as HTMLInputElement).checked);
  }
}
