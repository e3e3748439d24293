import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuthResponse,
  ForgotPasswordRequest,
  LoginRequest,
  OidcProvider,
  RegisterRequest,
  ResetPasswordRequest,
} from '@shared/accounts/accounts';
import { firstValueFrom } from 'rxjs';

/** The /api/auth endpoints. Session state lives in AuthStore; this class only talks HTTP. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  register(request: RegisterRequest): Promise<AuthResponse> {
    return firstValueFrom(this.http.post<AuthResponse>('/api/auth/register', request));
  }

  login(request: LoginRequest): Promise<AuthResponse> {
    return firstValueFrom(this.http.post<AuthResponse>('/api/auth/login', request));
  }

  /**
   * Trades the httpOnly refresh cookie for a new access token; the cookie is rotated. `keepalive`
   * lets the call finish when the shopper navigates away meanwhile: otherwise the server rotates
   * the cookie, the browser never stores the new one, and the next page presents a spent cookie,
   * which the server treats as theft and ends the session everywhere.
   */
  refresh(): Promise<AuthResponse> {
    return firstValueFrom(this.http.post<AuthResponse>('/api/auth/refresh', null, { keepalive: true }));
  }

  logout(): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/logout', null));
  }

  forgotPassword(request: ForgotPasswordRequest): Promise<{ message: string }> {
    return firstValueFrom(this.http.post<{ message: string }>('/api/auth/password/forgot', request));
  }

  resetPassword(request: ResetPasswordRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password/reset', request));
  }

  oidcProviders(): Promise<OidcProvider[]> {
    return firstValueFrom(this.http.get<OidcProvider[]>('/api/auth/oidc/providers'));
  }
}

/** Social sign-in is a full-page redirect, so it is a plain link rather than an XHR. */
export function oidcSignInUrl(providerId: string, returnTo: string): string {
  return `/api/auth/oidc/${encodeURIComponent(providerId)}?returnTo=${encodeURIComponent(returnTo)}`;
}
