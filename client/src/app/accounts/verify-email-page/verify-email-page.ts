import { ChangeDetectionStrategy, Component, computed, inject, input, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { describeApiError } from '../../core/http/api-error';
import { AccountApi } from '../account-api';

/** The page the confirmation link in the new inbox opens; it works signed in or not. */
@Component({
  selector: 'shop-verify-email-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="form-page">
      <div class="panel" aria-live="polite">
        <h1>Confirm your email</h1>
        @if (!token()) {
          <p class="form-error">This link is incomplete. Please open the link from the email again.</p>
        } @else if (verification.hasValue()) {
          <p class="form-success">Thank you! <strong>{{ verification.value().email }}</strong> is now the email of your account.</p>
          <a class="secondary-button" [routerLink]="store.isSignedIn() ? '/account' : '/sign-in'">
            {{ store.isSignedIn() ? 'Back to your account' : 'Sign in' }}
          </a>
        } @else if (verification.error()) {
          <p class="form-error" role="alert">{{ errorMessage() }}</p>
          <p>You can ask for a new link from <a routerLink="/account">your account</a>.</p>
        } @else {
          <p aria-busy="true">Confirming your new email…</p>
        }
      </div>
    </section>
  `,
})
export class VerifyEmailPage {
  private readonly api = inject(AccountApi);
  protected readonly store = inject(AuthStore);

  /** `?token=` from the confirmation mail. */
  readonly token = input<string>();

  protected readonly verification = resource({
    params: () => this.token() || undefined,
    loader: async ({ params: token }) => {
      const profile = await this.api.verifyEmail(token);
      if (this.store.user()?.id === profile.id) this.store.updateUser({ email: profile.email });
      return profile;
    },
  });

  protected readonly errorMessage = computed(() => describeApiError(this.verification.error()).message);
}
