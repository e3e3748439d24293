import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CartNotice } from '@shared/cart/cart';
import type { ProductSummary } from '@shared/catalog/product';
import { CartStore } from '../../cart/cart-store';
import { errorBody, settle } from '../../core/testing/http-testing';
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
  let cart: { notices: ReturnType<typeof signal<CartNotice[]>>; addItem: jasmine.Spy };

  beforeEach(() => {
    cart = { notices: signal<CartNotice[]>([]), addItem: jasmine.createSpy('addItem').and.resolveTo() };
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideFakeShopSocket(), { provide: CartStore, useValue: cart }] });
  });

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

  describe('add to cart', () => {
    const kestrel = product({ id: 'a0000000000000000000000a', available: 8 });

    async function renderCard(value: ProductSummary) {
      const fixture = TestBed.createComponent(ProductCard);
      fixture.componentRef.setInput('product', value);
      await fixture.whenStable();
      const element = fixture.nativeElement as HTMLElement;
      return {
        button: () => element.querySelector<HTMLButtonElement>('button.add-to-cart'),
        status: () => element.querySelector('.cart-status')?.textContent?.trim() ?? '',
        async add(): Promise<void> {
          element.querySelector<HTMLButtonElement>('button.add-to-cart')!.click();
          await settle();
          await fixture.whenStable();
        },
      };
    }

    it('offers one of a product in stock, named for the product', async () => {
      const card = await renderCard(kestrel);
      expect(card.button()?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Add to cart: Kestrel Headphones');
      await card.add();
      expect(cart.addItem).toHaveBeenCalledOnceWith({ productId: kestrel.id, quantity: 1 });
      expect(card.status()).toBe('Added to your cart.');
    });

    it('offers nothing to add when the product is sold out', async () => {
      const card = await renderCard(product({ available: 0 }));
      expect(card.button()).toBeNull();
    });

    it('says how many are left when the cart already held them all', async () => {
      cart.addItem.and.callFake(async () => {
        cart.notices.update((notices) => [...notices, { productId: kestrel.id, kind: 'capped', message: 'Only 8 of Kestrel Headphones left; your cart has 8' }]);
      });
      const card = await renderCard(kestrel);
      await card.add();
      expect(card.status()).toBe('Only 8 of Kestrel Headphones left; your cart has 8.');
    });

    it('puts a refusal in words', async () => {
      cart.addItem.and.rejectWith(new HttpErrorResponse({ status: 409, error: errorBody('out_of_stock', 'Kestrel Headphones is sold out') }));
      const card = await renderCard(kestrel);
      await card.add();
      expect(card.status()).toBe('Sold out just now: there are none left to add.');

      cart.addItem.and.rejectWith(new HttpErrorResponse({ status: 409, error: errorBody('conflict', 'A cart holds at most 50 different products') }));
      await card.add();
      expect(card.status()).toBe('A cart holds at most 50 different products');
    });

    it('takes one click at a time', async () => {
      let finish: () => void = () => undefined;
      cart.addItem.and.returnValue(new Promise<void>((resolve) => (finish = resolve)));
      const card = await renderCard(kestrel);
      card.button()!.click();
      await settle();
      expect(card.button()?.disabled).toBeTrue();
      finish();
      await settle();
      expect(cart.addItem).toHaveBeenCalledTimes(1);
    });
  });
});
