import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PublicSeller } from '@shared/sellers/seller';
import { firstValueFrom } from 'rxjs';

/** Marketplace sellers as shoppers see them: /api/sellers/:id. */
@Injectable({ providedIn: 'root' })
export class SellersApi {
  private readonly http = inject(HttpClient);

  /** Rejects with a 404 `HttpErrorResponse` for a seller who is unknown or not selling here now. */
  profile(sellerId: string): Promise<PublicSeller> {
    return firstValueFrom(this.http.get<PublicSeller>(`/api/sellers/${encodeURIComponent(sellerId)}`));
  }
}
