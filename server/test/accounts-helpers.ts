import { randomBytes } from 'node:crypto';
import type { AuthResponse, UserRole } from '@shared/accounts/accounts';
import { hashPassword } from '../src/accounts/passwords';
import { UserModel } from '../src/accounts/user.model';
import type { TestShop } from './test-shop';

export const goodPassword = 'correct horse battery staple';

export interface Session {
  auth: AuthResponse;
  /** `shop_refresh=…`, ready for a Cookie header. */
  cookie: string;
  email: string;
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

export function refreshCookieFrom(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((pair) => pair.startsWith('shop_refresh=') && pair.length > 'shop_refresh='.length);
}

export async function signUp(shop: TestShop, email = uniqueEmail(), password = goodPassword): Promise<Session> {
  const response = await shop.request('/api/auth/register', { method: 'POST', json: { email, password, name: 'Test Person' } });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return { auth: (await response.json()) as AuthResponse, cookie: refreshCookieFrom(response)!, email };
}

export async function signIn(shop: TestShop, email: string, password = goodPassword): Promise<Session> {
  const response = await shop.request('/api/auth/login', { method: 'POST', json: { email, password } });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return { auth: (await response.json()) as AuthResponse, cookie: refreshCookieFrom(response)!, email };
}

/** Creates a user with any role straight in the database: sign-up only makes customers, and is rate-limited. */
export async function createUser(role: UserRole = 'customer', email = uniqueEmail(role)): Promise<string> {
  await UserModel.create({ email, name: `Test ${role}`, role, passwordHash: await hashPassword(goodPassword) });
  return email;
}

export async function signInAs(shop: TestShop, role: UserRole): Promise<Session> {
  return signIn(shop, await createUser(role));
}

export function bearer(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.auth.accessToken}` };
}
