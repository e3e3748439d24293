import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, type TemplateRef } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Order, OrderLine, PaymentStatus, ShippingMethod } from '@shared/orders/order';
import { PostalAddress } from '../../accounts/postal-address/postal-address';
import { ProductImage } from '../../catalog/product-image/product-image';
import { MoneyPipe } from '../../core/money.pipe';
import { OrderStatusChip } from '../order-status-chip/order-status-chip';
import { OrderTimeline } from './order-timeline';

export const shippingMethodNames: Readonly<Record<ShippingMethod, string>> = { standard: 'Standard delivery', express: 'Express delivery' };

const paymentStatusWords: Readonly<Record<PaymentStatus, string>> = {
  pending: 'Waiting for the card to be confirmed',
  authorized: 'Approved',
  captured: 'Charged',
  failed: 'Failed',
  refunded: 'Refunded',
};

/**
 * One order as its shopper and the admins see it: status timeline, lines, totals, address and
 * payment. What may be done with it is the page's: it goes into the `actions` slot, and what may
 * be done with one line (an admin shipping the shop's own) into `lineActions`, under each line.
 */
@Component({
  selector: 'shop-order-details',
  imports: [DatePipe, NgTemplateOutlet, RouterLink, MoneyPipe, ProductImage, PostalAddress, OrderStatusChip, OrderTimeline],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './order-details.html',
  styleUrl: './order-details.scss',
})
export class OrderDetails {
  readonly order = input.required<Order>();
  /** Shown under each line, given the line; nothing without it. */
  readonly lineActions = input<TemplateRef<{ $implicit: OrderLine }> | null>(null);

  protected readonly itemCount = computed(() => this.order().lines.reduce((count, line) => count + line.quantity, 0));
  protected readonly hasDiscount = computed(() => this.order().totals.discount.amount > 0);
  protected readonly paymentWords = computed(() => paymentStatusWords[this.order().payment.status]);
  protected readonly shippingMethodName = computed(() => shippingMethodNames[this.order().shippingMethod]);
}
