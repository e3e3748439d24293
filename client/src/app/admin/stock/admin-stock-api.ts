import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AdminProductList, Category, ProductStock, StockAdjustment, StockLevels, StockMovementList } from '@shared/catalog/product';
import { firstValueFrom } from 'rxjs';
import type { StockChangesApi } from './stock-changes-api';

export interface StockListQuery {
  q?: string;
  category?: string;
  lowStock?: boolean;
  page: number;
  limit: number;
}

/** The stock page's calls: the admin product list, stock adjustments, thresholds and the movement log. */
@Injectable({ providedIn: 'root' })
export class AdminStockApi implements StockChangesApi {
  private readonly http = inject(HttpClient);

  list({ q, category, lowStock, page, limit }: StockListQuery): Promise<AdminProductList> {
    let params = new HttpParams().set('page', page).set('limit', limit);
    if (q) params = params.set('q', q);
    if (category) params = params.set('category', category);
    if (lowStock) params = params.set('lowStock', 'true');
    return firstValueFrom(this.http.get<AdminProductList>('/api/admin/products', { params }));
  }

  categories(): Promise<Category[]> {
    return firstValueFrom(this.http.get<Category[]>('/api/admin/categories'));
  }

  adjust(productId: string, adjustment: StockAdjustment): Promise<StockLevels> {
    return firstValueFrom(this.http.post<StockLevels>(`/api/admin/products/${encodeURIComponent(productId)}/stock`, adjustment));
  }

  setLowStockThreshold(productId: string, lowStockThreshold: number): Promise<ProductStock> {
    return firstValueFrom(this.http.put<ProductStock>(`/api/admin/products/${encodeURIComponent(productId)}/low-stock-threshold`, { lowStockThreshold }));
  }

  movements(productId: string, page: number, limit: number): Promise<StockMovementList> {
    const params = new HttpParams().set('page', page).set('limit', limit);
    return firstValueFrom(this.http.get<StockMovementList>(`/api/admin/products/${encodeURIComponent(productId)}/stock-movements`, { params }));
  }
}
