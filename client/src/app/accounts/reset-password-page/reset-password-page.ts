import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi } from '../../core/auth/auth-api';
import { AuthStore } from '../../core/auth/auth-store';
import { minPasswordLength, newPasswordValidators } from '../../core/auth/password-rules';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors } from '../../core/forms/form-api-errors';
import { FormSubmission } from '../../core/forms/form-submission';
import { describeApiError } from '../../core/http/api-error';

@Component({
  selector: 'shop-reset-password-page',
  imports: [ReactiveFormsModule, RouterLink, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-password-page.html',
})
export class ResetPasswordPage {
  private readonly api = inject(AuthApi);
  private readonly store = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** `?token=` from the link in the reset mail. */
  readonly token = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', newPasswordValidators],
  });

  protected readonly minPasswordLength = minPasswordLength;
  protected readonly done = signal(false);
  protected readonly linkExpired = signal(false);
  protected readonly submission = new FormSubmission(this.form, {
    focusWithin: this.host.nativeElement,
    showFailure: (error) => {
      this.linkExpired.set(describeApiError(error).details.some((issue) => issue.path === 'body.token'));
      return applyApiErrors(this.form, error);
    },
  });
  protected readonly passwordVisible = signal(false);
  protected readonly showsError = showsError;

  protected async setPassword(): Promise<void> {
    const token = this.token();
    if (!token) return;
    await this.submission.submit(async () => {
      await this.api.resetPassword({ token, password: this.form.controls.password.value });
      // The server ends every session of the account, this browser's included.
      this.store.clear();
      this.done.set(true);
    });
  }
}
