import { DatePipe } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, resource, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { maxLiveSellerApiKeys, sellerApiKeyInputSchema, type CreatedSellerApiKey, type SellerApiKey, type SellerApiScope } from '@shared/sellers/seller-api';
import { ConfirmDialog } from '../../../core/confirm-dialog/confirm-dialog';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { applyApiErrors } from '../../../core/forms/form-api-errors';
import { FormSubmission } from '../../../core/forms/form-submission';
import { schemaValidator } from '../../../core/forms/schema-validator';
import { describeApiError } from '../../../core/http/api-error';
import { describeSellerAreaError, suspendedMessage } from '../../seller-standing';
import { SellerKeysApi } from '../seller-keys-api';

/** What a key may do, as the form offers it: `read` alone, or `read` with `write`. */
export type KeyAccess = 'read' | 'write';

export function scopesOf(access: KeyAccess): SellerApiScope[] {
  return access === 'write' ? ['read', 'write'] : ['read'];
}

export function accessLabel(scopes: readonly SellerApiScope[]): string {
  return scopes.includes('write') ? 'Read and write' : 'Read only';
}

/**
 * /seller/keys: the seller's API keys for their own integrations. A new key's secret is shown once,
 * right after it is made, with a copy button: the shop keeps only its hash, so nobody can show it
 * again. Revoking asks first, since whatever uses the key stops working at once.
 */
@Component({
  selector: 'shop-seller-keys-page',
  imports: [ConfirmDialog, DatePipe, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './seller-keys-page.html',
  styleUrl: './seller-keys-page.scss',
})
export class SellerKeysPage {
  private readonly api = inject(SellerKeysApi);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly confirmDialog = viewChild.required(ConfirmDialog);

  protected readonly keys = resource({ loader: () => this.api.list() });
  protected readonly items = computed(() => (this.keys.hasValue() ? this.keys.value().items : []));
  protected readonly liveCount = computed(() => this.items().filter((key) => key.revokedAt === null).length);
  protected readonly atLimit = computed(() => this.liveCount() >= maxLiveSellerApiKeys);
  protected readonly loadError = computed(() => describeSellerAreaError(this.keys.error()));
  protected readonly maxLiveKeys = maxLiveSellerApiKeys;
  protected readonly accessLabel = accessLabel;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', schemaValidator(sellerApiKeyInputSchema.shape.name)],
    access: ['read' as KeyAccess],
  });
  protected readonly submission = new FormSubmission(this.form, {
    focusWithin: this.host.nativeElement,
    showFailure: (error) => (describeApiError(error).status === 403 ? suspendedMessage : applyApiErrors(this.form, error, { 'body.scopes': 'access' })),
  });
  protected readonly showsError = showsError;

  /** The key just made, with its secret: on screen until the seller says it is stored, never again. */
  protected readonly created = signal<CreatedSellerApiKey | null>(null);
  protected readonly copyStatus = signal<string | null>(null);

  protected readonly pendingRevoke = signal<SellerApiKey | null>(null);
  protected readonly revoking = signal(false);
  protected readonly statusMessage = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected async createKey(): Promise<void> {
    this.statusMessage.set(null);
    this.actionError.set(null);
    const { name, access } = this.form.getRawValue();
    const result: { created?: CreatedSellerApiKey } = {};
    const done = await this.submission.submit(async () => {
      result.created = await this.api.create({ name: name.trim(), scopes: scopesOf(access) });
    });
    if (!done || !result.created) return;
    this.created.set(result.created);
    this.copyStatus.set(null);
    this.form.reset({ name: '', access: 'read' });
    this.keys.reload();
    // The secret is what matters now: focus goes to it, so it is read out and can be copied at once.
    this.focusAfterRender('#new-key-secret');
  }

  protected async copySecret(field: HTMLTextAreaElement): Promise<void> {
    const key = this.created()?.key;
    if (!key) return;
    try {
      await navigator.clipboard.writeText(key);
      this.copyStatus.set('Copied. Paste it where your integration keeps its secrets.');
    } catch {
      // Some browsers refuse the clipboard (an insecure address, a denied permission): the key is selected for a manual copy.
      field.select();
      this.copyStatus.set('Your browser did not let us copy. The key is selected: copy it with Ctrl+C (⌘C on a Mac).');
    }
  }

  protected forgetSecret(): void {
    this.created.set(null);
    this.copyStatus.set(null);
    // To the list, where the new key now is; not the emptied name field, which would complain once left.
    this.focusAfterRender('#keys-heading');
  }

  protected askToRevoke(key: SellerApiKey): void {
    this.statusMessage.set(null);
    this.actionError.set(null);
    this.pendingRevoke.set(key);
    this.confirmDialog().open();
  }

  protected async confirmRevoke(): Promise<void> {
    const key = this.pendingRevoke();
    if (!key || this.revoking()) return;
    this.revoking.set(true);
    try {
      await this.api.revoke(key.id);
      this.statusMessage.set(`“${key.name}” is revoked: requests with it are refused from now on.`);
      if (this.created()?.id === key.id) this.created.set(null);
      this.keys.reload();
    } catch (error) {
      this.actionError.set(`“${key.name}” was not revoked: ${describeSellerAreaError(error)}`);
    } finally {
      this.revoking.set(false);
      this.pendingRevoke.set(null);
      this.confirmDialog().close();
    }
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
