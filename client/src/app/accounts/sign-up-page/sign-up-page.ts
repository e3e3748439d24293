import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { minPasswordLength, newPasswordValidators } from '../../core/auth/password-rules';
import { safeReturnPath } from '../../core/auth/return-path';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors, focusFirstInvalidField } from '../../core/forms/form-api-errors';
import { describeApiError } from '../../core/http/api-error';
import { SocialSignIn } from '../social-sign-in/social-sign-in';

@Component({
  selector: 'shop-sign-up-page',
  imports: [ReactiveFormsModule, RouterLink, FieldError, SocialSignIn],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-up-page.html',
})
export class SignUpPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly returnTo = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', newPasswordValidators],
  });

  protected readonly minPasswordLength = minPasswordLength;
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly emailTaken = signal(false);
  protected readonly passwordVisible = signal(false);
  protected readonly destination = computed(() => safeReturnPath(this.returnTo()));
  protected readonly showsError = showsError;

  protected async createAccount(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalidField(this.host.nativeElement);
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    this.emailTaken.set(false);
    try {
      await this.store.register(this.form.getRawValue());
    } catch (error) {
      if (describeApiError(error).code === 'conflict') {
        this.form.controls.email.setErrors({ server: 'already belongs to an account' });
        this.emailTaken.set(true);
      } else {
        this.formError.set(applyApiErrors(this.form, error));
      }
      return;
    } finally {
      this.submitting.set(false);
    }
    await this.router.navigateByUrl(this.destination());
  }
}
