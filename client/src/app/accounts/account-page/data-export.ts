import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { attachmentFileName, FileDownloads } from '../../core/downloads/file-downloads';
import { describeApiError } from '../../core/http/api-error';
import { AccountApi } from '../account-api';

const defaultFileName = 'mean-shop-my-data.json';


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
  private readonly downloads = inject(FileDownloads);

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
      const fileName = attachmentFileName(response.headers.get('Content-Disposition'), defaultFileName);
      this.downloads.save(response.body ?? new Blob([], { type: 'application/json' }), fileName);
      this.downloaded.set(fileName);
    } catch (error) {
      this.error.set(describeApiError(error).message);
    } finally {
      this.downloading.set(false);
    }
  }
}
