import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OrderStatus } from '@shared/orders/order-status';
import type { LineShipmentInput } from '@shared/orders/order';
import type { SellerOrder, SellerOrderList } from '@shared/sellers/seller-orders';
import { firstValueFrom } from 'rxjs';
import { queryParams } from '../../orders/orders-api';

/** Which of the seller's orders a list is of: what still waits on them, every one, or one status. */
export type SellerOrdersShown = { toShip: true } | { all: true } | { status: OrderStatus };

/**
 * The seller's side of the shoppers' orders, with the signed-in seller's session
 * (/api/seller/orders): only the seller's own lines of each order, never the shopper's email.
 */
@Injectable({ providedIn: 'root' })
export class SellerOrdersApi {
  private readonly http = inject(HttpClient);

  /** A page of orders with lines of the seller's, newest first; `cursor` is the `nextCursor` of the page before. */
  list(shown: SellerOrdersShown, cursor?: string): Promise<SellerOrderList> {
    const params = queryParams({
      status: 'status' in shown ? shown.status : undefined,
      toShip: 'toShip' in shown ? 'true' : undefined,
      cursor,
    });
    return firstValueFrom(this.http.get<SellerOrderList>('/api/seller/orders', { params }));
  }

  /** 404 for an order without a line of the seller's. */
  get(orderId: string): Promise<SellerOrder> {
    return firstValueFrom(this.http.get<SellerOrder>(`/api/seller/orders/${encodeURIComponent(orderId)}`));
  }

  /**
   * Ships one of the seller's lines and answers the order as it is now. 409 while the order is not
   * paid, once it is cancelled, or for a line already shipped with another tracking number; the
   * same carrier and number again are a safe retry.
   */
  ship(orderId: string, productId: string, shipment: LineShipmentInput): Promise<SellerOrder> {
    const url = `/api/seller/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(productId)}/shipment`;
    return firstValueFrom(this.http.post<SellerOrder>(url, shipment));
  }
}
