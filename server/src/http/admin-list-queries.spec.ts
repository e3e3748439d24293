import type { AdminUserList } from '@shared/accounts/accounts';
import type { ErrorBody } from '@shared/errors';
import { UserModel } from '../accounts/user.model';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';

/** Search boxes take any text: every admin list answers it with 200, or 400 in the error shape, never a 5xx. */
describe('Admin lists, whatever is typed into their search box', () => {
  const shop = useTestShop();
  let admin: Session;
  let customer: Session;

  const lists = ['/api/admin/users', '/api/admin/products', '/api/admin/orders'];
  /** Raw query strings, sent as they are. */
  const hostileQueries = [
    'q=%00',
    'q=a%00b',
    `q=${'%00'.repeat(50)}`,
    'q=%01%1F%7F',
    'q=.*',
    'q=%5C',
    'q=(',
    'q=%5B',
    'q=a%2B%2B',
    'q=%3F*',
    'q=%5E%24',
    'q=%7B1%2C%7D',
    'q=%7C',
    'q=%F0%9F%98%80',
    'q=%ED%A0%80',
    'q=%FF%FE',
    'q=%E2%80%A8',
    `q=${'x'.repeat(100)}`,
    `q=${'x'.repeat(201)}`,
    `q=${'%5C'.repeat(3000)}`,
    'q[]=a&q[]=b',
    'q=a&q=b',
    'q[$ne]=x',
    'q[$regex]=.*',
    'q[$gt]=',
    'q.$ne=x',
    'q',
    'q=',
  ];

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
    customer = await signInAs(shop, 'customer');
  });

  it('answers every search text with 200, or 400 naming the query in the error shape', async () => {
    for (const list of lists) {
      for (const query of hostileQueries) {
        const response = await shop.request(`${list}?${query}`, { headers: bearer(admin) });
        const context = `${list}?${query.slice(0, 60)}`;
        expect([200, 400]).withContext(context).toContain(response.status);
        const body = (await response.json()) as { items?: unknown[] } & Partial<ErrorBody>;
        if (response.status === 200) {
          expect(Array.isArray(body.items)).withContext(context).toBeTrue();
        } else {
          expect(body.error?.code).withContext(context).toBe('validation_failed');
          expect(body.error?.details?.every((detail) => detail.path.startsWith('query'))).withContext(context).toBeTrue();
        }
      }
    }
  });

  it('matches user names and emails literally, regex characters and all', async () => {
    await UserModel.create({ email: 'ann.qa+1@example.test', name: 'Ann (QA) [x]*? +1', role: 'customer', passwordHash: 'not-used' });
    await UserModel.create({ email: 'annxqa@example.test', name: 'Annx', role: 'customer', passwordHash: 'not-used' });
    const found = async (q: string) => {
      const response = await shop.request(`/api/admin/users?q=${encodeURIComponent(q)}`, { headers: bearer(admin) });
      expect(response.status).withContext(q).toBe(200);
      return ((await response.json()) as AdminUserList).items.map((user) => user.email);
    };
    expect(await found('(QA) [x]*? +1')).toEqual(['ann.qa+1@example.test']);
    expect(await found('ANN.QA+')).toEqual(['ann.qa+1@example.test']);
    expect(await found('.*')).toEqual([]);
    expect(await found('[^]')).toEqual([]);
    expect(await found('\u0000')).toEqual([]);
    expect(await found('a\u0000')).toEqual([]);
  });

  it('is 403 for a customer and 401 without a token, with or without a search', async () => {
    for (const list of lists) {
      for (const query of ['', '?q=%00', '?q[$ne]=x']) {
        const asCustomer = await shop.request(`${list}${query}`, { headers: bearer(customer) });
        expect(asCustomer.status).withContext(`customer ${list}${query}`).toBe(403);
        expect(((await asCustomer.json()) as ErrorBody).error.code).toBe('forbidden');
        const anonymous = await shop.request(`${list}${query}`);
        expect(anonymous.status).withContext(`anonymous ${list}${query}`).toBe(401);
        expect(((await anonymous.json()) as ErrorBody).error.code).toBe('unauthenticated');
      }
    }
  });
});
