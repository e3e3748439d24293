import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { lineShipmentInputSchema, type SellerOrder, type SellerOrderLine } from '@shared/sellers/seller-orders';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { applyApiErrors } from '../../../core/forms/form-api-errors';
import { FormSubmission } from '../../../core/forms/form-submission';
import { schemaValidator } from '../../../core/forms/schema-validator';
import { describeApiError } from '../../../core/http/api-error';
import { describeSellerAreaError } from '../../seller-standing';
import { SellerOrdersApi } from '../seller-orders-api';

/** Offered as the carrier is typed; any other name of at least two characters will do. */
export const commonCarriers = ['DHL', 'An Post', 'UPS', 'DPD', 'FedEx', 'GLS'] as const;

/** A shipped line, as the page announces it. */
export interface LineShipped {
  order: SellerOrder;
  productId: string;
}

/**
 * "Mark shipped" under one unshipped line of the seller's: the carrier and tracking number, checked
 * with the API's own schema so the form and the server say the same thing.
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
  private readonly api = inject(SellerOrdersApi);

  readonly orderId = input.required<string>();
  readonly line = input.required<SellerOrderLine>();
  /** The order as the server answers it once the line is shipped. */
  readonly shipped = output<LineShipped>();
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
    await this.submission.submit(async () => {
      const order = await this.api.ship(this.orderId(), productId, { carrier: carrier.trim(), trackingNumber: trackingNumber.trim() });
      this.shipped.emit({ order, productId });
    });
  }

  private explainFailure(error: unknown): string | null {
    const problem = describeApiError(error);
    if (problem.status === 409) {
      this.refused.emit(problem.message);
      return null;
    }
    return problem.status === 403 ? describeSellerAreaError(error) : applyApiErrors(this.form, error);
  }
}
