import { computed, inject, Injectable, linkedSignal, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import type { ProductList, ProductSort } from '@shared/catalog/product';
import { describeApiError } from '../../core/http/api-error';
import { refetchOnReconnect } from '../../core/realtime/shop-socket';
import { CatalogApi } from '../catalog-api';
import {
  type FilterChange,
  filterChangeParams,
  type FilterName,
  listingRequest,
  priceRangeLabel,
  productListPath,
  readListingFilters,
  sameFilters,
} from './listing-filters';

export type ListingFacets = ProductList['facets'];

/** A filter in force, as a chip that can remove it. */
export interface ActiveFilter {
  name: FilterName;
  label: string;
}

/**
 * The product listing's state. The URL is the only source of truth: the filters are read from the
 * query string, and every change is a navigation, so links can be shared and the back button
 * restores the previous view. Provided by the listing page.
 */
@Injectable()
export class ProductListStore {
  private readonly api = inject(CatalogApi);
  private readonly router = inject(Router);
  private readonly queryParams = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  /** Equal filters keep their identity, so a navigation that changes nothing loads nothing. */
  readonly filters = computed(() => readListingFilters(this.queryParams()), { equal: sameFilters });

  private readonly list = resource({
    params: () => listingRequest(this.filters()),
    loader: ({ params }) => this.api.listProducts(params),
  });

  constructor() {
    refetchOnReconnect(() => this.list.reload());
  }

  /** `undefined` while a page is loading. */
  readonly products = computed(() => (this.list.hasValue() ? this.list.value().items : undefined));
  readonly loadError = computed(() => (this.list.error() ? describeApiError(this.list.error()).message : null));

  private readonly loadedList = computed(() => (this.list.hasValue() ? this.list.value() : undefined));

  /**
   * The facets of the last answer. They stay while the next page loads, so the sidebar under the
   * shopper's pointer does not disappear on every choice.
   */
  readonly facets = linkedSignal<ProductList | undefined, ListingFacets | undefined>({
    source: this.loadedList,
    computation: (list, previous) => list?.facets ?? previous?.value,
  });

  /** `undefined` while loading. */
  readonly total = computed(() => this.loadedList()?.total);

  readonly pageCount = computed(() => {
    const list = this.loadedList();
    return list ? Math.max(1, Math.ceil(list.total / list.limit)) : 1;
  });

  readonly activeFilters = computed<ActiveFilter[]>(() => {
    const { q, category, seller, minPrice, maxPrice, inStock } = this.filters();
    const filters: ActiveFilter[] = [];
    if (q) filters.push({ name: 'q', label: `“${q}”` });
    if (category) filters.push({ name: 'category', label: this.categoryName(category) });
    if (seller) filters.push({ name: 'seller', label: this.facets()?.sellers.find((facet) => facet.id === seller)?.name ?? 'One seller' });
    if (minPrice !== undefined || maxPrice !== undefined) filters.push({ name: 'price', label: priceRangeLabel({ min: minPrice, max: maxPrice }) });
    if (inStock) filters.push({ name: 'inStock', label: 'In stock only' });
    return filters;
  });

  readonly heading = computed(() => {
    const { q, category } = this.filters();
    // Until the first answer names the category, a neutral heading rather than its slug.
    const categoryName = category && this.facets() ? this.categoryName(category) : undefined;
    if (q) return categoryName ? `Results for “${q}” in ${categoryName}` : `Results for “${q}”`;
    return categoryName ?? (category ? 'Products' : 'All products');
  });

  /** A new search keeps the other filters: it searches within them. */
  search(words: string): Promise<boolean> {
    return this.applyFilters({ q: words || null });
  }

  setInStock(inStock: boolean): Promise<boolean> {
    return this.applyFilters({ inStock });
  }

  sortBy(sort: ProductSort): Promise<boolean> {
    return this.navigate({ sort: sort === 'relevance' ? null : sort, page: null });
  }

  removeFilter(name: FilterName): Promise<boolean> {
    return this.applyFilters({ [name]: null });
  }

  /** Removes the search and every filter; the sort stays, since it is how the shopper likes to browse. */
  clearFilters(): Promise<boolean> {
    return this.applyFilters({ q: null, category: null, seller: null, price: null, inStock: false });
  }

  applyFilters(change: FilterChange): Promise<boolean> {
    return this.navigate(filterChangeParams(change));
  }

  reload(): void {
    this.list.reload();
  }

  private navigate(queryParams: Params): Promise<boolean> {
    return this.router.navigate([productListPath], { queryParams, queryParamsHandling: 'merge' });
  }

  /** The facet knows the name; a category without matches is not in it, so its slug stands in. */
  private categoryName(slug: string): string {
    return this.facets()?.categories.find((facet) => facet.slug === slug)?.name ?? slug;
  }
}
