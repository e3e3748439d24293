import { computed, inject, Injectable, signal } from '@angular/core';
import type { AuthResponse, AuthUser, LoginRequest, RegisterRequest } from '@shared/accounts/accounts';
import { AuthApi } from './auth-api';

interface SessionState {
  user: AuthUser | null;
  /** Kept in memory only: a page reload gets a new one from the refresh cookie. */
  accessToken: string | null;
}

const signedOut: SessionState = { user: null, accessToken: null };

/** Lets tabs of one browser take turns: the server revokes every session when a refresh cookie is used twice. */
const refreshLockName = 'mean-shop-auth-refresh';

/** Who is signed in, and the calls that change it. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<SessionState>(signedOut);
  private pendingRefresh: Promise<AuthResponse> | null = null;

  readonly user = computed(() => this.state().user);
  readonly accessToken = computed(() => this.state().accessToken);
  readonly isSignedIn = computed(() => this.state().user !== null);
  readonly isAdmin = computed(() => this.state().user?.role === 'admin');
  readonly isSeller = computed(() => this.state().user?.role === 'seller');

  async signIn(credentials: LoginRequest): Promise<AuthUser> {
    return this.startSession(await this.api.login(credentials));
  }

  async register(request: RegisterRequest): Promise<AuthUser> {
    return this.startSession(await this.api.register(request));
  }

  /**
   * Gets a new access token from the refresh cookie. Callers that ask while one refresh is on its
   * way share it. A failed refresh means the session is over, so the store is cleared.
   */
  refresh(): Promise<AuthResponse> {
    this.pendingRefresh ??= this.exchangeRefreshCookie()
      .then((response) => {
        this.startSession(response);
        return response;
      })
      .catch((error: unknown) => {
        this.clear();
        throw error;
      })
      .finally(() => {
        this.pendingRefresh = null;
      });
    return this.pendingRefresh;
  }

  /** Run once at start-up: a refresh cookie from an earlier visit signs the shopper back in. */
  async restoreSession(): Promise<void> {
    try {
      await this.refresh();
    } catch {
      // No cookie, an expired one, or the API is down: the shop starts signed out.
    }
  }

  /** Ends the session on the server too; the local session is cleared even if that call fails. */
  async signOut(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      // Nothing to undo: the access token is dropped below, and the cookie dies with its session.
    } finally {
      this.clear();
    }
  }

  startSession(response: AuthResponse): AuthUser {
    this.state.set({ user: response.user, accessToken: response.accessToken });
    return response.user;
  }

  /** Keeps the header in step after the profile changes the name or email. */
  updateUser(changes: Partial<Pick<AuthUser, 'name' | 'email'>>): void {
    this.state.update((state) => (state.user ? { ...state, user: { ...state.user, ...changes } } : state));
  }

  clear(): void {
    this.state.set(signedOut);
  }

  private async exchangeRefreshCookie(): Promise<AuthResponse> {
    const locks = globalThis.navigator?.locks;
    if (!locks) return this.api.refresh();
    // The lock resolves with what the callback's promise resolves to.
    return await locks.request(refreshLockName, () => this.api.refresh());
  }
}
