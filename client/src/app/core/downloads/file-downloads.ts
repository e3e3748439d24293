import { DOCUMENT } from '@angular/common';
import { type HttpClient, HttpErrorResponse, type HttpParams, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** `attachment; filename="orders-2026-03-10.csv"` → `orders-2026-03-10.csv`; a missing or odd name (a path, say) gives `fallback`. */
export function attachmentFileName(contentDisposition: string | null, fallback: string): string {
  const name = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '')?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : fallback;
}

/** A blob request's error arrives as a Blob: read it as the API's JSON error, so the page can say why. */
async function withJsonErrorBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  } catch {
    return error;
  }
}

/**
 * GETs a file the API answers as an attachment. Fetched through HttpClient rather than linked, so
 * that the request carries the access token the interceptor adds; a failure is thrown with the
 * API's JSON error read from the blob, ready for `describeApiError`.
 */
export async function fetchAttachment(http: HttpClient, url: string, params?: HttpParams): Promise<HttpResponse<Blob>> {
  try {
    return await firstValueFrom(http.get(url, { params, observe: 'response', responseType: 'blob' }));
  } catch (error) {
    throw await withJsonErrorBody(error);
  }
}

/** Hands a fetched file to the browser's downloads, as a link with `download` would. */
@Injectable({ providedIn: 'root' })
export class FileDownloads {
  private readonly document = inject(DOCUMENT);

  save(blob: Blob, fileName: string): void {
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
