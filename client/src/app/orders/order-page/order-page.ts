import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { nextStatuses, type OrderStatus } from '@shared/orders/order-status';
import { AuthStore } from '../../core/auth/auth-store';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { liveOrder } from '../live-order';
import { OrderDetails } from '../order-details/order-details';
import { orderStatusLabels } from '../order-status-chip/order-status-chip';
import { OrdersApi } from '../orders-api';

/**
 * /orders/:id, the shopper's order: the confirmation right after checkout (`?placed=1`) and the
 * page to follow it later. A guest opens it with the token of their link (`?token=`), signed out.
 */
@Component({
  selector: 'shop-order-page',
  imports: [RouterLink, LoadError, OrderDetails],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './order-page.html',
  styleUrl: './order-page.scss',
})
export class OrderPage {
  private readonly api = inject(OrdersApi);
  private readonly title = inject(Title);
  protected readonly auth = inject(AuthStore);

  /** `:id` from the route. */
  readonly id = input.required<string>();
  readonly token = input<string>();
  /** `?placed=1`: the shopper has just placed it. */
  readonly placed = input<string>();

  protected readonly order = liveOrder(
    () => ({ orderId: this.id(), token: this.token() || undefined }),
    ({ orderId, token }) => this.api.get(orderId, token),
  );

  protected readonly justPlaced = computed(() => this.placed() === '1');
  protected readonly notFound = computed(() => {
    const error = this.order.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  });
  protected readonly loadError = computed(() => `We couldn't load your order. ${describeApiError(this.order.error()).message}`);
  protected readonly canCancel = computed(() => this.order.hasValue() && nextStatuses(this.order.value().status, 'shopper').includes('cancelled'));
  protected readonly returnHere = computed(() => `/orders/${this.id()}`);

  protected readonly confirmingCancel = signal(false);
  protected readonly cancelling = signal(false);
  protected readonly actionError = signal<string | null>(null);
  /** Said to screen readers when the order moves while the page is open. */
  protected readonly liveMessage = signal('');

  constructor() {
    let shownStatus: OrderStatus | undefined;
    effect(() => {
      if (!this.order.hasValue()) return;
      const { number, status } = this.order.value();
      this.title.setTitle(`Order ${number} · MEAN Shop`);
      if (shownStatus && shownStatus !== status) this.liveMessage.set(`Your order is now: ${orderStatusLabels[status]}.`);
      shownStatus = status;
    });
  }

  protected async cancelOrder(): Promise<void> {
    if (this.cancelling()) return;
    this.cancelling.set(true);
    this.actionError.set(null);
    try {
      this.order.set(await this.api.cancel(this.id(), this.token() || undefined));
      this.confirmingCancel.set(false);
    } catch (error) {
      this.actionError.set(`Your order was not cancelled: ${describeApiError(error).message}`);
      this.confirmingCancel.set(false);
      // Most likely it moved on meanwhile (409); show where it is now.
      this.order.reload();
    } finally {
      this.cancelling.set(false);
    }
  }
}
