import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { lineShipmentInputSchema, type LineShipment, type LineShipmentInput } from '@shared/orders/order';
import type { OrderStatus } from '@shared/orders/order-status';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors } from '../../core/forms/form-api-errors';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { describeApiError } from '../../core/http/api-error';
import { orderStatusLabels } from '../order-status-chip/order-status-chip';

/** Offered as the carrier is typed; any other name of at least two characters will do. */
export const commonCarriers = ['DHL', 'An Post', 'UPS', 'DPD', 'FedEx', 'GLS'] as const;

/** Sends one line's shipment to the API; the page keeps the order it answers, and says so. */
export type SendLineShipment = (productId: string, shipment: LineShipmentInput) => Promise<void>;

/**
 * What a page says once a line shipped: how it left, and where the order is now if that moved it
 * (`before` is the status the page showed).
 */
export function describeShippedLine(
  before: OrderStatus | undefined,
  order: { status: OrderStatus; lines: ReadonlyArray<{ productId: string; title: string; shipment: LineShipment | null }> },
  productId: string,
): string {
  const line = order.lines.find((candidate) => candidate.productId === productId);
  const moved = before !== order.status ? ` The order is now: ${orderStatusLabels[order.status]}.` : '';
  return line?.shipment ? `${line.title} is shipped with ${line.shipment.carrier}, tracking number ${line.shipment.trackingNumber}.${moved}` : `The line is shipped.${moved}`;
}

/**
 * "Mark shipped" under one unshipped line: a seller's own in the seller area, the shop's own on the
 * admins' order page. The carrier and tracking number are checked with the API's own schema, so
 * the form and the server say the same thing.
 */
@Component({
  selector: 'shop-line-shipment-form',
  imports: [FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let id = fieldId();
    <form class="ship-form" [formGroup]="form" (ngSubmit)="ship()" novalidate [attr.aria-labelledby]="id + '-heading'">
      <p class="ship-heading" [id]="id + '-heading'">Mark shipped<span class="visually-hidden">: {{ line().title }}</span></p>
      <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
      <div class="ship-fields">
        <div class="field">
          <label [for]="id + '-carrier'">Carrier</label>
          <input
            [id]="id + '-carrier'"
            formControlName="carrier"
            [attr.list]="id + '-carriers'"
            autocomplete="off"
            maxlength="60"
            [attr.aria-describedby]="id + '-carrier-error'"
            [attr.aria-invalid]="showsError(form.controls.carrier)"
          />
          <datalist [id]="id + '-carriers'">
            @for (carrier of carriers; track carrier) {
              <option [value]="carrier"></option>
            }
          </datalist>
          <shop-field-error [id]="id + '-carrier-error'" label="Carrier" [control]="form.controls.carrier" />
        </div>
        <div class="field">
          <label [for]="id + '-tracking'">Tracking number</label>
          <input
            [id]="id + '-tracking'"
            formControlName="trackingNumber"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="60"
            [attr.aria-describedby]="id + '-tracking-error'"
            [attr.aria-invalid]="showsError(form.controls.trackingNumber)"
          />
          <shop-field-error [id]="id + '-tracking-error'" label="Tracking number" [control]="form.controls.trackingNumber" />
        </div>
        <button type="submit" [disabled]="submission.submitting()">
          {{ submission.submitting() ? 'Saving…' : 'Mark shipped' }}<span class="visually-hidden"> {{ line().title }}</span>
        </button>
      </div>
    </form>
  `,
  styles: `
    .ship-form { background: #f7f8fa; border-radius: 10px; padding: 0.75rem 0.9rem 0.1rem; }
    .ship-heading { margin: 0 0 0.5rem; font-weight: 700; color: var(--shop-ink); font-size: 0.95rem; }
    /* Side by side while there is room, each field with a usable width; stacked on phones. */
    .ship-fields { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 0.75rem; }
    .field { flex: 1 1 10rem; min-width: min(100%, 10rem); margin-bottom: 0.75rem; }
    button { min-height: 2.75rem; margin: 1.75rem 0 0.75rem; white-space: nowrap; }
    @media (max-width: 30rem) {
      .field { flex-basis: 100%; }
      button { width: 100%; margin-top: 0; }
    }
  `,
})
export class LineShipmentForm {
  readonly line = input.required<{ productId: string; title: string }>();
  readonly send = input.required<SendLineShipment>();
  /** What a 403 means where the form is (a seller's suspension); the API's words without it. */
  readonly forbiddenMessage = input<string | null>(null);
  /**
   * A 409: the order is not where the page showed it (not paid yet, cancelled, or the line shipped
   * with another number). The page says it and shows the order as it is now, without this form.
   */
  readonly refused = output<string>();

  protected readonly carriers = commonCarriers;
  protected readonly form = inject(NonNullableFormBuilder).group({
    carrier: ['', schemaValidator(lineShipmentInputSchema.shape.carrier)],
    trackingNumber: ['', schemaValidator(lineShipmentInputSchema.shape.trackingNumber)],
  });
  protected readonly submission = new FormSubmission(this.form, {
    focusWithin: inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
    showFailure: (error) => this.explainFailure(error),
  });
  protected readonly showsError = showsError;

  protected fieldId(): string {
    return `ship-${this.line().productId}`;
  }

  protected async ship(): Promise<void> {
    const { carrier, trackingNumber } = this.form.getRawValue();
    const productId = this.line().productId;
    await this.submission.submit(() => this.send()(productId, { carrier: carrier.trim(), trackingNumber: trackingNumber.trim() }));
  }

  private explainFailure(error: unknown): string | null {
    const problem = describeApiError(error);
    if (problem.status === 409) {
      this.refused.emit(problem.message);
      return null;
    }
    const forbidden = this.forbiddenMessage();
    return problem.status === 403 && forbidden ? forbidden : applyApiErrors(this.form, error);
  }
}
