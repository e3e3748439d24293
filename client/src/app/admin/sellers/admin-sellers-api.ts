import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AdminSeller, AdminSellerList, AdminSellerListQuery, AdminSellerUpdate } from '@shared/sellers/seller';
import { firstValueFrom } from 'rxjs';
import { queryParams } from '../../orders/orders-api';

/** Marketplace sellers for admins: /api/admin/sellers. */
@Injectable({ providedIn: 'root' })
export class AdminSellersApi {
  private readonly http = inject(HttpClient);

  list({ status, page, limit }: AdminSellerListQuery): Promise<AdminSellerList> {
    return firstValueFrom(this.http.get<AdminSellerList>('/api/admin/sellers', { params: queryParams({ status, page: page?.toString(), limit: limit?.toString() }) }));
  }

  update(sellerId: string, update: AdminSellerUpdate): Promise<AdminSeller> {
    return firstValueFrom(this.http.patch<AdminSeller>(`/api/admin/sellers/${encodeURIComponent(sellerId)}`, update));
  }
}
