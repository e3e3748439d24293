import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, type ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { lineShippableStatuses, nextStatuses, type OrderStatus, transitionFor } from '@shared/orders/order-status';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { FormSubmission } from '../../../core/forms/form-submission';
import { describeApiError } from '../../../core/http/api-error';
import { LoadError } from '../../../core/load-error';
import { liveOrder } from '../../../orders/live-order';
import { describeShippedLine, LineShipmentForm, type SendLineShipment } from '../../../orders/line-shipment-form/line-shipment-form';
import { OrderDetails } from '../../../orders/order-details/order-details';
import { orderStatusLabels } from '../../../orders/order-status-chip/order-status-chip';
import { AdminOrdersApi } from '../admin-orders-api';

/** What the button that moves an order to a status says. */
export const moveLabels: Readonly<Record<OrderStatus, string>> = {
  pending_payment: 'Back to awaiting payment',
  paid: 'Mark as paid',
  fulfilling: 'Start fulfilment',
  shipped: 'Mark as shipped',
  delivered: 'Mark as delivered',
  cancelled: 'Cancel order',
  returned: 'Mark as returned',
};

export const changedBySomeoneElse = 'This order was changed by someone else in the meantime; it now shows its current status. Please check it and try again.';

/** /admin/orders/:id: the order as its shopper sees it, and the moves an admin may make (shared order-status table). */
@Component({
  selector: 'shop-admin-order-page',
  imports: [ReactiveFormsModule, RouterLink, FieldError, LineShipmentForm, LoadError, OrderDetails],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-order-page.html',
  styleUrl: './admin-order-page.scss',
})
export class AdminOrderPage {
  private readonly api = inject(AdminOrdersApi);
  private readonly title = inject(Title);
  private readonly document = inject(DOCUMENT);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('moveDialog');

  /** `:id` from the route. */
  readonly id = input.required<string>();

  protected readonly order = liveOrder(
    () => ({ orderId: this.id() }),
    ({ orderId }) => this.api.get(orderId),
  );
  protected readonly moves = computed(() => (this.order.hasValue() ? nextStatuses(this.order.value().status, 'admin') : []));
  protected readonly notFound = computed(() => {
    const error = this.order.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  });
  protected readonly loadError = computed(() => `We couldn't load the order. ${describeApiError(this.order.error()).message}`);

  /** The shop's own lines are shipped one by one, with tracking, while the order is paid and not yet shipped. */
  protected readonly shipsLines = computed(() => this.order.hasValue() && lineShippableStatuses.includes(this.order.value().status));

  /** The move waiting for its confirmation in the dialog. */
  protected readonly pendingMove = signal<OrderStatus | null>(null);
  protected readonly refunds = computed(() => {
    const to = this.pendingMove();
    return Boolean(to && this.order.hasValue() && transitionFor(this.order.value().status, to, 'admin')?.refunds);
  });
  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({ note: ['', Validators.maxLength(500)] });
  protected readonly submission = new FormSubmission(this.form, { showFailure: (error) => this.explainFailure(error) });
  protected readonly showsError = showsError;
  protected readonly moveLabels = moveLabels;
  protected readonly statusLabels = orderStatusLabels;

  constructor() {
    effect(() => {
      if (this.order.hasValue()) this.title.setTitle(`Order ${this.order.value().number} · Admin · MEAN Shop`);
    });
  }

  protected askToMove(to: OrderStatus): void {
    this.status.set(null);
    this.actionError.set(null);
    this.submission.clearError();
    this.form.reset();
    this.pendingMove.set(to);
    this.dialog()?.nativeElement.showModal();
  }

  protected closeDialog(): void {
    this.dialog()?.nativeElement.close();
  }

  /** Also when the dialog is closed with Escape. */
  protected dialogClosed(): void {
    this.pendingMove.set(null);
  }

  protected async move(): Promise<void> {
    const to = this.pendingMove();
    if (!to) return;
    const note = this.form.controls.note.value.trim();
    const moved = await this.submission.submit(async () => {
      this.order.set(await this.api.changeStatus(this.id(), { status: to, ...(note ? { note } : {}) }));
    });
    if (moved) {
      this.closeDialog();
      this.status.set(`The order is now: ${orderStatusLabels[to]}.`);
    }
  }

  /** A 409 means the order is not where this page showed it: the dialog goes and the page shows where it is. */
  private explainFailure(error: unknown): string | null {
    const problem = describeApiError(error);
    if (problem.status !== 409) return problem.message;
    this.closeDialog();
    this.actionError.set(changedBySomeoneElse);
    this.order.reload();
    return null;
  }

  protected readonly shipLine: SendLineShipment = async (productId, shipment) => {
    const before = this.order.hasValue() ? this.order.value().status : undefined;
    const order = await this.api.shipLine(this.id(), productId, shipment);
    this.order.set(order);
    this.actionError.set(null);
    this.status.set(describeShippedLine(before, order, productId));
    // Its form is gone with the line shipped: focus goes to the lines, not to the top of the page.
    setTimeout(() => this.document.getElementById('order-lines-heading')?.focus());
  };

  /** A 409: said above the order, and the order read again to show where it really is. */
  protected lineRefused(message: string): void {
    this.status.set(null);
    this.actionError.set(message);
    this.order.reload();
  }
}
