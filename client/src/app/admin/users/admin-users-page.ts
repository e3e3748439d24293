import { DatePipe } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, numberAttribute, resource, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import type { AdminUpdateUserRequest, AdminUser, UserRole } from '@shared/accounts/accounts';
import { AuthStore } from '../../core/auth/auth-store';
import { ConfirmDialog } from '../../core/confirm-dialog/confirm-dialog';
import { describeApiError } from '../../core/http/api-error';
import { AdminUsersApi } from './admin-users-api';
import { Pager } from '../../catalog/pager/pager';

export const adminUsersPageSize = 25;

/** Typed by the shared role list, so a new role fails to compile until it is given a label here. */
const roleLabels: Record<UserRole, string> = { customer: 'Customer', seller: 'Seller', admin: 'Admin' };
const roles = Object.keys(roleLabels) as UserRole[];

function isRole(value: unknown): value is UserRole {
  return typeof value === 'string' && Object.hasOwn(roleLabels, value);
}

/** A change waiting for its confirmation, with the words the dialog shows. */
export interface PendingUserChange {
  user: AdminUser;
  changes: AdminUpdateUserRequest;
  heading: string;
  explanation: string;
  confirmLabel: string;
  doneMessage: string;
  /** Puts the control back as it was when the change is not made. */
  undo: () => void;
}

/** What a role allows, in the confirmation's words. */
const roleMeanings: Record<UserRole, string> = {
  customer: 'They can shop and see their own orders, and nothing of the dashboard.',
  seller: 'They can manage their own products, stock and order lines in the seller area.',
  admin: 'They can run the whole shop from the dashboard: orders, stock, users and the database.',
};

@Component({
  selector: 'shop-admin-users-page',
  imports: [ConfirmDialog, DatePipe, Pager, ReactiveFormsModule],
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
  protected readonly pending = signal<PendingUserChange | null>(null);
  private readonly confirmDialog = viewChild.required(ConfirmDialog);

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

  /** Picking a role only asks; the change is made once the dialog is confirmed. */
  protected askToChangeRole(user: AdminUser, select: HTMLSelectElement): void {
    const role = select.value;
    if (!isRole(role) || role === user.role) return;
    this.ask({
      user,
      changes: { role },
      heading: `Make ${user.name} ${role === 'admin' ? 'an admin' : `a ${roleLabels[role].toLowerCase()}`}?`,
      explanation: `${roleMeanings[role]} This takes effect at once, also in pages they have open.`,
      confirmLabel: `Make ${roleLabels[role].toLowerCase()}`,
      doneMessage: `${user.name} is now ${roleLabels[role].toLowerCase()}.`,
      undo: () => (select.value = user.role),
    });
  }

  protected askToToggleDisabled(user: AdminUser, checkbox: HTMLInputElement): void {
    const disabled = !checkbox.checked;
    this.ask({
      user,
      changes: { disabled },
      heading: disabled ? `Disable ${user.name}'s account?` : `Let ${user.name} sign in again?`,
      explanation: disabled
        ? `${user.email} is signed out everywhere at once and cannot sign in until the account is enabled again. Their orders are kept.`
        : `${user.email} can sign in again with their password.`,
      confirmLabel: disabled ? 'Disable account' : 'Enable account',
      doneMessage: disabled ? `${user.name} can no longer sign in.` : `${user.name} can sign in again.`,
      undo: () => (checkbox.checked = !user.disabled),
    });
  }

  protected cancelChange(): void {
    this.pending()?.undo();
    this.pending.set(null);
  }

  protected async confirmChange(): Promise<void> {
    const change = this.pending();
    if (!change || this.busyId()) return;
    this.busyId.set(change.user.id);
    try {
      const updated = await this.api.update(change.user.id, change.changes);
      this.users.update((list) => list && { ...list, items: list.items.map((item) => (item.id === updated.id ? updated : item)) });
      this.status.set(change.doneMessage);
    } catch (error) {
      change.undo();
      this.actionError.set(`${change.user.name} was not changed: ${describeApiError(error).message}`);
    } finally {
      this.busyId.set(null);
      this.pending.set(null);
      this.confirmDialog().close();
    }
  }

  private ask(change: PendingUserChange): void {
    if (this.busyId()) {
      change.undo();
      return;
    }
    this.status.set(null);
    this.actionError.set(null);
    this.pending.set(change);
    this.confirmDialog().open();
  }
}
