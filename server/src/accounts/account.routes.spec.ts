import type { Address, Profile } from '@shared/accounts/accounts';
import type { ErrorBody } from '@shared/errors';
import { bearer, goodPassword, signIn, signUp, uniqueEmail, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { UserModel } from './user.model';

const homeAddress = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'gb' };
const workAddress = { label: 'Work', name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'Cambridge', postalCode: 'CB2 1TN', country: 'GB' };

describe('My account', () => {
  const shop = useTestShop();

  function call(session: Session, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    return shop.request(path, { ...init, headers: { ...bearer(session), ...(init.headers as Record<string, string> | undefined) } });
  }

  async function latestOutboxMailTo(email: string): Promise<string> {
    const response = await shop.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
    const { items } = (await response.json()) as { items: Array<{ text: string }> };
    if (!items[0]) throw new Error(`no mail to ${email}`);
    return items[0].text;
  }

  async function waitForMail(email: string): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      try {
        return await latestOutboxMailTo(email);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    throw new Error(`no mail to ${email}`);
  }

  it('shows and renames my profile, and needs a sign-in for it', async () => {
    const session = await signUp(shop);
    const profile = (await (await call(session, '/api/account')).json()) as Profile;
    expect(profile).toEqual(jasmine.objectContaining({ email: session.email, name: 'Test Person', role: 'customer', pendingEmail: null, hasPassword: true }));

    const renamed = await call(session, '/api/account', { method: 'PATCH', json: { name: '  Ada  ' } });
    expect(((await renamed.json()) as Profile).name).toBe('Ada');
    expect((await shop.request('/api/account')).status).toBe(401);
    expect((await call(session, '/api/account', { method: 'PATCH', json: { name: 'x', role: 'admin' } })).status).toBe(400);
  });

  it('keeps addresses with exactly one default, and never touches another user\'s', async () => {
    const owner = await signUp(shop);
    const stranger = await signUp(shop);
    const first = (await (await call(owner, '/api/account/addresses', { method: 'POST', json: homeAddress })).json()) as Address;
    expect(first).toEqual(jasmine.objectContaining({ country: 'GB', isDefault: true }));
    const second = await call(owner, '/api/account/addresses', { method: 'POST', json: { ...workAddress, isDefault: true } });
    expect(second.status).toBe(201);
    const work = (await second.json()) as Address;

    let addresses = (await (await call(owner, '/api/account/addresses')).json()) as Address[];
    expect(addresses.map((address) => [address.id, address.isDefault])).toEqual([[work.id, true], [first.id, false]]);

    const edited = await call(owner, `/api/account/addresses/${first.id}`, { method: 'PATCH', json: { city: 'Oxford', isDefault: true } });
    expect(((await edited.json()) as Address).city).toBe('Oxford');
    addresses = (await (await call(owner, '/api/account/addresses')).json()) as Address[];
    expect(addresses.filter((address) => address.isDefault).map((address) => address.id)).toEqual([first.id]);

    for (const [method, json] of [['PATCH', { city: 'Stolen' }], ['DELETE', undefined]] as const) {
      const response = await call(stranger, `/api/account/addresses/${first.id}`, { method, json });
      expect(response.status).withContext(method).toBe(404);
    }

    expect((await call(owner, `/api/account/addresses/${first.id}`, { method: 'DELETE' })).status).toBe(204);
    addresses = (await (await call(owner, '/api/account/addresses')).json()) as Address[];
    expect(addresses.map((address) => [address.id, address.isDefault])).toEqual([[work.id, true]]);
  });

  it('deletes an address that is not the default', async () => {
    const session = await signUp(shop);
    const home = (await (await call(session, '/api/account/addresses', { method: 'POST', json: homeAddress })).json()) as Address;
    const work = (await (await call(session, '/api/account/addresses', { method: 'POST', json: workAddress })).json()) as Address;
    expect((await call(session, `/api/account/addresses/${work.id}`, { method: 'DELETE' })).status).toBe(204);
    const addresses = (await (await call(session, '/api/account/addresses')).json()) as Address[];
    expect(addresses.map((address) => address.id)).toEqual([home.id]);
  });

  it('names the invalid address fields', async () => {
    const session = await signUp(shop);
    const response = await call(session, '/api/account/addresses', { method: 'POST', json: { ...homeAddress, country: 'Britain', city: '' } });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as ErrorBody).error.details!.map((detail) => detail.path).sort();
    expect(paths).toEqual(['body.city', 'body.country']);
  });

  it('changes my email only once the link mailed to the new address is followed', async () => {
    const session = await signUp(shop);
    const newEmail = uniqueEmail('moved');
    const wrongPassword = await call(session, '/api/account/email', { method: 'POST', json: { newEmail, password: 'not my password' } });
    expect(wrongPassword.status).toBe(400);

    const requested = await call(session, '/api/account/email', { method: 'POST', json: { newEmail, password: goodPassword } });
    expect(requested.status).toBe(202);
    expect(((await (await call(session, '/api/account')).json()) as Profile).email).toBe(session.email);

    const token = /verify-email\?token=([\w-]+)/.exec(await waitForMail(newEmail))![1]!;
    const verified = await shop.request('/api/account/email/verify', { method: 'POST', json: { token } });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as Profile)).toEqual(jasmine.objectContaining({ email: newEmail, pendingEmail: null }));
    await signIn(shop, newEmail);
    expect((await shop.request('/api/account/email/verify', { method: 'POST', json: { token } })).status).toBe(400);
  });

  it('refuses an email change to an address another account has', async () => {
    const session = await signUp(shop);
    const other = await signUp(shop);
    const response = await call(session, '/api/account/email', { method: 'POST', json: { newEmail: other.email, password: goodPassword } });
    expect(response.status).toBe(409);
  });

  it('changes my password with the current one, ending my other sessions but not this one', async () => {
    const session = await signUp(shop);
    const otherDevice = await signIn(shop, session.email);
    const wrong = await call(session, '/api/account/password', { method: 'POST', json: { currentPassword: 'nope nope', newPassword: 'a fresh passphrase' } });
    expect(wrong.status).toBe(400);

    const changed = await call(session, '/api/account/password', {
      method: 'POST',
      json: { currentPassword: goodPassword, newPassword: 'a fresh passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await shop.request('/api/auth/refresh', { method: 'POST', headers: { cookie: otherDevice.cookie } })).status).toBe(401);
    expect((await shop.request('/api/auth/refresh', { method: 'POST', headers: { cookie: session.cookie } })).status).toBe(200);
    await signIn(shop, session.email, 'a fresh passphrase');
  });

  it('exports my data as a JSON download, without secrets', async () => {
    const session = await signUp(shop);
    await call(session, '/api/account/addresses', { method: 'POST', json: homeAddress });
    const response = await call(session, '/api/account/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const text = await response.text();
    const exported = JSON.parse(text) as { profile: Profile; addresses: Address[]; sessions: unknown[] };
    expect(exported.profile.email).toBe(session.email);
    expect(exported.addresses.length).toBe(1);
    expect(exported.sessions.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/argon2|passwordHash|tokenHash/);
  });

  it('deletes my account: personal data erased, signed out everywhere, sign-in impossible', async () => {
    const session = await signUp(shop);
    await call(session, '/api/account/addresses', { method: 'POST', json: homeAddress });
    expect((await call(session, '/api/account', { method: 'DELETE', json: { password: 'wrong one' } })).status).toBe(400);
    const deleted = await call(session, '/api/account', { method: 'DELETE', json: { password: goodPassword } });
    expect(deleted.status).toBe(204);

    const stored = (await UserModel.findById(session.auth.user.id).select('+passwordHash').lean())!;
    expect(stored.email).not.toContain(session.email.split('@')[0]!);
    expect(stored.name).toBe('Deleted user');
    expect(stored.addresses).toEqual([]);
    expect(stored.passwordHash).toBeUndefined();
    expect(stored.deletedAt).toBeInstanceOf(Date);
    expect((await call(session, '/api/account')).status).toBe(401);
    expect((await shop.request('/api/auth/login', { method: 'POST', json: { email: session.email, password: goodPassword } })).status).toBe(401);
    // The address is free again for a new account.
    await signUp(shop, session.email);
  });
});

describe('Admin: users', () => {
  const shop = useTestShop();

  it('is for admins only', async () => {
    const customer = await signUp(shop);
    expect((await shop.request('/api/admin/users', { headers: bearer(customer) })).status).toBe(403);
    expect((await shop.request('/api/admin/users')).status).toBe(401);
  });

  it('finds users by part of the email or name, and filters by role', async () => {
    const admin = await signIn(shop, (await signUp(shop, uniqueEmail('findme'))).email);
    await UserModel.updateOne({ email: admin.email }, { $set: { role: 'admin' } });
    await signUp(shop, uniqueEmail('someone'));
    const found = await shop.request('/api/admin/users?q=FINDME', { headers: bearer(admin) });
    const list = (await found.json()) as { items: Array<{ email: string }>; total: number };
    expect(list.items.map((user) => user.email)).toEqual([admin.email]);
    const admins = (await (await shop.request('/api/admin/users?role=admin', { headers: bearer(admin) })).json()) as { items: Array<{ email: string; role: string }> };
    expect(admins.items.map((user) => user.email)).toContain(admin.email);
    expect(admins.items.every((user) => user.role === 'admin')).toBeTrue();
    // Regex characters in the search are taken literally.
    const literal = (await (await shop.request('/api/admin/users?q=.*', { headers: bearer(admin) })).json()) as { total: number };
    expect(literal.total).toBe(0);
  });

  it('changes roles, which take effect on the next request, but never demotes or disables oneself', async () => {
    const admin = await signIn(shop, (await signUp(shop)).email);
    await UserModel.updateOne({ email: admin.email }, { $set: { role: 'admin' } });
    const customer = await signUp(shop);

    const promoted = await shop.request(`/api/admin/users/${customer.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: { role: 'seller' } });
    expect(((await promoted.json()) as { role: string }).role).toBe('seller');
    const me = (await (await shop.request('/api/auth/me', { headers: bearer(customer) })).json()) as { user: { role: string } };
    expect(me.user.role).toBe('seller');

    for (const json of [{ role: 'customer' }, { disabled: true }]) {
      const response = await shop.request(`/api/admin/users/${admin.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json });
      expect(response.status).withContext(JSON.stringify(json)).toBe(409);
    }
    expect((await shop.request('/api/admin/users/0123456789abcdef01234567', { method: 'PATCH', headers: bearer(admin), json: { disabled: true } })).status).toBe(404);
    expect((await shop.request(`/api/admin/users/${customer.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: {} })).status).toBe(400);
  });
});
