import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Stats, StatsQuery } from '@shared/admin/stats';
import { firstValueFrom } from 'rxjs';

/** The overview's figures, for admins: `GET /api/admin/stats` (shared `statsQuerySchema`). */
@Injectable({ providedIn: 'root' })
export class AdminStatsApi {
  private readonly http = inject(HttpClient);

  stats({ from, to, tz = 'UTC' }: StatsQuery): Promise<Stats> {
    return firstValueFrom(this.http.get<Stats>('/api/admin/stats', { params: { from, to, tz } }));
  }
}
