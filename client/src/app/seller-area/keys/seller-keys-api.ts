import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreatedSellerApiKey, SellerApiKeyInput, SellerApiKeyList } from '@shared/sellers/seller-api';
import { firstValueFrom } from 'rxjs';

/** The signed-in seller's Seller API keys: /api/seller/keys. */
@Injectable({ providedIn: 'root' })
export class SellerKeysApi {
  private readonly http = inject(HttpClient);

  list(): Promise<SellerApiKeyList> {
    return firstValueFrom(this.http.get<SellerApiKeyList>('/api/seller/keys'));
  }

  /** The answer is the only time the secret `key` is ever seen: the shop keeps its hash. */
  create(input: SellerApiKeyInput): Promise<CreatedSellerApiKey> {
    return firstValueFrom(this.http.post<CreatedSellerApiKey>('/api/seller/keys', input));
  }

  revoke(keyId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/seller/keys/${encodeURIComponent(keyId)}`));
  }
}
