import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminProduct,
  AdminProductList,
  Category,
  ProductStatus,
  SellerProductInput,
  SellerProductUpdate,
  StockAdjustment,
  StockLevels,
  StockMovementList,
} from '@shared/catalog/product';
import type { UploadedImage } from '@shared/media/media.schema';
import { firstValueFrom, type Observable } from 'rxjs';
import { uploadImageWithProgress, type ProductEditorApi } from '../../admin/products/product-editor/product-editor-api';
import type { StockChangesApi } from '../../admin/stock/stock-changes-api';

export interface SellerProductsQuery {
  q?: string | undefined;
  status?: ProductStatus | undefined;
  lowStock?: boolean | undefined;
  page: number;
  limit: number;
}

/**
 * A seller's own products, with the signed-in seller's session: the list, one product, create and
 * edit, stock and its log (/api/seller/…), the shop's categories and image uploads. The server
 * answers only for the seller's own products (another one is 404), and 403 while the seller is
 * not in good standing.
 */
@Injectable({ providedIn: 'root' })
export class SellerProductsApi implements ProductEditorApi, StockChangesApi {
  private readonly http = inject(HttpClient);

  list({ q, status, lowStock, page, limit }: SellerProductsQuery): Promise<AdminProductList> {
    let params = new HttpParams().set('page', page).set('limit', limit);
    if (q) params = params.set('q', q);
    if (status) params = params.set('status', status);
    if (lowStock) params = params.set('lowStock', 'true');
    return firstValueFrom(this.http.get<AdminProductList>('/api/seller/catalogue', { params }));
  }

  get(productId: string): Promise<AdminProduct> {
    return firstValueFrom(this.http.get<AdminProduct>(`/api/seller/products/${encodeURIComponent(productId)}`));
  }

  create(input: SellerProductInput): Promise<AdminProduct> {
    return firstValueFrom(this.http.post<AdminProduct>('/api/seller/products', input));
  }

  update(productId: string, changes: SellerProductUpdate): Promise<AdminProduct> {
    return firstValueFrom(this.http.patch<AdminProduct>(`/api/seller/products/${encodeURIComponent(productId)}`, changes));
  }

  /** The storefront's categories: a seller files products under the shop's tree, not one of their own. */
  categories(): Promise<Category[]> {
    return firstValueFrom(this.http.get<Category[]>('/api/categories'));
  }

  uploadImage(file: File): Observable<HttpEvent<UploadedImage>> {
    return uploadImageWithProgress(this.http, file);
  }

  adjust(productId: string, adjustment: StockAdjustment): Promise<StockLevels> {
    return firstValueFrom(this.http.post<StockLevels>(`/api/seller/products/${encodeURIComponent(productId)}/stock`, adjustment));
  }

  movements(productId: string, page: number, limit: number): Promise<StockMovementList> {
    const params = new HttpParams().set('page', page).set('limit', limit);
    return firstValueFrom(this.http.get<StockMovementList>(`/api/seller/products/${encodeURIComponent(productId)}/stock-movements`, { params }));
  }
}
