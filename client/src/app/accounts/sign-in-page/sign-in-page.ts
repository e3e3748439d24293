import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { safeReturnPath } from '../../core/auth/return-path';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { SocialSignIn } from '../social-sign-in/social-sign-in';

@Component({
  selector: 'shop-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, FieldError, SocialSignIn],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
})
export class SignInPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** `?returnTo=` set by the guard that sent the shopper here. */
  readonly returnTo = input<string>();
  /** `?error=` set when a social login could not be completed. */
  readonly error = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected readonly submission = new FormSubmission(this.form, { focusWithin: this.host.nativeElement });
  protected readonly passwordVisible = signal(false);
  protected readonly destination = computed(() => safeReturnPath(this.returnTo()));
  protected readonly showsError = showsError;

  protected async signIn(): Promise<void> {
    const signedIn = await this.submission.submit(() => this.store.signIn(this.form.getRawValue()));
    if (signedIn) await this.router.navigateByUrl(this.destination());
  }
}
