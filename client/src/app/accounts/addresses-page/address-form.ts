import { afterNextRender, ChangeDetectionStrategy, Component, effect, type ElementRef, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type Address, type AddressInput, addressInputSchema } from '@shared/accounts/accounts';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { AccountApi } from '../account-api';
import { AddressFields } from './address-fields';

// Deliberately a value import: each field is checked by the schema the API validates with.
const rules = addressInputSchema.shape;
const optionalFields = ['label', 'line2', 'region', 'phone'] as const;

/** Adds an address, or edits the one given. */
@Component({
  selector: 'shop-address-form',
  imports: [ReactiveFormsModule, FieldError, AddressFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './address-form.html',
})
export class AddressForm {
  private readonly api = inject(AccountApi);
  private readonly labelField = viewChild.required<ElementRef<HTMLInputElement>>('labelField');

  readonly address = input<Address>();
  readonly saved = output<Address>();
  readonly cancelled = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    label: ['', schemaValidator(rules.label)],
    name: ['', schemaValidator(rules.name)],
    line1: ['', schemaValidator(rules.line1)],
    line2: ['', schemaValidator(rules.line2)],
    postalCode: ['', schemaValidator(rules.postalCode)],
    city: ['', schemaValidator(rules.city)],
    region: ['', schemaValidator(rules.region)],
    country: ['', schemaValidator(rules.country)],
    phone: ['', schemaValidator(rules.phone)],
    isDefault: [false],
  });

  protected readonly submission = new FormSubmission(this.form);
  protected readonly showsError = showsError;
  /** Ids unique per form, as an edit form and the new-address form can be open at once. */
  protected readonly idPrefix = `address-${Math.random().toString(36).slice(2, 8)}`;

  constructor() {
    effect(() => {
      const address = this.address();
      if (!address) return;
      this.form.reset({
        label: address.label ?? '',
        name: address.name,
        line1: address.line1,
        line2: address.line2 ?? '',
        postalCode: address.postalCode,
        city: address.city,
        region: address.region ?? '',
        country: address.country,
        phone: address.phone ?? '',
        isDefault: address.isDefault,
      });
    });
    afterNextRender(() => this.labelField().nativeElement.focus());
  }

  protected async save(): Promise<void> {
    await this.submission.submit(async () => {
      const existing = this.address();
      const saved = existing ? await this.api.updateAddress(existing.id, this.changes()) : await this.api.addAddress(this.newAddress());
      this.saved.emit(saved);
    });
  }

  /** A new address leaves its empty optional fields out. */
  private newAddress(): AddressInput {
    const value: AddressInput = this.form.getRawValue();
    for (const field of optionalFields) if (value[field] === '') delete value[field];
    return value;
  }

  /**
   * An edit sends emptied optional fields as '' so they are cleared, not kept. `isDefault` goes
   * only when set: a default address stops being one only when another takes its place.
   */
  private changes(): Partial<AddressInput> {
    const { isDefault, ...fields } = this.form.getRawValue();
    return isDefault ? { ...fields, isDefault } : fields;
  }
}
