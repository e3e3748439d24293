import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Address,
  AddressInput,
  ChangeEmailRequest,
  ChangePasswordRequest,
  DeleteAccountRequest,
  Profile,
  UpdateProfileRequest,
} from '@shared/accounts/accounts';
import { firstValueFrom } from 'rxjs';

/** The signed-in shopper's own account: /api/account. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  profile(): Promise<Profile> {
    return firstValueFrom(this.http.get<Profile>('/api/account'));
  }

  updateProfile(request: UpdateProfileRequest): Promise<Profile> {
    return firstValueFrom(this.http.patch<Profile>('/api/account', request));
  }

  /** Answers with a sentence for the shopper; the change waits for the link mailed to the new address. */
  changeEmail(request: ChangeEmailRequest): Promise<{ message: string }> {
    return firstValueFrom(this.http.post<{ message: string }>('/api/account/email', request));
  }

  verifyEmail(token: string): Promise<Profile> {
    return firstValueFrom(this.http.post<Profile>('/api/account/email/verify', { token }));
  }

  changePassword(request: ChangePasswordRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/account/password', request));
  }

  /** The whole response, so the file name can be read from Content-Disposition. */
  exportData(): Promise<HttpResponse<Blob>> {
    return firstValueFrom(this.http.get('/api/account/export', { observe: 'response', responseType: 'blob' }));
  }

  deleteAccount(request: DeleteAccountRequest): Promise<void> {
    return firstValueFrom(this.http.delete<void>('/api/account', { body: request }));
  }

  addresses(): Promise<Address[]> {
    return firstValueFrom(this.http.get<Address[]>('/api/account/addresses'));
  }

  addAddress(address: AddressInput): Promise<Address> {
    return firstValueFrom(this.http.post<Address>('/api/account/addresses', address));
  }

  updateAddress(addressId: string, changes: Partial<AddressInput>): Promise<Address> {
    return firstValueFrom(this.http.patch<Address>(`/api/account/addresses/${encodeURIComponent(addressId)}`, changes));
  }

  deleteAddress(addressId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/account/addresses/${encodeURIComponent(addressId)}`));
  }
}
