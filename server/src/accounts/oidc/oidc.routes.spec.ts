import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AuthResponse } from '@shared/accounts/accounts';
import type { ErrorBody } from '@shared/errors';
import { startLocalOidcProvider, type LocalOidcAccount, type LocalOidcProvider } from '../../../../e2e/local-oidc-provider';
import { createUser, signIn, uniqueEmail } from '../../../test/accounts-helpers';
import { useTestShop } from '../../../test/test-shop';
import { UserModel } from '../user.model';

/** What a browser keeps for one site: cookie paths and expiry dates are not needed here. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=.*1970/i.test(attribute) || /^\s*max-age=0$/i.test(attribute));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

describe('Social login with OpenID Connect (real local provider)', () => {
  const publicUrl = 'https://shop.example';
  const callbackUrl = `${publicUrl}/api/auth/oidc/local/callback`;
  const clientId = 'mean-shop-spec';
  const clientSecret = randomBytes(24).toString('base64url');
  const environment: Record<string, string> = {
    PUBLIC_URL: publicUrl,
    OIDC_PROVIDERS: 'local,late',
    OIDC_LOCAL_CLIENT_ID: clientId,
    OIDC_LOCAL_CLIENT_SECRET: clientSecret,
    OIDC_LOCAL_NAME: 'Local ID',
    OIDC_LATE_CLIENT_ID: clientId,
    OIDC_LATE_CLIENT_SECRET: clientSecret,
  };
  let provider: LocalOidcProvider;
  /** `late` is configured with a port where no provider listens until a spec starts one there. */
  let latePort: number;
  let lateProvider: LocalOidcProvider | undefined;

  // Before useTestShop, so the shop starts with the provider's address in its environment.
  beforeAll(async () => {
    provider = await startLocalOidcProvider({ port: 0, clientId, clientSecret, redirectUris: [callbackUrl] });
    environment['OIDC_LOCAL_ISSUER'] = provider.issuer;
    latePort = await freePort();
    environment['OIDC_LATE_ISSUER'] = `http://127.0.0.1:${latePort}`;
  });
  afterAll(async () => {
    await provider?.stop();
    await lateProvider?.stop();
  });

  const shop = useTestShop(environment);

  function newAccount(overrides: Partial<LocalOidcAccount> = {}): LocalOidcAccount {
    const account = { sub: `sub-${randomBytes(6).toString('hex')}`, email: uniqueEmail('social'), emailVerified: true, name: 'Grace Hopper', ...overrides };
    provider.setAccount(account);
    return account;
  }

  interface LoginAttempt {
    /** The shop's cookies after the callback: the refresh cookie on success. */
    shopCookies: CookieJar;
    /** The callback URL the provider sent the browser back to. */
    callback: URL;
    /** The shop's answer to the callback. */
    response: Response;
    /** Where the shop sends the browser from the callback. */
    landing: string;
  }

  /**
   * Does what a browser does: the shop redirects to the provider, whose page is filled in with the
   * email (or cancelled), and the provider's redirects are followed back to the shop's callback.
   * `beforeCallback` may tamper with the callback URL or the shop's cookies first.
   */
  async function socialLogin(
    email: string,
    options: { returnTo?: string; cancel?: boolean; beforeCallback?: (callback: URL, shopCookies: CookieJar) => void } = {},
  ): Promise<LoginAttempt> {
    const shopCookies = new CookieJar();
    const providerCookies = new CookieJar();
    const start = await shop.request(`/api/auth/oidc/local?returnTo=${encodeURIComponent(options.returnTo ?? '/orders')}`, { redirect: 'manual' });
    expect(start.status).withContext('start').toBe(302);
    shopCookies.store(start);

    let next = new URL(start.headers.get('location')!);
    while (next.href.startsWith(`${provider.issuer}/`)) {
      let response = await fetch(next, { redirect: 'manual', headers: { cookie: providerCookies.header() } });
      providerCookies.store(response);
      if (next.pathname.startsWith('/interaction/')) {
        expect(response.status).withContext('sign-in page').toBe(200);
        expect(await response.text()).toContain('name="email"');
        response = await fetch(next, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: providerCookies.header() },
          body: new URLSearchParams({ email, action: options.cancel ? 'cancel' : 'sign-in' }),
        });
        providerCookies.store(response);
      }
      if (response.status < 300 || response.status >= 400) throw new Error(`the provider answered ${response.status} at ${next.pathname}: ${await response.text()}`);
      next = new URL(response.headers.get('location')!, next);
    }

    expect(`${next.origin}${next.pathname}`).withContext('redirect_uri').toBe(callbackUrl);
    options.beforeCallback?.(next, shopCookies);
    const response = await shop.request(`${next.pathname}${next.search}`, { redirect: 'manual', headers: { cookie: shopCookies.header() } });
    expect(response.status).withContext('callback').toBe(302);
    shopCookies.store(response);
    return { shopCookies, callback: next, response, landing: response.headers.get('location')! };
  }

  /** The provider identities linked to an account, as plain pairs. */
  function identitiesOf(user: { oidcIdentities: Array<{ provider: string; subject: string }> } | null): Array<{ provider: string; subject: string }> {
    return (user?.oidcIdentities ?? []).map(({ provider, subject }) => ({ provider, subject }));
  }

  async function refresh(cookies: CookieJar): Promise<Response> {
    return shop.request('/api/auth/refresh', { method: 'POST', headers: { cookie: cookies.header() } });
  }

  const refused = `${publicUrl}/sign-in?error=social_login_failed`;

  function expectRefused(attempt: LoginAttempt): void {
    expect(attempt.landing).toBe(refused);
    expect(attempt.shopCookies.get('shop_refresh')).withContext('refresh cookie').toBeUndefined();
    expect(attempt.shopCookies.get('shop_oidc')).withContext('login state cookie').toBeUndefined();
  }

  it('lists the configured providers by id and display name', async () => {
    const response = await shop.request('/api/auth/oidc/providers');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { id: 'local', name: 'Local ID' },
      { id: 'late', name: 'Late' },
    ]);
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, kept in an encrypted, Lax, httpOnly cookie', async () => {
    const response = await shop.request('/api/auth/oidc/local?returnTo=/orders', { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
    const parameters = Object.fromEntries(location.searchParams);
    expect(parameters).toEqual(
      jasmine.objectContaining({ response_type: 'code', client_id: clientId, redirect_uri: callbackUrl, scope: 'openid email profile', code_challenge_method: 'S256' }),
    );
    expect(parameters['code_challenge']).toMatch(/^[\w-]{43}$/);
    expect(parameters['state']).toMatch(/^[\w-]{20,}$/);
    expect(parameters['nonce']).toMatch(/^[\w-]{20,}$/);

    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('shop_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc(;|$)/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).not.toContain(parameters['state']!);
  });

  it('answers 404 in the error shape for a provider that is not configured', async () => {
    const response = await shop.request('/api/auth/oidc/myspace', { redirect: 'manual' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('creates a customer account with the linked identity on a first sign-in, and the refresh cookie then signs in', async () => {
    const account = newAccount();
    const attempt = await socialLogin(account.email, { returnTo: '/orders?page=2' });

    expect(attempt.landing).toBe(`${publicUrl}/auth/complete?returnTo=${encodeURIComponent('/orders?page=2')}`);
    expect(attempt.shopCookies.get('shop_oidc')).withContext('login state cookie').toBeUndefined();
    const refreshed = await refresh(attempt.shopCookies);
    expect(refreshed.status).toBe(200);
    const { user } = (await refreshed.json()) as AuthResponse;
    expect(user).toEqual(jasmine.objectContaining({ email: account.email, name: 'Grace Hopper', role: 'customer' }));

    const stored = await UserModel.findById(user.id).select('+passwordHash').lean();
    expect(identitiesOf(stored)).toEqual([{ provider: 'local', subject: account.sub }]);
    expect(stored!.passwordHash).toBeUndefined();
  });

  it('signs a returning identity into its account by subject, even after its email changed and is unverified', async () => {
    const account = newAccount();
    const first = await socialLogin(account.email);
    const firstUser = ((await (await refresh(first.shopCookies)).json()) as AuthResponse).user;

    const changedEmail = uniqueEmail('changed');
    provider.setAccount({ ...account, email: changedEmail, emailVerified: false });
    const second = await socialLogin(changedEmail);
    expect(second.landing).toContain('/auth/complete');
    const secondUser = ((await (await refresh(second.shopCookies)).json()) as AuthResponse).user;
    expect(secondUser.id).toBe(firstUser.id);
    expect(await UserModel.countDocuments({ 'oidcIdentities.subject': account.sub })).toBe(1);
  });

  it('links an existing password account with the same verified email instead of creating a second one', async () => {
    const email = await createUser('customer');
    const account = newAccount({ email: email.toUpperCase() });
    const attempt = await socialLogin(email);

    const { user } = (await (await refresh(attempt.shopCookies)).json()) as AuthResponse;
    const existing = await UserModel.findOne({ email }).lean();
    expect(user.id).toBe(existing!._id.toString());
    expect(existing!.name).withContext('the name is kept').toBe('Test customer');
    expect(identitiesOf(existing)).toEqual([{ provider: 'local', subject: account.sub }]);
    expect(await UserModel.countDocuments({ email })).toBe(1);
    await signIn(shop, email);
  });

  it('refuses an unverified email that no account is linked to, neither linking nor creating an account', async () => {
    const existingEmail = await createUser('customer');
    newAccount({ email: existingEmail, emailVerified: false });
    expectRefused(await socialLogin(existingEmail));
    expect(identitiesOf(await UserModel.findOne({ email: existingEmail }).lean())).toEqual([]);

    const newEmail = newAccount({ emailVerified: false }).email;
    expectRefused(await socialLogin(newEmail));
    expect(await UserModel.countDocuments({ email: newEmail })).toBe(0);
  });

  it('does not take the same subject at another provider for a linked identity', async () => {
    const email = await createUser('customer');
    const account = newAccount({ emailVerified: false });
    // Linked to local as someone else and to late with this subject: no identity is local + this subject.
    const identities = [
      { provider: 'local', subject: `other-${account.sub}` },
      { provider: 'late', subject: account.sub },
    ];
    await UserModel.updateOne({ email }, { $set: { oidcIdentities: identities } });
    expectRefused(await socialLogin(account.email));
  });

  it('refuses a disabled account, whether found by email or by a linked identity', async () => {
    const email = await createUser('customer');
    await UserModel.updateOne({ email }, { $set: { disabled: true } });
    newAccount({ email });
    expectRefused(await socialLogin(email));

    const linked = newAccount();
    await socialLogin(linked.email);
    await UserModel.updateOne({ email: linked.email }, { $set: { disabled: true } });
    expectRefused(await socialLogin(linked.email));
  });

  it('refuses a callback whose state was changed, whose cookie is missing or altered, or that is replayed', async () => {
    const { email } = newAccount();
    const tamperedState = await socialLogin(email, { beforeCallback: (callback) => callback.searchParams.set('state', 'forged-state-value') });
    expectRefused(tamperedState);

    expectRefused(await socialLogin(email, { beforeCallback: (_callback, cookies) => cookies.delete('shop_oidc') }));

    const alteredCookie = await socialLogin(email, {
      beforeCallback: (_callback, cookies) => {
        const sealed = cookies.get('shop_oidc')!;
        cookies.set('shop_oidc', `${sealed.slice(0, -6)}${sealed.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`);
      },
    });
    expectRefused(alteredCookie);

    let stateCookie = '';
    const succeeded = await socialLogin(email, { beforeCallback: (_callback, cookies) => (stateCookie = cookies.get('shop_oidc')!) });
    expect(succeeded.landing).toContain('/auth/complete');
    // The same callback with the same cookie again: the provider's code works once.
    const replayed = await shop.request(`${succeeded.callback.pathname}${succeeded.callback.search}`, { redirect: 'manual', headers: { cookie: `shop_oidc=${stateCookie}` } });
    expect(replayed.headers.get('location')).toBe(refused);
    expect(replayed.headers.getSetCookie().some((header) => header.startsWith('shop_refresh=') && !header.startsWith('shop_refresh=;'))).toBeFalse();
  });

  it('returns to the sign-in page with an error when the shopper cancels at the provider', async () => {
    const { email } = newAccount();
    const attempt = await socialLogin(email, { cancel: true });
    expect(attempt.callback.searchParams.get('error')).toBe('access_denied');
    expectRefused(attempt);
  });

  it('continues at / when returnTo is not a path on this site', async () => {
    const { email } = newAccount();
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const attempt = await socialLogin(email, { returnTo });
      expect(attempt.landing).withContext(returnTo).toBe(`${publicUrl}/auth/complete?returnTo=%2F`);
    }
  });

  it('tries discovery again on the next sign-in when the provider could not be reached', async () => {
    const unreachable = await shop.request('/api/auth/oidc/late', { redirect: 'manual' });
    expect(unreachable.status).toBe(302);
    expect(unreachable.headers.get('location')).toBe(refused);

    lateProvider = await startLocalOidcProvider({ port: latePort, clientId, clientSecret, redirectUris: [`${publicUrl}/api/auth/oidc/late/callback`] });
    const reachable = await shop.request('/api/auth/oidc/late', { redirect: 'manual' });
    expect(reachable.status).toBe(302);
    expect(reachable.headers.get('location')).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${latePort}/auth\\?`));
  });
});
