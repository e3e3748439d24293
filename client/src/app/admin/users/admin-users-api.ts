import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AdminUpdateUserRequest, AdminUser, AdminUserList, AdminUserListQuery } from '@shared/accounts/accounts';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AdminUsersApi {
  private readonly http = inject(HttpClient);

  list(query: AdminUserListQuery): Promise<AdminUserList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<AdminUserList>('/api/admin/users', { params }));
  }

  update(userId: string, changes: AdminUpdateUserRequest): Promise<AdminUser> {
    return firstValueFrom(this.http.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(userId)}`, changes));
  }
}
