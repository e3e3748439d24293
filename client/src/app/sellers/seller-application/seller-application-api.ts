import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SellerApplication, SellerApplicationInput } from '@shared/sellers/seller';
import { firstValueFrom } from 'rxjs';

/** A customer's application to sell: /api/seller-application. */
@Injectable({ providedIn: 'root' })
export class SellerApplicationApi {
  private readonly http = inject(HttpClient);

  /** Null when the account has not applied. */
  async mine(): Promise<SellerApplication | null> {
    try {
      return await firstValueFrom(this.http.get<SellerApplication>('/api/seller-application'));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) return null;
      throw error;
    }
  }

  apply(application: SellerApplicationInput): Promise<SellerApplication> {
    return firstValueFrom(this.http.post<SellerApplication>('/api/seller-application', application));
  }
}
