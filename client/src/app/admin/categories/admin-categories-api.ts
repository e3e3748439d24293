import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Category, CategoryInput, CategoryUpdate } from '@shared/catalog/product';
import { firstValueFrom } from 'rxjs';

/** The categories page's calls: the whole list with product counts, and one category's changes. */
@Injectable({ providedIn: 'root' })
export class AdminCategoriesApi {
  private readonly http = inject(HttpClient);

  list(): Promise<Category[]> {
    return firstValueFrom(this.http.get<Category[]>('/api/admin/categories'));
  }

  create(category: CategoryInput): Promise<Category> {
    return firstValueFrom(this.http.post<Category>('/api/admin/categories', category));
  }

  update(categoryId: string, changes: CategoryUpdate): Promise<Category> {
    return firstValueFrom(this.http.patch<Category>(`/api/admin/categories/${encodeURIComponent(categoryId)}`, changes));
  }

  remove(categoryId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/admin/categories/${encodeURIComponent(categoryId)}`));
  }
}
