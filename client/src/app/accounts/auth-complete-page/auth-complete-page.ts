import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { safeReturnPath } from '../../core/auth/return-path';

/**
 * Where a social login lands: the server has set the refresh cookie, so one refresh signs the
 * shopper in here too, and they continue to where they started.
 */
@Component({
  selector: 'shop-auth-complete-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="form-page">
      <div class="panel" aria-live="polite">
        @if (failed()) {
          <h1>We couldn't sign you in</h1>
          <p class="form-error" role="alert">Signing in with that account didn't work. Please try again, or use your email and password.</p>
          <a class="secondary-button" routerLink="/sign-in" [queryParams]="{ returnTo: returnTo() ?? null }">Back to sign in</a>
        } @else {
          <h1>Signing you in…</h1>
          <p aria-busy="true">One moment, please.</p>
        }
      </div>
    </section>
  `,
})
export class AuthCompletePage implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  readonly returnTo = input<string>();

  protected readonly failed = signal(false);

  /** Not the constructor: `returnTo` is bound from the URL only after it. */
  ngOnInit(): void {
    void this.completeSignIn();
  }

  private async completeSignIn(): Promise<void> {
    try {
      // The start-up refresh has usually signed the shopper in already on this full page load.
      if (!this.store.isSignedIn()) await this.store.refresh();
    } catch {
      this.failed.set(true);
      return;
    }
    await this.router.navigateByUrl(safeReturnPath(this.returnTo()), { replaceUrl: true });
  }
}
