import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { convertToParamMap, provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ProductList } from '@shared/catalog/product';
import { listingFacets, listingTestRoutes } from '../../testing/catalog-fixtures';
import { readListingFilters } from '../listing-filters';
import { FacetSidebar } from './facet-sidebar';

describe('FacetSidebar', () => {
  let fixture: ComponentFixture<FacetSidebar>;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter(listingTestRoutes)] });
    router = TestBed.inject(Router);
  });

  /** The sidebar as the listing at `url` shows it. */
  async function render(url: string, facets: ProductList['facets'] = listingFacets): Promise<HTMLElement> {
    await RouterTestingHarness.create(url);
    fixture = TestBed.createComponent(FacetSidebar);
    fixture.componentRef.setInput('facets', facets);
    fixture.componentRef.setInput('filters', readListingFilters(convertToParamMap(router.parseUrl(url).queryParams)));
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function optionsIn(element: HTMLElement, heading: string): HTMLAnchorElement[] {
    const section = [...element.querySelectorAll('section')].find((candidate) => candidate.querySelector('h3')?.textContent?.trim() === heading)!;
    return [...section.querySelectorAll<HTMLAnchorElement>('a')];
  }

  function texts(links: HTMLElement[]): string[] {
    return links.map((link) => link.textContent!.replace(/\s+/g, ' ').trim());
  }

  function linkTo(element: HTMLElement, label: string): HTMLAnchorElement {
    const link = [...element.querySelectorAll<HTMLAnchorElement>('a')].find((candidate) => candidate.querySelector('.label')?.textContent?.trim() === label);
    if (!link) throw new Error(`no link "${label}"`);
    return link;
  }

  it('lists the top-level categories with their counts, and the sub-categories of the chosen one', async () => {
    const element = await render('/products?category=audio');
    expect(texts(optionsIn(element, 'Category'))).toEqual([
      'All categories',
      'Electronics (40 products)',
      'Audio (30 products)',
      'Computers (10 products)',
      'Home & Kitchen (25 products)',
      'Books (12 products)',
      'Fashion (9 products)',
    ]);
    const audio = linkTo(element, 'Audio');
    expect(audio.closest('ul')?.classList).toContain('children');
    expect(audio.getAttribute('aria-current')).toBe('true');
    expect(linkTo(element, 'Electronics').getAttribute('aria-current')).toBeNull();
  });

  it('opens every branch when a search leaves only a few top-level categories', async () => {
    const fewLeft = { ...listingFacets, categories: listingFacets.categories.filter((category) => ['electronics', 'audio', 'computers'].includes(category.slug)) };
    const element = await render('/products?q=headphones', fewLeft);
    expect(texts(optionsIn(element, 'Category'))).toEqual(['Electronics (40 products)', 'Audio (30 products)', 'Computers (10 products)']);
  });

  it('shows the count of every seller and of the products in stock', async () => {
    const element = await render('/products');
    expect(texts(optionsIn(element, 'Seller'))).toEqual(['MEAN Shop (60 products)', 'Nordic Home Co. (26 products)']);
    expect(element.querySelector('.toggle')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('In stock only (80 products)');
  });

  it('turns a price band into an inclusive minPrice and maxPrice, and starts again at page 1', async () => {
    const element = await render('/products?q=lamp&sort=price_asc&page=3');
    expect(texts(optionsIn(element, 'Price'))).toEqual(['€25.00 – €49.99 (31 products)', '€50.00 – €99.99 (40 products)', '€100.00 and over (15 products)']);

    const band = linkTo(element, '€25.00 – €49.99');
    expect(band.getAttribute('href')).toBe('/products?q=lamp&sort=price_asc&minPrice=2500&maxPrice=4999');
    band.click();
    await fixture.whenStable();
    expect(router.url).toBe('/products?q=lamp&sort=price_asc&minPrice=2500&maxPrice=4999');

    expect(linkTo(element, '€100.00 and over').getAttribute('href')).toBe('/products?q=lamp&sort=price_asc&minPrice=10000');
  });

  it('marks the chosen band, offers "Any price", and keeps a chosen band even when nothing is in it', async () => {
    const element = await render('/products?minPrice=0&maxPrice=2499');
    const chosen = linkTo(element, 'Up to €24.99');
    expect(chosen.getAttribute('aria-current')).toBe('true');
    expect(linkTo(element, 'Any price').getAttribute('href')).toBe('/products');
  });

  it('chooses a category by navigating, keeping the other filters', async () => {
    const element = await render('/products?inStock=true&page=2');
    linkTo(element, 'Books').click();
    await fixture.whenStable();
    expect(router.url).toBe('/products?inStock=true&category=books');
  });

  it('reports the in-stock toggle to the page', async () => {
    const element = await render('/products');
    const changes: boolean[] = [];
    fixture.componentInstance.inStockChange.subscribe((inStock) => changes.push(inStock));
    element.querySelector<HTMLInputElement>('.toggle input')!.click();
    expect(changes).toEqual([true]);
  });
});
