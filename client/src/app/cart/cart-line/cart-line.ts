import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CartLine, CartLineProblem } from '@shared/cart/cart';
import { formatMoney } from '@shared/money';
import { ProductImage } from '../../catalog/product-image/product-image';
import { QuantityPicker } from '../../catalog/quantity-picker/quantity-picker';
import { describeApiError } from '../../core/http/api-error';
import { MoneyPipe } from '../../core/money.pipe';
import { CartStore, maxQuantityPerLine } from '../cart-store';

/** What keeps a line of `quantity` from checkout when `available` can be bought, as the server decides it. */
export function stockProblem(available: number, quantity: number): CartLineProblem | null {
  if (available <= 0) return 'sold_out';
  return available < quantity ? 'short' : null;
}

/**
 * The line with the stock as it is now: the server worked its problem out from the stock when it
 * answered, and a push since may say otherwise. A product no longer for sale stays so.
 */
export function withLiveStock(line: CartLine, available: number): CartLine {
  if (line.problem === 'unavailable' || available === line.available) return line;
  return { ...line, available, problem: stockProblem(available, line.quantity) };
}

/**
 * One line of the cart page: the product, its price and any change to it since it was added, what
 * keeps it from checkout, and its quantity, which it changes itself. Removing is the page's, which
 * moves the focus once the line is gone.
 */
@Component({
  selector: 'shop-cart-line',
  imports: [RouterLink, ProductImage, QuantityPicker, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cart-line.html',
  styleUrl: './cart-line.scss',
})
export class CartLineItem {
  private readonly cart = inject(CartStore);

  /** With the live stock (`withLiveStock`). */
  readonly line = input.required<CartLine>();
  /** While the page removes it. */
  readonly removing = input(false);
  readonly remove = output();

  private readonly saving = signal(0);
  /**
   * What the picker shows. While changes are on their way the shopper's latest choice stands, so
   * quick clicks do not flicker back through each answer; then the server's number, which also
   * undoes a change that failed.
   */
  protected readonly quantity = linkedSignal<{ line: CartLine; saving: number }, number>({
    source: () => ({ line: this.line(), saving: this.saving() }),
    computation: ({ line, saving }, previous) => (saving > 0 && previous ? previous.value : line.quantity),
  });
  protected readonly error = signal<string | null>(null);

  protected readonly titleId = computed(() => `cart-line-${this.line().productId}`);
  protected readonly productLink = computed(() => ['/products', this.line().slug]);
  /** A sold-out or withdrawn line can only be removed; a short one only lowered. */
  protected readonly maxQuantity = computed(() => {
    const { problem, available, quantity } = this.line();
    if (problem === 'sold_out' || problem === 'unavailable') return 0;
    if (problem === 'short') return quantity;
    return Math.min(available, maxQuantityPerLine);
  });
  protected readonly problemNote = computed(() => {
    const { problem, available } = this.line();
    switch (problem) {
      case 'sold_out':
        return 'Sold out — remove it to check out';
      case 'short':
        return `Only ${available} left — lower the quantity`;
      case 'unavailable':
        return 'No longer available — remove it to check out';
      default:
        return null;
    }
  });
  protected readonly priceChange = computed(() => {
    const { unitPrice, priceWhenAdded } = this.line();
    if (unitPrice.currency !== priceWhenAdded.currency || unitPrice.amount === priceWhenAdded.amount) return null;
    const dropped = unitPrice.amount < priceWhenAdded.amount;
    return { dropped, words: `${dropped ? 'Price dropped' : 'Price went up'} from ${formatMoney(priceWhenAdded)}` };
  });

  protected async changeQuantity(quantity: number): Promise<void> {
    this.quantity.set(quantity);
    if (quantity === this.line().quantity && this.saving() === 0) return;
    this.error.set(null);
    this.saving.update((count) => count + 1);
    try {
      await this.cart.setQuantity(this.line().productId, quantity);
    } catch (error) {
      const problem = describeApiError(error);
      this.error.set(problem.code === 'out_of_stock' ? 'This has just sold out.' : problem.message);
      // Sold out or withdrawn meanwhile (409, 404): the cart as it is now says which.
      if (problem.status === 404 || problem.status === 409) await this.cart.load().catch(() => undefined);
    } finally {
      this.saving.update((count) => count - 1);
    }
  }
}
