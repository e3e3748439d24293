import type { AuditEntry, AuditList } from '@shared/admin/audit';
import type { ErrorBody } from '@shared/errors';
import { Types } from 'mongoose';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, placedOrder, type Shopper } from '../../test/checkout-helpers';
import { useTestShop } from '../../test/test-shop';
import { AuditEntryModel } from './audit-entry.model';

describe('the audit log (GET /api/admin/audit)', () => {
  const shop = useTestShop();
  let admin: Session;
  let otherAdmin: Session;

  beforeAll(async () => {
    [admin, otherAdmin] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'admin')]);
  });

  async function audit(query: string, session: Session = admin): Promise<AuditList> {
    const response = await shop.request(`/api/admin/audit?${query}`, { headers: bearer(session) });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as AuditList;
  }

  async function newestOf(query: string): Promise<AuditEntry> {
    const [entry] = (await audit(query)).items;
    expect(entry).withContext(`no entry for ${query}`).toBeDefined();
    return entry!;
  }

  it('records a role change: who, what, when, and the user before and after', async () => {
    const customer = await signUp(shop);
    const userId = customer.auth.user.id;
    const startedAt = Date.now();
    const response = await shop.request(`/api/admin/users/${userId}`, { method: 'PATCH', headers: bearer(admin), json: { role: 'seller' } });
    expect(response.status).toBe(200);

    const entry = await newestOf(`targetType=user&targetId=${userId}`);
    expect(entry.action).toBe('user.updated');
    expect(entry.actor).toEqual({ id: admin.auth.user.id, name: admin.auth.user.name, email: admin.auth.user.email });
    expect(entry.target).toEqual({ type: 'user', id: userId });
    expect(entry.before).toEqual(jasmine.objectContaining({ id: userId, role: 'customer', disabled: false }));
    expect(entry.after).toEqual(jasmine.objectContaining({ id: userId, role: 'seller', disabled: false }));
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
    expect(JSON.stringify(entry)).not.toContain('passwordHash');
  });

  it('records an order moved along its status machine with the note, and not a refused move', async () => {
    const product = await createProduct(shop, { category: await createCategory(shop, 'Audit lamps'), stock: 5 });
    const shopper: Shopper = { session: await signUp(shop) };
    await addToCart(shop, shopper, product._id.toString());
    const order = await placedOrder(shop, shopper);
    const move = (status: string, note?: string) =>
      shop.request(`/api/admin/orders/${order.id}/status`, { method: 'POST', headers: bearer(otherAdmin), json: { status, ...(note ? { note } : {}) } });

    expect((await move('fulfilling', 'Packing today')).status).toBe(200);
    expect((await move('delivered')).status).withContext('not allowed from fulfilling').toBe(409);

    const entries = (await audit(`targetType=order&targetId=${order.id}`)).items;
    expect(entries.length).toBe(1);
    expect(entries[0]!.action).toBe('order.status_changed');
    expect(entries[0]!.actor.id).toBe(otherAdmin.auth.user.id);
    expect(entries[0]!.before).toEqual({ number: order.number, status: 'paid', paymentStatus: 'authorized' });
    expect(entries[0]!.after).toEqual(jasmine.objectContaining({ number: order.number, status: 'fulfilling', note: 'Packing today' }));
  });

  it('records who exported the customers\' orders, with the filters', async () => {
    const response = await shop.request('/api/admin/orders/export.csv?status=paid&tz=Europe/Dublin', { headers: bearer(otherAdmin) });
    expect(response.status).toBe(200);
    await response.text();
    const entry = await newestOf(`action=orders.exported&actor=${otherAdmin.auth.user.id}`);
    expect(entry.target).toEqual({ type: 'orders', id: null });
    expect(entry.after).toEqual({ status: 'paid', tz: 'Europe/Dublin' });
  });

  it('filters by admin, action and local days, pages newest first, and lists the actions it records', async () => {
    const mine = await audit(`actor=${admin.auth.user.id}`);
    expect(mine.items.every((entry) => entry.actor.id === admin.auth.user.id)).toBeTrue();
    expect(mine.actions).toEqual(jasmine.arrayContaining(['order.status_changed', 'orders.exported', 'user.updated', 'database.reseeded', 'collection.exported']));
    expect((await audit('action=user.updated')).items.every((entry) => entry.action === 'user.updated')).toBeTrue();

    // Entries written at known instants (through the driver: mongoose keeps createdAt immutable).
    const actorId = new Types.ObjectId();
    const at = ['2026-03-09T23:30:00Z', '2026-03-10T12:00:00Z'];
    await AuditEntryModel.collection.insertMany(
      at.map((instant, index) => ({
        _id: Types.ObjectId.createFromTime(Date.parse(instant) / 1000),
        actorId,
        actorName: 'Past Admin',
        actorEmail: 'past@example.test',
        action: 'product.updated',
        targetType: 'product',
        targetId: `p${index}`,
        before: null,
        after: null,
        createdAt: new Date(instant),
      })),
    );
    const targets = async (query: string) => (await audit(`actor=${actorId.toString()}&${query}`)).items.map((entry) => entry.target.id);
    expect(await targets('')).toEqual(['p1', 'p0']);
    expect(await targets('from=2026-03-10&to=2026-03-10')).toEqual(['p1']);
    expect(await targets('from=2026-03-10&to=2026-03-10&tz=Asia/Tokyo')).toEqual(['p1', 'p0']);

    for (let index = 0; index < 55; index += 1) {
      await shop.request(`/api/admin/users/${otherAdmin.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: { role: 'admin' } });
    }
    const first = await audit(`targetId=${otherAdmin.auth.user.id}&targetType=user`);
    expect(first.items.length).toBe(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await audit(`targetId=${otherAdmin.auth.user.id}&targetType=user&cursor=${first.nextCursor}`);
    expect(second.items.length).toBe(5);
    expect(new Set([...first.items, ...second.items].map((entry) => entry.id)).size).toBe(55);
  });

  it('refuses bad filters with 400 and anyone but an admin with 401 or 403', async () => {
    for (const query of ['action=%24ne', 'action[$ne]=x', 'actor=42', 'targetType=secret', 'targetId=%00', 'from=2026-02-30', 'from=2026-03-10&to=2026-03-01', 'tz=Nowhere/Land', 'cursor=abc', 'extra=1']) {
      const response = await shop.request(`/api/admin/audit?${query}`, { headers: bearer(admin) });
      expect(response.status).withContext(query).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('validation_failed');
    }
    const [customer, seller] = await Promise.all([signInAs(shop, 'customer'), signInAs(shop, 'seller')]);
    expect((await shop.request('/api/admin/audit')).status).toBe(401);
    expect((await shop.request('/api/admin/audit', { headers: bearer(customer) })).status).toBe(403);
    expect((await shop.request('/api/admin/audit', { headers: bearer(seller) })).status).toBe(403);
  });
});
