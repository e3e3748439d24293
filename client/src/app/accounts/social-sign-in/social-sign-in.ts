import { ChangeDetectionStrategy, Component, computed, inject, input, resource } from '@angular/core';
import type { OidcProvider } from '@shared/accounts/accounts';
import { AuthApi, oidcSignInUrl } from '../../core/auth/auth-api';

/** One link per configured social login; nothing at all when there are none or the list fails to load. */
@Component({
  selector: 'shop-social-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (providers().length > 0) {
      <div class="social" role="group" aria-labelledby="social-sign-in-heading">
        <p class="divider" id="social-sign-in-heading">or continue with</p>
        @for (provider of providers(); track provider.id) {
          <a class="provider" [href]="linkTo(provider)">Continue with {{ provider.name }}</a>
        }
      </div>
    }
  `,
  styles: `
    .social { display: flex; flex-direction: column; gap: 0.6rem; margin-top: 1.5rem; }
    .divider { display: flex; align-items: center; gap: 0.75rem; margin: 0 0 0.25rem; color: var(--shop-muted); font-size: 0.9rem; }
    .divider::before, .divider::after { content: ''; flex: 1; border-top: 1px solid #dee2e6; }
    .provider {
      display: block; text-align: center; padding: 0.7rem 1rem; border-radius: 999px; font-weight: 600;
      color: var(--shop-ink); text-decoration: none; box-shadow: inset 0 0 0 1.5px var(--shop-border);
    }
    .provider:hover, .provider:focus-visible { box-shadow: inset 0 0 0 2px var(--shop-ink); }
  `,
})
export class SocialSignIn {
  private readonly api = inject(AuthApi);

  /** Where the shopper lands after the provider sends them back. */
  readonly returnTo = input('/');

  private readonly providerList = resource({ loader: () => this.api.oidcProviders() });

  protected readonly providers = computed<OidcProvider[]>(() => {
    if (!this.providerList.hasValue()) return [];
    const list = this.providerList.value();
    return Array.isArray(list) ? list : [];
  });

  protected linkTo(provider: OidcProvider): string {
    return oidcSignInUrl(provider.id, this.returnTo());
  }
}
