import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminProduct,
  AdminProductBulk,
  AdminProductBulkResult,
  AdminProductInput,
  AdminProductList,
  AdminProductUpdate,
  Category,
  ProductStatus,
} from '@shared/catalog/product';
import type { UploadedImage } from '@shared/media/media.schema';
import { firstValueFrom, type Observable } from 'rxjs';
import { uploadImageWithProgress, type ProductEditorApi } from './product-editor/product-editor-api';

export interface AdminProductsQuery {
  q?: string | undefined;
  status?: ProductStatus | undefined;
  /** A category slug; its sub-categories are included. */
  category?: string | undefined;
  page: number;
  limit: number;
}

/** The admin products area's calls: the list, one product, create and edit, bulk actions and image uploads. */
@Injectable({ providedIn: 'root' })
export class AdminProductsApi implements ProductEditorApi {
  private readonly http = inject(HttpClient);

  list({ q, status, category, page, limit }: AdminProductsQuery): Promise<AdminProductList> {
    let params = new HttpParams().set('page', page).set('limit', limit);
    if (q) params = params.set('q', q);
    if (status) params = params.set('status', status);
    if (category) params = params.set('category', category);
    return firstValueFrom(this.http.get<AdminProductList>('/api/admin/products', { params }));
  }

  get(productId: string): Promise<AdminProduct> {
    return firstValueFrom(this.http.get<AdminProduct>(`/api/admin/products/${encodeURIComponent(productId)}`));
  }

  create(input: AdminProductInput): Promise<AdminProduct> {
    return firstValueFrom(this.http.post<AdminProduct>('/api/admin/products', input));
  }

  update(productId: string, changes: AdminProductUpdate): Promise<AdminProduct> {
    return firstValueFrom(this.http.patch<AdminProduct>(`/api/admin/products/${encodeURIComponent(productId)}`, changes));
  }

  bulk(request: AdminProductBulk): Promise<AdminProductBulkResult> {
    return firstValueFrom(this.http.post<AdminProductBulkResult>('/api/admin/products/bulk', request));
  }

  categories(): Promise<Category[]> {
    return firstValueFrom(this.http.get<Category[]>('/api/admin/categories'));
  }

  /** One image as multipart `file`, with upload progress events, then the stored image. */
  uploadImage(file: File): Observable<HttpEvent<UploadedImage>> {
    return uploadImageWithProgress(this.http, file);
  }
}
