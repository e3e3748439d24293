import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Order, OrderList, OrderStatusChangeRequest } from '@shared/orders/order';
import type { OrderStatus } from '@shared/orders/order-status';
import { firstValueFrom } from 'rxjs';
import { queryParams } from '../../orders/orders-api';

/** Every order, for admins: /api/admin/orders. */
@Injectable({ providedIn: 'root' })
export class AdminOrdersApi {
  private readonly http = inject(HttpClient);

  list(query: { status?: OrderStatus; cursor?: string } = {}): Promise<OrderList> {
    return firstValueFrom(this.http.get<OrderList>('/api/admin/orders', { params: queryParams(query) }));
  }

  get(orderId: string): Promise<Order> {
    return firstValueFrom(this.http.get<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}`));
  }

  /** 409 when the move is not allowed from the order's status, also when another admin moved it first. */
  changeStatus(orderId: string, change: OrderStatusChangeRequest): Promise<Order> {
    return firstValueFrom(this.http.post<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}/status`, change));
  }
}
