import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { describeApiError } from '../../core/http/api-error';
import { AccountApi } from '../account-api';

const defaultFileName = 'mean-shop-my-data.json';

/** `attachment; filename="x.json"` → `x.json`; anything odd falls back to our own name. */
export function attachmentFileName(contentDisposition: string | null): string {
  const match = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  const name = match?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : defaultFileName;
}

@Component({
  selector: 'shop-data-export',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel wide" aria-labelledby="export-heading">
      <h2 id="export-heading">Your data</h2>
      <p class="lead">Download everything we keep about you — profile, addresses and sign-in history — as a JSON file.</p>
      <div class="form-success" role="status">@if (downloaded(); as name) { Saved as {{ name }}. }</div>
      <div class="form-error" role="alert">@if (error(); as message) { {{ message }} }</div>
      <button type="button" class="secondary" [disabled]="downloading()" (click)="downloadMyData()">
        {{ downloading() ? 'Preparing your file…' : 'Download my data' }}
      </button>
    </section>
  `,
})
export class DataExport {
  private readonly api = inject(AccountApi);
  private readonly document = inject(DOCUMENT);

  protected readonly downloading = signal(false);
  protected readonly downloaded = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async downloadMyData(): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloaded.set(null);
    this.error.set(null);
    try {
      // Fetched rather than linked, so the request carries the access token.
      const response = await this.api.exportData();
      const fileName = attachmentFileName(response.headers.get('Content-Disposition'));
      this.saveFile(response.body ?? new Blob([], { type: 'application/json' }), fileName);
      this.downloaded.set(fileName);
    } catch (error) {
      this.error.set(describeApiError(error).message);
    } finally {
      this.downloading.set(false);
    }
  }

  private saveFile(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    this.document.body.append(link);
    link.click();
    link.remove();
    // Revoked on a later task: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
