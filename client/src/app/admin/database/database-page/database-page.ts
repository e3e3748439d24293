import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import type { DatabaseCollection, DatabaseIndex } from '@shared/admin/database';
import { AuthStore } from '../../../core/auth/auth-store';
import { ConfirmDialog } from '../../../core/confirm-dialog/confirm-dialog';
import { attachmentFileName, FileDownloads } from '../../../core/downloads/file-downloads';
import { describeApiError } from '../../../core/http/api-error';
import { AdminDatabaseApi } from '../admin-database-api';
import { byteSize } from '../byte-size';

/** `attachment; filename="products.ndjson"` → `products.ndjson`; anything odd falls back to the collection's name. */
export function exportFileName(contentDisposition: string | null, collection: string): string {
  return attachmentFileName(contentDisposition, `${collection.replace(/[^\w.-]/g, '_')}.ndjson`);
}

/** `{ role: 1, createdAt: -1 }` → `role ↑, createdAt ↓`. */
function describeKeys(index: DatabaseIndex): string {
  return index.keys.map(({ field, order }) => (order === 1 ? `${field} ↑` : order === -1 ? `${field} ↓` : `${field} (${order})`)).join(', ');
}

@Component({
  selector: 'shop-database-page',
  imports: [ConfirmDialog, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './database-page.html',
  styleUrl: './database-page.scss',
})
export class DatabasePage {
  private readonly api = inject(AdminDatabaseApi);
  private readonly downloads = inject(FileDownloads);
  private readonly router = inject(Router);
  private readonly store = inject(AuthStore);
  private readonly reseedDialog = viewChild.required(ConfirmDialog);

  protected readonly overview = resource({ loader: () => this.api.overview() });
  protected readonly loadError = computed(() => describeApiError(this.overview.error()).message);
  /** Whether the page has anything to say about PostgreSQL: only on the embedded FerretDB. */
  protected readonly showsPostgres = computed(() => this.overview.hasValue() && this.overview.value().collections.some((collection) => collection.indexes.some((index) => index.servedByPostgres !== null)));

  protected readonly exporting = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly reseeding = signal(false);

  protected readonly byteSize = byteSize;
  protected readonly describeKeys = describeKeys;

  protected async exportCollection(collection: DatabaseCollection): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(collection.name);
    this.status.set(null);
    this.actionError.set(null);
    try {
      const response = await this.api.exportCollection(collection.name);
      const fileName = exportFileName(response.headers.get('Content-Disposition'), collection.name);
      this.downloads.save(response.body ?? new Blob([], { type: 'application/x-ndjson' }), fileName);
      this.status.set(`${collection.name} saved as ${fileName}.`);
    } catch (error) {
      this.actionError.set(`${collection.name} was not exported: ${describeApiError(error).message}`);
    } finally {
      this.exporting.set(null);
    }
  }

  protected askToReseed(): void {
    this.status.set(null);
    this.actionError.set(null);
    this.reseedDialog().open();
  }

  protected async reseed(): Promise<void> {
    if (this.reseeding()) return;
    this.reseeding.set(true);
    try {
      await this.api.reseed();
      this.reseedDialog().close();
      // Every account was replaced, this admin's too: the session is over, so sign in again with a demo account.
      this.store.clear();
      await this.router.navigate(['/sign-in'], { queryParams: { returnTo: '/admin/database' } });
    } catch (error) {
      this.reseedDialog().close();
      this.actionError.set(`The demo data was not seeded again: ${describeApiError(error).message}`);
    } finally {
      this.reseeding.set(false);
    }
  }
}
