import type { AuthResponse } from '@shared/accounts/accounts';
import type { ErrorBody } from '@shared/errors';
import { SignJWT, UnsecuredJWT } from 'jose';
import { io as connect } from 'socket.io-client';
import { bearer, createUser, goodPassword, refreshCookieFrom, signIn, signInAs, signUp, uniqueEmail } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { trusted } from 'mongoose';
import { RefreshTokenModel } from './refresh-token.model';
import { UserModel } from './user.model';

describe('Sign-up, sign-in and sessions', () => {
  const shop = useTestShop();

  async function errorOf(response: Response): Promise<ErrorBody['error']> {
    return ((await response.json()) as ErrorBody).error;
  }

  async function me(token: string): Promise<Response> {
    return shop.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
  }

  async function refresh(cookie: string): Promise<Response> {
    return shop.request('/api/auth/refresh', { method: 'POST', headers: { cookie } });
  }

  it('creates a customer whatever role the body asks for, signs in, and sets a strict httpOnly refresh cookie', async () => {
    const email = uniqueEmail();
    const response = await shop.request('/api/auth/register', {
      method: 'POST',
      json: { email: `  ${email.toUpperCase()} `, password: goodPassword, name: 'Mallory', role: 'admin' },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as AuthResponse;
    expect(body.user).toEqual(jasmine.objectContaining({ email, name: 'Mallory', role: 'customer' }));
    expect(body.accessToken.split('.').length).toBe(3);
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('shop_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect((await UserModel.findOne({ email }).lean())?.role).toBe('customer');

    const meResponse = await me(body.accessToken);
    expect(((await meResponse.json()) as { user: { email: string } }).user.email).toBe(email);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const { email } = await signUp(shop);
    const response = await shop.request('/api/auth/register', { method: 'POST', json: { email: email.toUpperCase(), password: goodPassword, name: 'Twin' } });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('conflict');
  });

  it('refuses short and common passwords, naming the field', async () => {
    for (const password of ['short1', 'password123', 'iloveyou1']) {
      const response = await shop.request('/api/auth/register', { method: 'POST', json: { email: uniqueEmail(), password, name: 'Weak' } });
      expect(response.status).withContext(password).toBe(400);
      expect((await errorOf(response)).details?.[0]?.path).toBe('body.password');
    }
  });

  it('answers a wrong password and an unknown email alike, with 401 and no token', async () => {
    const { email } = await signUp(shop);
    const wrongPassword = await shop.request('/api/auth/login', { method: 'POST', json: { email, password: 'not the password' } });
    const unknownEmail = await shop.request('/api/auth/login', { method: 'POST', json: { email: uniqueEmail(), password: 'whatever123' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect((await errorOf(wrongPassword)).message).toBe((await errorOf(unknownEmail)).message);
    expect(refreshCookieFrom(wrongPassword)).toBeUndefined();
  });

  it('refuses NoSQL operator objects in the login body with 400 and no token', async () => {
    await signUp(shop);
    for (const json of [{ email: { $ne: null }, password: { $ne: null } }, { email: { $gt: '' }, password: 'x' }, { email: 'a@b.test', password: { $regex: '.*' } }]) {
      const response = await shop.request('/api/auth/login', { method: 'POST', json });
      expect(response.status).withContext(JSON.stringify(json)).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body['accessToken']).toBeUndefined();
    }
  });

  it('refuses tokens with alg none, a wrong signature, a wrong audience or issuer, or past their expiry', async () => {
    const session = await signUp(shop);
    const key = new TextEncoder().encode(shop.config.jwtSecret);
    const wrongKey = new TextEncoder().encode('x'.repeat(48));
    const base = () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(session.auth.user.id).setIssuedAt();
    const forged = {
      algNone: new UnsecuredJWT({ role: 'admin' }).setSubject(session.auth.user.id).setIssuer('mean-shop').setAudience('mean-shop-api').setExpirationTime('5m').encode(),
      wrongSignature: await base().setIssuer('mean-shop').setAudience('mean-shop-api').setExpirationTime('5m').sign(wrongKey),
      wrongAudience: await base().setIssuer('mean-shop').setAudience('someone-else').setExpirationTime('5m').sign(key),
      wrongIssuer: await base().setIssuer('evil').setAudience('mean-shop-api').setExpirationTime('5m').sign(key),
      expired: await base().setIssuer('mean-shop').setAudience('mean-shop-api').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key),
      garbage: 'not.a.token',
    };
    for (const [name, token] of Object.entries(forged)) {
      const response = await me(token);
      expect(response.status).withContext(name).toBe(401);
      expect((await errorOf(response)).code).withContext(name).toBe('unauthenticated');
    }
    expect((await me(session.auth.accessToken)).status).toBe(200);
    expect((await shop.request('/api/auth/me')).status).toBe(401);
  });

  it('rotates the refresh token, and a reused old token ends the whole session family', async () => {
    const first = await signUp(shop);
    const rotated = await refresh(first.cookie);
    expect(rotated.status).toBe(200);
    const secondCookie = refreshCookieFrom(rotated)!;
    expect(secondCookie).not.toBe(first.cookie);

    // Past the few seconds' grace for browser races, the old token is a replay.
    await RefreshTokenModel.updateMany({ rotatedAt: trusted({ $ne: null }) }, { $set: { rotatedAt: new Date(Date.now() - 60_000) } });
    const replay = await refresh(first.cookie);
    expect(replay.status).toBe(401);
    // The thief's replay also ends the legitimate holder's newer token.
    expect((await refresh(secondCookie)).status).toBe(401);

    // Another session of the same user (another family) is not affected.
    const other = await signIn(shop, first.email);
    expect((await refresh(other.cookie)).status).toBe(200);
  });

  it('forgives a token reused within seconds of its rotation (a page left mid-refresh), within the same session', async () => {
    const first = await signUp(shop);
    const rotated = await refresh(first.cookie);
    const raced = await refresh(first.cookie);
    expect(raced.status).toBe(200);
    expect(((await raced.json()) as AuthResponse).user.id).toBe(first.auth.user.id);
    // Both newer tokens still work: nothing was revoked.
    expect((await refresh(refreshCookieFrom(rotated)!)).status).toBe(200);
    expect((await refresh(refreshCookieFrom(raced)!)).status).toBe(200);
  });

  it('ends the session at logout', async () => {
    const session = await signUp(shop);
    const logout = await shop.request('/api/auth/logout', { method: 'POST', headers: { cookie: session.cookie } });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join(';')).toMatch(/shop_refresh=;/);
    expect((await refresh(session.cookie)).status).toBe(401);
    expect((await refresh('shop_refresh=made-up-token-value')).status).toBe(401);
  });

  it('stops a disabled user at once: API, refresh and socket.io', async () => {
    const admin = await signInAs(shop, 'admin');
    const victim = await signUp(shop);
    const socket = connect(shop.url, { transports: ['websocket'], auth: { token: victim.auth.accessToken }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    const disable = await shop.request(`/api/admin/users/${victim.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: { disabled: true } });
    expect(disable.status).toBe(200);

    await disconnected;
    expect((await me(victim.auth.accessToken)).status).toBe(401);
    expect((await refresh(victim.cookie)).status).toBe(401);
    expect((await shop.request('/api/auth/login', { method: 'POST', json: { email: victim.email, password: goodPassword } })).status).toBe(401);
    const again = connect(shop.url, { transports: ['websocket'], auth: { token: victim.auth.accessToken }, reconnection: false, forceNew: true });
    const refused = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
    expect(refused.message).toBe('unauthenticated');
    again.disconnect();
  });
});

describe('Sign-in rate limits without a trusted proxy', () => {
  // No TRUST_PROXY: every request comes from 127.0.0.1 whatever X-Forwarded-For claims.
  const shop = useTestShop({ TRUST_PROXY: '' });

  async function errorOf(response: Response): Promise<ErrorBody['error']> {
    return ((await response.json()) as ErrorBody).error;
  }

  it('limits failed sign-ins per account with 429 and Retry-After, and a forged X-Forwarded-For does not reset it', async () => {
    const email = await createUser();
    const attempt = (forwardedFor: string) =>
      shop.request('/api/auth/login', { method: 'POST', headers: { 'x-forwarded-for': forwardedFor }, json: { email, password: 'wrong password!' } });
    const statuses: number[] = [];
    for (let index = 0; index < 10; index += 1) statuses.push((await attempt(`203.0.113.${index}`)).status);
    expect(statuses.every((status) => status === 401)).toBeTrue();

    const limited = await attempt('198.51.100.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe('rate_limited');
    // Even the right password waits now: the account is protected, not just the wrong guesses.
    expect((await shop.request('/api/auth/login', { method: 'POST', json: { email, password: goodPassword } })).status).toBe(429);
  });

  it('limits sign-ups per address, and a forged X-Forwarded-For does not reset it', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) {
      const response = await shop.request('/api/auth/register', {
        method: 'POST',
        headers: { 'x-forwarded-for': `203.0.113.${index}` },
        json: { email: uniqueEmail(), password: goodPassword, name: 'Bot' },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBeTrue();
    expect(statuses[10]).toBe(429);
  });
});
