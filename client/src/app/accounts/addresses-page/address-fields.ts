import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { FieldError, showsError } from '../../core/forms/field-error';

/** The controls of a postal address, as both the address book and checkout hold them. */
export interface AddressFieldControls {
  name: FormControl<string>;
  line1: FormControl<string>;
  line2: FormControl<string>;
  postalCode: FormControl<string>;
  city: FormControl<string>;
  region: FormControl<string>;
  country: FormControl<string>;
  phone: FormControl<string>;
}

/** The fields of a postal address with their labels and errors, inside a form of the caller's. */
@Component({
  selector: 'shop-address-fields',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  templateUrl: './address-fields.html',
})
export class AddressFields {
  readonly controls = input.required<AddressFieldControls>();
  /** Makes the ids unique on the page, as two address forms can be open at once. */
  readonly idPrefix = input.required<string>();

  protected readonly showsError = showsError;
}
