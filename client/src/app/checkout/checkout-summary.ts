import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Cart } from '@shared/cart/cart';
import { type Money, percentageOf, sumMoney } from '@shared/money';
import { ProductImage } from '../catalog/product-image/product-image';
import { MoneyPipe } from '../core/money.pipe';

export interface EstimatedTotals {
  subtotal: Money;
  shipping: Money | null;
  tax: Money | null;
  total: Money | null;
}

/**
 * What the checkout can tell before the order is placed: the cart's subtotal, the chosen shipping
 * and the tax rate of both. A discount, and the final amounts, come from the server.
 */
export function estimateTotals(subtotal: Money, shipping: Money | null, taxRateBasisPoints: number): EstimatedTotals {
  if (!shipping || shipping.currency !== subtotal.currency) return { subtotal, shipping, tax: null, total: null };
  const taxable = sumMoney([subtotal, shipping], subtotal.currency);
  const tax = percentageOf(taxable, taxRateBasisPoints);
  return { subtotal, shipping, tax, total: sumMoney([taxable, tax], subtotal.currency) };
}

const problemWords = { unavailable: 'No longer for sale', sold_out: 'Sold out', short: 'Fewer left than you want' } as const;

/** The cart's lines and the estimated totals, for the review step. */
@Component({
  selector: 'shop-checkout-summary',
  imports: [MoneyPipe, ProductImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="lines">
      @for (line of cart().lines; track line.productId) {
        <li [class.problem]="line.problem">
          <shop-product-image class="thumb" [mediaId]="line.image ?? undefined" alt="" sizes="3.5rem" [widths]="[320]" />
          <div class="text">
            <span class="title">{{ line.title }}</span>
            <span class="each">{{ line.quantity }} × {{ line.unitPrice | money }}</span>
            @if (line.problem; as problem) {
              <span class="problem-note">{{ problemWords[problem] }}@if (problem === 'short') { (only {{ line.available }})}</span>
            }
          </div>
          <span class="line-total">{{ line.lineTotal | money }}</span>
        </li>
      }
    </ul>
    @let totals = estimate();
    <dl class="totals">
      <div><dt>Subtotal</dt><dd>{{ totals.subtotal | money }}</dd></div>
      <div><dt>Shipping</dt><dd>{{ totals.shipping ? (totals.shipping | money) : 'Chosen in step 2' }}</dd></div>
      @if (totals.tax) {
        <div><dt>Estimated tax</dt><dd>{{ totals.tax | money }}</dd></div>
      }
      @if (totals.total) {
        <div class="total"><dt>Estimated total</dt><dd>{{ totals.total | money }}</dd></div>
      }
    </dl>
    <p class="hint">Discounts and the final amounts are confirmed when you place the order.</p>
  `,
  styles: `
    :host { display: block; }
    .lines { list-style: none; margin: 0; padding: 0; }
    .lines li { display: grid; grid-template-columns: 3.5rem minmax(0, 1fr) auto; gap: 0.75rem; align-items: center; padding: 0.5rem 0; border-bottom: 1px solid #e9ecef; }
    .thumb { width: 3.5rem; height: 3.5rem; border-radius: 8px; overflow: hidden; }
    .text { display: flex; flex-direction: column; gap: 0.1rem; min-width: 0; }
    .title { font-weight: 600; color: var(--shop-ink); overflow-wrap: anywhere; }
    .each { color: var(--shop-muted); font-size: 0.9rem; }
    .problem-note { color: var(--shop-danger); font-size: 0.9rem; font-weight: 600; }
    .line-total { font-weight: 600; white-space: nowrap; }
    .totals { margin: 0.75rem 0 0.5rem; display: grid; gap: 0.35rem; }
    .totals div { display: flex; justify-content: space-between; gap: 1rem; }
    .totals dt { color: var(--shop-muted); }
    .totals dd { margin: 0; white-space: nowrap; }
    .totals .total { border-top: 1px solid #e9ecef; padding-top: 0.5rem; font-weight: 700; font-size: 1.1rem; }
    .totals .total dt { color: var(--shop-ink); }
  `,
})
export class CheckoutSummary {
  readonly cart = input.required<Cart>();
  readonly shipping = input.required<Money | null>();
  readonly taxRateBasisPoints = input.required<number>();

  protected readonly estimate = computed(() => estimateTotals(this.cart().totals.subtotal, this.shipping(), this.taxRateBasisPoints()));
  protected readonly problemWords = problemWords;
}
