import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { minPasswordLength, newPasswordSchema } from '@shared/accounts/accounts';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { AccountApi } from '../account-api';

@Component({
  selector: 'shop-password-form',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel wide" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <div class="form-success" role="status">
        @if (changed()) { Your password has been changed. Your other devices have been signed out. }
      </div>
      <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
      <form [formGroup]="form" (ngSubmit)="changePassword()" novalidate>
        <div class="field-row">
          <div class="field">
            <label for="password-current">Current password</label>
            <input id="password-current" type="password" formControlName="currentPassword" autocomplete="current-password" maxlength="256"
              aria-describedby="password-current-error" [attr.aria-invalid]="showsError(form.controls.currentPassword)" />
            <shop-field-error id="password-current-error" label="Password" [control]="form.controls.currentPassword" />
          </div>
          <div class="field">
            <label for="password-new">New password</label>
            <input id="password-new" type="password" formControlName="newPassword" autocomplete="new-password" maxlength="256"
              aria-describedby="password-new-hint password-new-error" [attr.aria-invalid]="showsError(form.controls.newPassword)" />
            <p class="hint" id="password-new-hint">At least {{ minPasswordLength }} characters.</p>
            <shop-field-error id="password-new-error" label="New password" [control]="form.controls.newPassword" />
          </div>
        </div>
        <button type="submit" [disabled]="submission.submitting()">{{ submission.submitting() ? 'Saving…' : 'Change password' }}</button>
      </form>
    </section>
  `,
})
export class PasswordForm {
  private readonly api = inject(AccountApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', schemaValidator(newPasswordSchema)],
  });

  protected readonly minPasswordLength = minPasswordLength;
  protected readonly submission = new FormSubmission(this.form);
  protected readonly changed = signal(false);
  protected readonly showsError = showsError;

  protected async changePassword(): Promise<void> {
    this.changed.set(false);
    await this.submission.submit(async () => {
      await this.api.changePassword(this.form.getRawValue());
      this.changed.set(true);
      this.form.reset();
    });
  }
}
