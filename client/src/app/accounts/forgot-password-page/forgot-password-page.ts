import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi } from '../../core/auth/auth-api';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';

@Component({
  selector: 'shop-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forgot-password-page.html',
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });

  protected readonly submission = new FormSubmission(this.form, { focusWithin: this.host.nativeElement });
  /** The API's answer, the same whether or not the address has an account. */
  protected readonly sent = signal<string | null>(null);
  protected readonly showsError = showsError;

  protected async sendResetLink(): Promise<void> {
    await this.submission.submit(async () => {
      const answer = await this.api.forgotPassword(this.form.getRawValue());
      this.sent.set(answer.message);
    });
  }
}
