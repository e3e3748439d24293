import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AddCartItemRequest, Cart, UpdateCartItemRequest } from '@shared/cart/cart';
import { firstValueFrom } from 'rxjs';

/**
 * The caller's own cart: /api/cart. Guests are known by the cart cookie the browser sends with these
 * same-origin calls, signed-in shoppers by the token the auth interceptor adds. Every call answers
 * with the whole cart.
 */
@Injectable({ providedIn: 'root' })
export class CartApi {
  private readonly http = inject(HttpClient);

  cart(): Promise<Cart> {
    return firstValueFrom(this.http.get<Cart>('/api/cart'));
  }

  addItem(request: AddCartItemRequest): Promise<Cart> {
    return firstValueFrom(this.http.post<Cart>('/api/cart/items', request));
  }

  setQuantity(productId: string, request: UpdateCartItemRequest): Promise<Cart> {
    return firstValueFrom(this.http.patch<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`, request));
  }

  remove(productId: string): Promise<Cart> {
    return firstValueFrom(this.http.delete<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`));
  }
}
