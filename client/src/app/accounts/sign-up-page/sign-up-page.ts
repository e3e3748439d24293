import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { minPasswordLength, newPasswordValidators } from '../../core/auth/password-rules';
import { safeReturnPath } from '../../core/auth/return-path';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors } from '../../core/forms/form-api-errors';
import { FormSubmission } from '../../core/forms/form-submission';
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
  protected readonly emailTaken = signal(false);
  protected readonly submission = new FormSubmission(this.form, {
    focusWithin: this.host.nativeElement,
    showFailure: (error) => {
      // A taken email gets its own message with links to sign in or reset the password instead.
      if (describeApiError(error).code !== 'conflict') return applyApiErrors(this.form, error);
      this.form.controls.email.setErrors({ server: 'already belongs to an account' });
      this.emailTaken.set(true);
      return null;
    },
  });
  protected readonly passwordVisible = signal(false);
  protected readonly destination = computed(() => safeReturnPath(this.returnTo()));
  protected readonly showsError = showsError;

  protected async createAccount(): Promise<void> {
    const registered = await this.submission.submit(async () => {
      this.emailTaken.set(false);
      await this.store.register(this.form.getRawValue());
    });
    if (registered) await this.router.navigateByUrl(this.destination());
  }
}
