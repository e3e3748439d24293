import { DatePipe } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, numberAttribute, resource, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { AdminUpdateUserRequest, AdminUser, UserRole } from '@shared/accounts/accounts';
import { AuthStore } from '../../core/auth/auth-store';
import { describeApiError } from '../../core/http/api-error';
import { AdminUsersApi } from './admin-users-api';

export const adminUsersPageSize = 25;

/** Typed by the shared role list, so a new role fails to compile until it is given a label here. */
const roleLabels: Record<UserRole, string> = { customer: 'Customer', seller: 'Seller', admin: 'Admin' };
const roles = Object.keys(roleLabels) as UserRole[];

function isRole(value: unknown): value is UserRole {
  return typeof value === 'string' && Object.hasOwn(roleLabels, value);
}

@Component({
  selector: 'shop-admin-users-page',
  imports: [DatePipe, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-users-page.html',
  styleUrl: './admin-users-page.scss',
})
export class AdminUsersPage {
  private readonly api = inject(AdminUsersApi);
  private readonly router = inject(Router);
  private readonly store = inject(AuthStore);

  /** The search lives in the URL (`?q=&role=&page=`), so it can be shared and survives a reload. */
  readonly q = input<string>();
  readonly role = input<UserRole | undefined, unknown>(undefined, { transform: (value: unknown) => (isRole(value) ? value : undefined) });
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly filters = inject(NonNullableFormBuilder).group({ q: [''], role: ['' as UserRole | ''] });
  protected readonly roles = roles;
  protected readonly roleLabels = roleLabels;

  protected readonly users = resource({
    params: () => ({ q: this.q()?.trim() || undefined, role: this.role(), page: this.page() }),
    loader: ({ params }) => this.api.list({ ...params, limit: adminUsersPageSize }),
  });

  protected readonly pageCount = computed(() => {
    if (!this.users.hasValue()) return 1;
    const list = this.users.value();
    return Math.max(1, Math.ceil(list.total / list.limit));
  });

  protected readonly loadError = computed(() => describeApiError(this.users.error()).message);
  protected readonly busyId = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  constructor() {
    // The form shows the search in the URL, including after back and forward.
    effect(() => this.filters.setValue({ q: this.q() ?? '', role: this.role() ?? '' }, { emitEvent: false }));
    // Picking a role filters at once; the text search waits for the Search button.
    this.filters.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => void this.search());
  }

  protected isMe(user: AdminUser): boolean {
    return user.id === this.store.user()?.id;
  }

  protected async search(): Promise<void> {
    const { q, role } = this.filters.getRawValue();
    await this.router.navigate([], { queryParams: { q: q.trim() || null, role: role || null, page: null }, queryParamsHandling: 'merge' });
  }

  protected async changeRole(user: AdminUser, select: HTMLSelectElement): Promise<void> {
    const role = select.value;
    if (!isRole(role) || role === user.role) return;
    const saved = await this.update(user, { role }, `${user.name} is now ${roleLabels[role].toLowerCase()}.`);
    if (!saved) select.value = user.role;
  }

  protected async toggleDisabled(user: AdminUser, checkbox: HTMLInputElement): Promise<void> {
    const disabled = !checkbox.checked;
    const saved = await this.update(user, { disabled }, disabled ? `${user.name} can no longer sign in.` : `${user.name} can sign in again.`);
    if (!saved) checkbox.checked = !user.disabled;
  }

  private async update(user: AdminUser, changes: AdminUpdateUserRequest, doneMessage: string): Promise<boolean> {
    if (this.busyId()) return false;
    this.busyId.set(user.id);
    this.status.set(null);
    this.actionError.set(null);
    try {
      const updated = await this.api.update(user.id, changes);
      this.users.update((list) => list && { ...list, items: list.items.map((item) => (item.id === updated.id ? updated : item)) });
      this.status.set(doneMessage);
      return true;
    } catch (error) {
      this.actionError.set(`${user.name} was not changed: ${describeApiError(error).message}`);
      return false;
    } finally {
      this.busyId.set(null);
    }
  }
}
