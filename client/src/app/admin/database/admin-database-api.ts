import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DatabaseOverview, DatabaseReseed } from '@shared/admin/database';
import { firstValueFrom } from 'rxjs';
import { fetchAttachment } from '../../core/downloads/file-downloads';

@Injectable({ providedIn: 'root' })
export class AdminDatabaseApi {
  private readonly http = inject(HttpClient);

  overview(): Promise<DatabaseOverview> {
    return firstValueFrom(this.http.get<DatabaseOverview>('/api/admin/db'));
  }

  /** Fetched rather than linked, so that the request carries the access token. */
  exportCollection(name: string): Promise<HttpResponse<Blob>> {
    return fetchAttachment(this.http, `/api/admin/db/collections/${encodeURIComponent(name)}/export`);
  }

  reseed(): Promise<DatabaseReseed> {
    return firstValueFrom(this.http.post<DatabaseReseed>('/api/admin/db/reseed', null));
  }
}
