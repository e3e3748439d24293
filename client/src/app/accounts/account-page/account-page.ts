import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Profile } from '@shared/accounts/accounts';
import { AuthStore } from '../../core/auth/auth-store';
import { describeApiError } from '../../core/http/api-error';
import { AccountApi } from '../account-api';
import { AccountNav } from '../account-nav';
import { DataExport } from './data-export';
import { DeleteAccount } from './delete-account';
import { EmailForm } from './email-form';
import { NameForm } from './name-form';
import { SellerApplicationForm } from '../../sellers/seller-application/seller-application-form';
import { PasswordForm } from './password-form';

@Component({
  selector: 'shop-account-page',
  imports: [DatePipe, RouterLink, AccountNav, NameForm, EmailForm, PasswordForm, SellerApplicationForm, DataExport, DeleteAccount],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
})
export class AccountPage {
  private readonly api = inject(AccountApi);
  private readonly store = inject(AuthStore);

  protected readonly profile = resource({ loader: () => this.api.profile() });
  protected readonly loadError = computed(() => describeApiError(this.profile.error()).message);
  /** Customers may apply to sell; a seller's application is behind them, and admins are the shop. */
  protected readonly mayApplyToSell = computed(() => this.store.user()?.role !== 'admin');

  protected showProfile(updated: Profile): void {
    this.profile.set(updated);
    this.store.updateUser({ name: updated.name, email: updated.email });
  }

  protected showPendingEmail(pendingEmail: string): void {
    this.profile.update((profile) => (profile ? { ...profile, pendingEmail } : profile));
  }
}
