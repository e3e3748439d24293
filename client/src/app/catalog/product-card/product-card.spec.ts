import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProductSummary } from '@shared/catalog/product';
import { productSummary } from '../testing/catalog-fixtures';
import { ProductCard } from './product-card';
import { provideFakeShopSocket } from '../../core/testing/fake-shop-socket';

function product(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return productSummary({
    slug: 'kestrel-headphones',
    title: 'Kestrel Headphones',
    price: { amount: 12_999, currency: 'EUR' },
    images: ['aaaaaaaaaaaaaaaaaaaaaaaa'],
    ...overrides,
  });
}

describe('ProductCard', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([]), provideFakeShopSocket()] }));

  function render(value: ProductSummary, imageSizes?: string): HTMLElement {
    const fixture = TestBed.createComponent(ProductCard);
    fixture.componentRef.setInput('product', value);
    if (imageSizes) fixture.componentRef.setInput('imageSizes', imageSizes);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the title, category and formatted price', () => {
    const element = render(product());
    expect(element.querySelector('h3')?.textContent).toContain('Kestrel Headphones');
    expect(element.querySelector('.category')?.textContent).toContain('Audio');
    expect(element.querySelector('.now')?.textContent).toContain('129.99');
  });

  it("links its title to the product's page by slug", () => {
    const link = render(product()).querySelector<HTMLAnchorElement>('h3 a')!;
    expect(link.getAttribute('href')).toBe('/products/kestrel-headphones');
    expect(link.textContent?.trim()).toBe('Kestrel Headphones');
  });

  it('loads the photo lazily from resized variants chosen by srcset and sizes', () => {
    const image = render(product(), '(max-width: 480px) 50vw, 300px').querySelector('img')!;
    const variant = (width: number) => `/api/media/aaaaaaaaaaaaaaaaaaaaaaaa?w=${width}`;
    expect(image.getAttribute('srcset')).toBe(`${variant(320)} 320w, ${variant(480)} 480w, ${variant(640)} 640w`);
    expect(image.getAttribute('sizes')).toBe('(max-width: 480px) 50vw, 300px');
    expect(image.getAttribute('src')).toBe(variant(640));
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('width')).toBe('640');
    expect(image.getAttribute('height')).toBe('640');
    // The title next to it says what it shows; repeating it would make screen readers say it twice.
    expect(image.getAttribute('alt')).toBe('');
  });

  it('shows a placeholder instead of a broken image when the product has no photo', () => {
    const element = render(product({ images: [] }));
    expect(element.querySelector('img')).toBeNull();
    expect(element.querySelector('.no-image')).not.toBeNull();
  });

  it('shows the compare-at price struck through when on sale', () => {
    const element = render(product({ compareAtPrice: { amount: 15_999, currency: 'EUR' } }));
    expect(element.querySelector('.sale')).not.toBeNull();
    expect(element.querySelector('s.was')?.textContent).toContain('159.99');
  });

  it('does not call a higher price a sale', () => {
    const element = render(product({ compareAtPrice: { amount: 9_999, currency: 'EUR' } }));
    expect(element.querySelector('.sale')).toBeNull();
    expect(element.querySelector('s.was')).toBeNull();
  });

  it('tells shoppers when only a few are left, and when it is sold out', () => {
    expect(render(product({ available: 3 })).querySelector('.stock')?.textContent).toContain('Only 3 left');
    const soldOut = render(product({ available: 0 }));
    expect(soldOut.querySelector('.stock')?.textContent).toContain('Out of stock');
    expect(soldOut.querySelector('.card')?.classList).toContain('sold-out');
    expect(render(product({ available: 40 })).querySelector('.stock')?.textContent).toContain('In stock');
  });
});
