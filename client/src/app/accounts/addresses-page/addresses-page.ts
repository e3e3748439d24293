import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, resource, signal, viewChild } from '@angular/core';
import type { Address } from '@shared/accounts/accounts';
import { describeApiError } from '../../core/http/api-error';
import { AccountApi } from '../account-api';
import { AccountNav } from '../account-nav';
import { PostalAddress } from '../postal-address/postal-address';
import { AddressForm } from './address-form';

@Component({
  selector: 'shop-addresses-page',
  imports: [AccountNav, AddressForm, PostalAddress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './addresses-page.html',
  styleUrl: './addresses-page.scss',
})
export class AddressesPage {
  private readonly api = inject(AccountApi);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly addresses = resource({ loader: () => this.api.addresses() });
  /** Which form is open: a new address, or the id of the one being edited. */
  protected readonly editing = signal<'new' | string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly loadError = computed(() => describeApiError(this.addresses.error()).message);

  protected startAdding(): void {
    this.resetMessages();
    this.editing.set('new');
  }

  protected startEditing(address: Address): void {
    this.resetMessages();
    this.confirmingDelete.set(null);
    this.editing.set(address.id);
  }

  protected closeForm(): void {
    this.editing.set(null);
    this.heading().nativeElement.focus();
  }

  protected addressSaved(address: Address): void {
    this.status.set(`Saved the address for ${address.name}.`);
    this.editing.set(null);
    this.heading().nativeElement.focus();
    // A new default changes the others too, so the list is read again.
    this.addresses.reload();
  }

  protected async makeDefault(address: Address): Promise<void> {
    await this.change(address, () => this.api.updateAddress(address.id, { isDefault: true }), `${this.titleOf(address)} is now your default address.`);
  }

  protected async deleteAddress(address: Address): Promise<void> {
    await this.change(address, () => this.api.deleteAddress(address.id), `Deleted ${this.titleOf(address)}.`);
    this.confirmingDelete.set(null);
  }

  protected titleOf(address: Address): string {
    return address.label || address.name;
  }

  private async change(address: Address, request: () => Promise<unknown>, doneMessage: string): Promise<void> {
    if (this.busyId()) return;
    this.resetMessages();
    this.busyId.set(address.id);
    try {
      await request();
      this.status.set(doneMessage);
      this.addresses.reload();
    } catch (error) {
      this.actionError.set(describeApiError(error).message);
    } finally {
      this.busyId.set(null);
    }
  }

  private resetMessages(): void {
    this.status.set(null);
    this.actionError.set(null);
  }
}
