import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CheckoutOptions, Order, OrderList, PlaceOrderRequest } from '@shared/orders/order';
import { firstValueFrom } from 'rxjs';

/** Query parameters without the ones not given. */
export function queryParams(values: Record<string, string | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) if (value) params = params.set(key, value);
  return params;
}

/** The shopper's checkout and orders: /api/checkout and /api/orders (scratch api-contract, SPEC section 6). */
@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly http = inject(HttpClient);

  checkoutOptions(): Promise<CheckoutOptions> {
    return firstValueFrom(this.http.get<CheckoutOptions>('/api/checkout/options'));
  }

  /**
   * Places an order from the caller's cart. The key names the attempt: the same key with the same
   * request is answered like the first and creates nothing.
   */
  placeOrder(request: PlaceOrderRequest, idempotencyKey: string): Promise<Order> {
    const headers = new HttpHeaders({ 'Idempotency-Key': idempotencyKey });
    return firstValueFrom(this.http.post<Order>('/api/orders', request, { headers }));
  }

  /** The signed-in shopper's orders, newest first; `cursor` is the `nextCursor` of the page before. */
  list(cursor?: string): Promise<OrderList> {
    return firstValueFrom(this.http.get<OrderList>('/api/orders', { params: queryParams({ cursor }) }));
  }

  /** One's own order, or a guest's with the token of its link. */
  get(orderId: string, token?: string): Promise<Order> {
    return firstValueFrom(this.http.get<Order>(`/api/orders/${encodeURIComponent(orderId)}`, { params: queryParams({ token }) }));
  }

  cancel(orderId: string, token?: string): Promise<Order> {
    return firstValueFrom(this.http.post<Order>(`/api/orders/${encodeURIComponent(orderId)}/cancel`, {}, { params: queryParams({ token }) }));
  }
}
