import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AdminUser } from '@shared/accounts/accounts';
import type { AdminOrderFilters, AdminOrderListQuery, LineShipmentInput, Order, OrderList, OrderStatusChangeRequest } from '@shared/orders/order';
import { firstValueFrom } from 'rxjs';
import { fetchAttachment } from '../../core/downloads/file-downloads';
import { queryParams } from '../../orders/orders-api';
import { AdminUsersApi } from '../users/admin-users-api';

/** The users API answers at most this many a page. */
const sellersPageSize = 100;
/** Enough for a seller picker; past this many sellers a select is the wrong control anyway. */
const maxSellerPages = 10;

/** Every order, for admins: /api/admin/orders. */
@Injectable({ providedIn: 'root' })
export class AdminOrdersApi {
  private readonly http = inject(HttpClient);
  private readonly users = inject(AdminUsersApi);

  /** A page of the orders that match the filters, newest first; empty filters are left out of the query. */
  list(query: AdminOrderListQuery = {}): Promise<OrderList> {
    return firstValueFrom(this.http.get<OrderList>('/api/admin/orders', { params: queryParams(query) }));
  }

  /** Every order that matches the filters as CSV (`orders-YYYY-MM-DD.csv`); fetched, not linked, so it carries the access token. */
  exportCsv(filters: AdminOrderFilters): Promise<HttpResponse<Blob>> {
    return fetchAttachment(this.http, '/api/admin/orders/export.csv', queryParams(filters));
  }

  /** The sellers to filter by, by name. */
  async sellers(): Promise<AdminUser[]> {
    const sellers: AdminUser[] = [];
    for (let page = 1; page <= maxSellerPages; page += 1) {
      const list = await this.users.list({ role: 'seller', limit: sellersPageSize, page });
      sellers.push(...list.items);
      if (list.items.length < sellersPageSize || sellers.length >= list.total) break;
    }
    return sellers.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  }

  get(orderId: string): Promise<Order> {
    return firstValueFrom(this.http.get<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}`));
  }

  /** 409 when the move is not allowed from the order's status, also when another admin moved it first. */
  changeStatus(orderId: string, change: OrderStatusChangeRequest): Promise<Order> {
    return firstValueFrom(this.http.post<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}/status`, change));
  }

  /** Ships one of the shop's own lines (no seller's); 409 when the order cannot ship or the line went with another number. */
  shipLine(orderId: string, productId: string, shipment: LineShipmentInput): Promise<Order> {
    return firstValueFrom(this.http.post<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(productId)}/shipment`, shipment));
  }
}
