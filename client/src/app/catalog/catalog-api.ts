import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Category, ProductDetail, ProductList, ProductListQuery, ProductSummary } from '@shared/catalog/product';
import { firstValueFrom } from 'rxjs';

/** The catalogue's REST endpoints; request and response types come from shared/. */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);

  listProducts(query: ProductListQuery): Promise<ProductList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<ProductList>('/api/products', { params }));
  }

  /** One product by id or slug; rejects with a 404 `HttpErrorResponse` when there is no such product. */
  getProduct(idOrSlug: string): Promise<ProductDetail> {
    return firstValueFrom(this.http.get<ProductDetail>(`/api/products/${encodeURIComponent(idOrSlug)}`));
  }

  relatedProducts(idOrSlug: string): Promise<ProductSummary[]> {
    return firstValueFrom(this.http.get<ProductSummary[]>(`/api/products/${encodeURIComponent(idOrSlug)}/related`));
  }

  listCategories(): Promise<Category[]> {
    return firstValueFrom(this.http.get<Category[]>('/api/categories'));
  }
}

import type { MediaWidth } from '@shared/media/media-widths';

export { mediaWidths, type MediaWidth } from '@shared/media/media-widths';

/** The image itself, or its resized variant in the best format the browser accepts. */
export function mediaUrl(mediaId: string, width?: MediaWidth): string {
  const path = `/api/media/${encodeURIComponent(mediaId)}`;
  return width ? `${path}?w=${width}` : path;
}

/** `srcset` candidates, e.g. `/api/media/abc?w=320 320w, /api/media/abc?w=640 640w`. */
export function mediaSrcset(mediaId: string, widths: readonly MediaWidth[]): string {
  return widths.map((width) => `${mediaUrl(mediaId, width)} ${width}w`).join(', ');
}
