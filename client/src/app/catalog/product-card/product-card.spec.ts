import { TestBed } from '@angular/core/testing';
import type { ProductSummary } from '@shared/catalog/product';
import { ProductCard, stockState } from './product-card';

function product(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return {
    id: '0123456789abcdef01234567',
    slug: 'kestrel-headphones',
    title: 'Kestrel Headphones',
    description: 'Good sound',
    category: { id: 'c1', slug: 'audio', name: 'Audio' },
    price: { amount: 12_999, currency: 'EUR' },
    images: ['aaaaaaaaaaaaaaaaaaaaaaaa'],
    available: 20,
    sellerId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('ProductCard', () => {
  function render(value: ProductSummary): HTMLElement {
    const fixture = TestBed.createComponent(ProductCard);
    fixture.componentRef.setInput('product', value);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the title, category, formatted price and a lazily loaded image', () => {
    const element = render(product());
    expect(element.querySelector('h3')?.textContent).toContain('Kestrel Headphones');
    expect(element.querySelector('.category')?.textContent).toContain('Audio');
    expect(element.querySelector('.now')?.textContent).toContain('129.99');
    const image = element.querySelector('img')!;
    expect(image.getAttribute('src')).toBe('/api/media/aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('alt')).toBe('Kestrel Headphones');
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

  it('classifies stock levels at the threshold', () => {
    expect(stockState(0)).toBe('out');
    expect(stockState(1)).toBe('low');
    expect(stockState(5)).toBe('low');
    expect(stockState(6)).toBe('in_stock');
  });
});
