import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, type ElementRef, inject, input, resource, signal, untracked, viewChild } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { OrderStatus } from '@shared/orders/order-status';
import type { SellerOrder } from '@shared/sellers/seller-orders';
import { PostalAddress } from '../../../accounts/postal-address/postal-address';
import { ProductImage } from '../../../catalog/product-image/product-image';
import { LoadError } from '../../../core/load-error';
import { MoneyPipe } from '../../../core/money.pipe';
import { reloadAfterPush } from '../../../core/realtime/reload-after-push';
import { refetchOnReconnect, ShopSocket } from '../../../core/realtime/shop-socket';
import { shippingMethodNames } from '../../../orders/order-details/order-details';
import { OrderTimeline } from '../../../orders/order-details/order-timeline';
import { describeShippedLine, LineShipmentForm, type SendLineShipment } from '../../../orders/line-shipment-form/line-shipment-form';
import { OrderStatusChip, orderStatusLabels } from '../../../orders/order-status-chip/order-status-chip';
import { describeSellerAreaError, suspendedMessage } from '../../seller-standing';
import { SellerOrdersApi } from '../seller-orders-api';

const percent = new Intl.NumberFormat('en-IE', { maximumFractionDigits: 2 });

/** `1250` basis points → `12.5%`. */
export function commissionRate(basisPoints: number): string {
  return `${percent.format(basisPoints / 100)}%`;
}

/** Why an order with lines still unshipped offers no "Mark shipped": in the words of the seller's next step. */
export function whyNotShippable(status: OrderStatus): string {
  if (status === 'pending_payment') return 'This order is not paid yet; ship it once it is. This page updates as soon as the payment comes through.';
  if (status === 'cancelled') return 'This order was cancelled: do not send its lines.';
  return `This order is ${orderStatusLabels[status].toLowerCase()}; its lines can no longer be shipped.`;
}

/**
 * /seller/orders/:id: the seller's own lines of one order with what they earn on each, where to
 * send them, and "Mark shipped" per line while the order is paid. Kept live: a move of the order
 * (paid, cancelled, shipped by the last seller) reads it again.
 */
@Component({
  selector: 'shop-seller-order-page',
  imports: [DatePipe, RouterLink, LineShipmentForm, LoadError, MoneyPipe, OrderStatusChip, OrderTimeline, PostalAddress, ProductImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-order-page.html',
  styleUrl: './seller-order-page.scss',
})
export class SellerOrderPage {
  private readonly api = inject(SellerOrdersApi);
  private readonly title = inject(Title);
  private readonly linesHeading = viewChild<ElementRef<HTMLElement>>('linesHeading');

  /** `:id` from the route. */
  readonly id = input.required<string>();

  protected readonly order = resource({ params: () => this.id(), loader: ({ params }) => this.api.get(params) });
  protected readonly notFound = computed(() => {
    const error = this.order.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  });
  protected readonly loadError = computed(() => `We couldn't load the order. ${describeSellerAreaError(this.order.error())}`);

  protected readonly itemCount = computed(() => (this.order.hasValue() ? this.order.value().lines.reduce((count, line) => count + line.quantity, 0) : 0));
  protected readonly shippedCount = computed(() => (this.order.hasValue() ? this.order.value().lines.filter((line) => line.shipment).length : 0));
  /** Set when lines wait to be shipped but the order may not be shipped now. */
  protected readonly blocked = computed(() => {
    if (!this.order.hasValue()) return null;
    const order = this.order.value();
    return !order.mayShip && order.lines.some((line) => !line.shipment) ? whyNotShippable(order.status) : null;
  });

  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly statusLabels = orderStatusLabels;
  protected readonly methodNames = shippingMethodNames;
  protected readonly commissionRate = commissionRate;

  constructor() {
    effect(() => {
      if (this.order.hasValue()) this.title.setTitle(`Order ${this.order.value().number} · Seller area · MEAN Shop`);
    });
    const reload = reloadAfterPush(this.order);
    // The seller's socket hears of every move of the orders with their lines; no watch is needed.
    const stopListening = inject(ShopSocket).onOrderStatus(({ orderId, status }) => {
      const shown = this.order.hasValue() ? this.order.value().status : undefined;
      if (untracked(this.id) === orderId && shown !== status) reload();
    });
    inject(DestroyRef).onDestroy(stopListening);
    refetchOnReconnect(reload);
  }

  protected readonly suspendedMessage = suspendedMessage;

  protected readonly shipLine: SendLineShipment = async (productId, shipment) => this.lineShipped(await this.api.ship(this.id(), productId, shipment), productId);

  /** The server's answer is the order now: shown as it is, and said in words. */
  private lineShipped(order: SellerOrder, productId: string): void {
    const before = this.order.hasValue() ? this.order.value().status : undefined;
    this.order.set(order);
    this.actionError.set(null);
    this.status.set(describeShippedLine(before, order, productId));
    // Its form is gone with the line shipped: focus goes to the lines, not to the top of the page.
    setTimeout(() => this.linesHeading()?.nativeElement.focus());
  }

  /** A 409: said above the lines, and the order read again to show where it really is. */
  protected lineRefused(message: string): void {
    this.status.set(null);
    this.actionError.set(message);
    this.order.reload();
  }
}
