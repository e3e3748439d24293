import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi } from '../../core/auth/auth-api';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors, focusFirstInvalidField } from '../../core/forms/form-api-errors';

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

  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** The API's answer, the same whether or not the address has an account. */
  protected readonly sent = signal<string | null>(null);
  protected readonly showsError = showsError;

  protected async sendResetLink(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalidField(this.host.nativeElement);
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    try {
      const answer = await this.api.forgotPassword(this.form.getRawValue());
      this.sent.set(answer.message);
    } catch (error) {
      this.formError.set(applyApiErrors(this.form, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
