import { SmtpSink } from '../../test/smtp-sink';
import { createUser, goodPassword, signIn, uniqueEmail } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { OneTimeTokenModel } from './one-time-token.model';

describe('Password reset by email (real SMTP)', () => {
  const smtp = new SmtpSink();
  const environment: Record<string, string> = { PUBLIC_URL: 'https://shop.example' };

  beforeAll(async () => {
    environment['SMTP_URL'] = await smtp.start();
  });
  afterAll(() => smtp.stop());

  const shop = useTestShop(environment);
  const newPassword = 'a brand new passphrase';

  function forgot(email: string): Promise<Response> {
    return shop.request('/api/auth/password/forgot', { method: 'POST', json: { email } });
  }

  function reset(token: string, password = newPassword): Promise<Response> {
    return shop.request('/api/auth/password/reset', { method: 'POST', json: { token, password } });
  }

  function tokenIn(text: string): string {
    const link = /https:\/\/shop\.example\/reset-password\?token=([\w-]+)/.exec(text);
    if (!link) throw new Error(`no reset link in: ${text}`);
    return link[1]!;
  }

  it('answers the same whether or not the address has an account, and mails only a real one', async () => {
    const email = await createUser();
    const known = await forgot(email.toUpperCase());
    const unknown = await forgot(uniqueEmail('nobody'));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const mail = await smtp.nextMailTo(email);
    expect(mail.subject).toContain('new password');
    expect(smtp.mails.filter((received) => received.to.startsWith('nobody'))).toEqual([]);
  });

  it('sets the new password with the mailed token once, and ends every existing session', async () => {
    const email = await createUser();
    const before = await signIn(shop, email);
    await forgot(email);
    const token = tokenIn((await smtp.nextMailTo(email)).text);

    expect((await reset(token)).status).toBe(204);
    expect((await reset(token, 'yet another passphrase')).status).withContext('second use').toBe(400);

    expect((await shop.request('/api/auth/login', { method: 'POST', json: { email, password: goodPassword } })).status).toBe(401);
    await signIn(shop, email, newPassword);
    const oldSession = await shop.request('/api/auth/refresh', { method: 'POST', headers: { cookie: before.cookie } });
    expect(oldSession.status).toBe(401);
  });

  it('stores only a hash of the token, and refuses it after 30 minutes', async () => {
    const email = await createUser();
    await forgot(email);
    const token = tokenIn((await smtp.nextMailTo(email)).text);
    const stored = await OneTimeTokenModel.findOne({ purpose: 'password_reset' }).sort({ createdAt: -1 }).lean();
    expect(stored!.tokenHash).not.toContain(token);
    expect(Math.abs(stored!.expiresAt.getTime() - stored!.createdAt.getTime() - 30 * 60 * 1000)).toBeLessThan(1000);

    await OneTimeTokenModel.updateOne({ _id: stored!._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await reset(token);
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]!.path).toBe('body.token');
  });

  it('refuses a common password as the new one', async () => {
    const email = await createUser();
    await forgot(email);
    const token = tokenIn((await smtp.nextMailTo(email)).text);
    expect((await reset(token, 'password123')).status).toBe(400);
    // The token was not spent by the refused attempt.
    expect((await reset(token)).status).toBe(204);
  });
});
