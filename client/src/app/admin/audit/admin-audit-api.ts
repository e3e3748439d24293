import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditList, AuditListQuery } from '@shared/admin/audit';
import { firstValueFrom } from 'rxjs';
import { queryParams } from '../../orders/orders-api';

/** The audit log for admins: /api/admin/audit. */
@Injectable({ providedIn: 'root' })
export class AdminAuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditListQuery): Promise<AuditList> {
    return firstValueFrom(this.http.get<AuditList>('/api/admin/audit', { params: queryParams(query) }));
  }
}
