import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, resource, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { Profile } from '@shared/accounts/accounts';
import { sellerApplicationInputSchema, type SellerStatus } from '@shared/sellers/seller';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { describeApiError } from '../../core/http/api-error';
import { SellerApplicationApi } from './seller-application-api';

const standingWords: Record<SellerStatus, string> = {
  pending: 'An admin is looking at it; you can sell once it is approved.',
  approved: 'Approved: your account sells in the shop.',
  suspended: 'Not approved, or suspended. Write to the shop if you think that is a mistake.',
};

/**
 * "Sell in the shop" on the account page: a customer applies with a shop name, a contact email
 * and what they would sell; afterwards the panel says how the application stands.
 */
@Component({
  selector: 'shop-seller-application-form',
  imports: [DatePipe, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel wide" aria-labelledby="sell-heading">
      <h2 id="sell-heading">Sell in the shop</h2>
      @if (application.error()) {
        <p class="form-error" role="alert">We couldn't read your application. {{ loadError() }}</p>
      } @else if (application.hasValue() && application.value(); as mine) {
        <p class="lead">You applied as <strong>{{ mine.shopName }}</strong> on {{ mine.appliedAt | date: 'mediumDate' }}.</p>
        <p class="form-info" role="status">{{ standing(mine.status) }}</p>
      } @else if (application.hasValue()) {
        <p class="lead">Apply with your shop's name and what you would sell. An admin decides, and you are told here.</p>
        <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
        <form [formGroup]="form" (ngSubmit)="apply()" novalidate>
          <div class="field-row">
            <div class="field">
              <label for="sell-shop-name">Shop name</label>
              <input id="sell-shop-name" formControlName="shopName" maxlength="80" autocomplete="organization"
                aria-describedby="sell-shop-name-error" [attr.aria-invalid]="showsError(form.controls.shopName)" />
              <shop-field-error id="sell-shop-name-error" label="Shop name" [control]="form.controls.shopName" />
            </div>
            <div class="field">
              <label for="sell-contact">Contact email</label>
              <input id="sell-contact" type="email" formControlName="contactEmail" maxlength="254" autocomplete="email" inputmode="email"
                aria-describedby="sell-contact-error" [attr.aria-invalid]="showsError(form.controls.contactEmail)" />
              <shop-field-error id="sell-contact-error" label="Contact email" [control]="form.controls.contactEmail" />
            </div>
          </div>
          <div class="field">
            <label for="sell-description">What you would sell</label>
            <textarea id="sell-description" formControlName="description" rows="3" maxlength="1000"
              aria-describedby="sell-description-error" [attr.aria-invalid]="showsError(form.controls.description)"></textarea>
            <shop-field-error id="sell-description-error" label="What you would sell" [control]="form.controls.description" />
          </div>
          <button type="submit" [disabled]="submission.submitting()">{{ submission.submitting() ? 'Sending…' : 'Apply to sell' }}</button>
        </form>
      } @else {
        <p class="lead" aria-busy="true">Reading your application…</p>
      }
    </section>
  `,
})
export class SellerApplicationForm {
  private readonly api = inject(SellerApplicationApi);

  readonly profile = input.required<Profile>();

  protected readonly application = resource({ loader: () => this.api.mine() });
  protected readonly loadError = computed(() => describeApiError(this.application.error()).message);
  protected readonly form = inject(NonNullableFormBuilder).group({
    shopName: ['', schemaValidator(sellerApplicationInputSchema.shape.shopName)],
    contactEmail: ['', schemaValidator(sellerApplicationInputSchema.shape.contactEmail)],
    description: ['', schemaValidator(sellerApplicationInputSchema.shape.description)],
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly showsError = showsError;

  constructor() {
    // The account's own email is the likely contact; what the customer typed is kept.
    effect(() => {
      const email = this.profile().email;
      untracked(() => {
        if (!this.form.controls.contactEmail.value) this.form.controls.contactEmail.setValue(email);
      });
    });
  }

  protected standing(status: SellerStatus): string {
    return standingWords[status];
  }

  protected async apply(): Promise<void> {
    await this.submission.submit(async () => {
      const sent = await this.api.apply(this.form.getRawValue());
      this.application.set(sent);
    });
  }
}
