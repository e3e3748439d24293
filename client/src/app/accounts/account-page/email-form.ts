import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { changeEmailRequestSchema, type Profile } from '@shared/accounts/accounts';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { AccountApi } from '../account-api';

@Component({
  selector: 'shop-email-form',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel wide" aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      <p class="lead">
        You sign in with <strong>{{ profile().email }}</strong>.
        @if (profile().pendingEmail; as pending) {
          <br />Waiting for you to confirm <strong>{{ pending }}</strong> with the link we mailed there.
        }
      </p>
      <div class="form-success" role="status">
        @if (sentMessage(); as message) {
          <strong>Check your new inbox.</strong> {{ message }}
        }
      </div>
      <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
      <form [formGroup]="form" (ngSubmit)="changeEmail()" novalidate>
        <div class="field-row">
          <div class="field">
            <label for="email-new">New email</label>
            <input id="email-new" type="email" formControlName="newEmail" autocomplete="email" inputmode="email" maxlength="254"
              aria-describedby="email-new-error" [attr.aria-invalid]="showsError(form.controls.newEmail)" />
            <shop-field-error id="email-new-error" label="New email" [control]="form.controls.newEmail" />
          </div>
          <div class="field">
            <label for="email-password">Current password</label>
            <input id="email-password" type="password" formControlName="password" autocomplete="current-password" maxlength="256"
              aria-describedby="email-password-error" [attr.aria-invalid]="showsError(form.controls.password)" />
            <shop-field-error id="email-password-error" label="Password" [control]="form.controls.password" />
          </div>
        </div>
        <button type="submit" [disabled]="submission.submitting()">{{ submission.submitting() ? 'Sending…' : 'Change email' }}</button>
      </form>
    </section>
  `,
})
export class EmailForm {
  private readonly api = inject(AccountApi);

  readonly profile = input.required<Profile>();
  /** The address now waiting for confirmation. */
  readonly emailRequested = output<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    newEmail: ['', schemaValidator(changeEmailRequestSchema.shape.newEmail)],
    password: ['', Validators.required],
  });

  protected readonly submission = new FormSubmission(this.form);
  protected readonly sentMessage = signal<string | null>(null);
  protected readonly showsError = showsError;

  protected async changeEmail(): Promise<void> {
    await this.submission.submit(async () => {
      // Cleared only once a request goes out: a refused submit leaves the last one's news shown.
      this.sentMessage.set(null);
      const request = this.form.getRawValue();
      const answer = await this.api.changeEmail(request);
      this.sentMessage.set(answer.message);
      this.emailRequested.emit(request.newEmail.trim().toLowerCase());
      this.form.reset();
    });
  }
}
