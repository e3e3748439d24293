import type { AuditList } from '@shared/admin/audit';
import type { ErrorBody } from '@shared/errors';
import type { AdminSeller, AdminSellerList } from '@shared/sellers/seller';
import { Types } from 'mongoose';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, cartRequest, orderRequest, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { useTestShop } from '../../test/test-shop';
import { UserModel } from '../accounts/user.model';
import { ProductModel } from '../catalog/product.model';
import { SellerModel } from './seller.model';
import { ensureSellerRecords } from './sellers.service';

/** Both ways of listing the catalogue: the memory index (the embedded default) and the database. */
for (const listing of ['memory', 'database'] as const) {
  describe(`admin sellers (GET/PATCH /api/admin/sellers) with the ${listing} catalogue`, () => {
    const shop = useTestShop({ CATALOG_LISTING: listing });
    let admin: Session;
    let seller: Session;
    let category: Awaited<ReturnType<typeof createCategory>>;

    beforeAll(async () => {
      [admin, seller] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'seller')]);
      await ensureSellerRecords();
      category = await createCategory(shop, `Seller lamps ${listing}`);
    });

    function patch(sellerId: string, json: unknown, session: Session = admin): Promise<Response> {
      return shop.request(`/api/admin/sellers/${sellerId}`, { method: 'PATCH', headers: bearer(session), json });
    }

    async function sellerOf(session: Session): Promise<AdminSeller> {
      const list = (await (await shop.request('/api/admin/sellers?limit=100', { headers: bearer(admin) })).json()) as AdminSellerList;
      return list.items.find((item) => item.id === session.auth.user.id)!;
    }

    const listedTitles = async (sellerId: string) =>
      ((await (await shop.request(`/api/products?seller=${sellerId}&limit=50`)).json()) as { items: Array<{ title: string }> }).items.map((item) => item.title).sort();

    it('lists every seller, approved at the default commission, with their product count', async () => {
      const listed = await signInAs(shop, 'seller');
      await ensureSellerRecords();
      await createProduct(shop, { category, sellerId: new Types.ObjectId(listed.auth.user.id), title: `Counted lamp ${listing}` });
      const record = await sellerOf(listed);
      expect(record).toEqual(
        jasmine.objectContaining({ shopName: listed.auth.user.name, status: 'approved', commissionBasisPoints: 1000, productCount: 1, user: { name: listed.auth.user.name, email: listed.auth.user.email, disabled: false } }),
      );
      const approved = (await (await shop.request('/api/admin/sellers?status=approved', { headers: bearer(admin) })).json()) as AdminSellerList;
      expect(approved.items.every((item) => item.status === 'approved')).toBeTrue();
    });

    it('takes a suspended seller\'s products off the storefront at once, and brings them back on reinstating', async () => {
      const suspended = await signInAs(shop, 'seller');
      await ensureSellerRecords();
      const sellerId = new Types.ObjectId(suspended.auth.user.id);
      const lamp = await createProduct(shop, { category, sellerId, title: `Suspended lamp ${listing}`, stock: 5 });
      // Written before products had the field: still for sale.
      await ProductModel.collection.updateOne({ _id: lamp._id }, { $unset: { sellerSuspended: '' } });
      await shop.shop.events.publish('product.changed', { productId: lamp._id.toString() });
      const other = await createProduct(shop, { category, sellerId, title: `Second suspended lamp ${listing}`, stock: 5 });
      expect(await listedTitles(suspended.auth.user.id)).toEqual([`Second suspended lamp ${listing}`, `Suspended lamp ${listing}`]);

      // A cart filled before the suspension can no longer check out.
      const shopper: Shopper = { session: await signUp(shop) };
      await addToCart(shop, shopper, other._id.toString());

      const response = await patch(suspended.auth.user.id, { status: 'suspended' });
      expect(response.status).withContext(await response.clone().text()).toBe(200);
      expect(((await response.json()) as AdminSeller).status).toBe('suspended');

      expect(await listedTitles(suspended.auth.user.id)).toEqual([]);
      expect((await shop.request(`/api/products/${lamp.slug}`)).status).toBe(404);
      expect((await cartRequest(shop, { session: await signUp(shop) }, '/api/cart/items', { method: 'POST', json: { productId: lamp._id.toString(), quantity: 1 } })).status).toBe(404);
      const refused = await placeOrder(shop, shopper, orderRequest());
      expect(refused.status).withContext(await refused.clone().text()).toBe(409);
      expect((await ProductModel.findById(other._id).lean())!.available).withContext('nothing held').toBe(5);

      expect((await patch(suspended.auth.user.id, { status: 'approved' })).status).toBe(200);
      expect(await listedTitles(suspended.auth.user.id)).toEqual([`Second suspended lamp ${listing}`, `Suspended lamp ${listing}`]);
      expect((await shop.request(`/api/products/${lamp.slug}`)).status).toBe(200);
    });

    it('takes a product moved to a suspended seller off the storefront, and hands its questions to its new seller', async () => {
      const [other, shopper] = await Promise.all([signInAs(shop, 'seller'), signUp(shop)]);
      await ensureSellerRecords({ userId: other.auth.user.id });
      const lamp = await createProduct(shop, { category, title: `Moving lamp ${listing}`, sellerId: new Types.ObjectId(seller.auth.user.id) });
      await shop.shop.events.publish('product.changed', { productId: lamp._id.toString() });
      const asked = await shop.request(`/api/products/${lamp._id.toString()}/questions`, { method: 'POST', headers: bearer(shopper), json: { text: 'Is the shade made of linen?' } });
      expect(asked.status).toBe(201);
      expect((await patch(other.auth.user.id, { status: 'suspended' })).status).toBe(200);

      const moved = await shop.request(`/api/admin/products/${lamp._id.toString()}`, { method: 'PATCH', headers: bearer(admin), json: { sellerId: other.auth.user.id } });
      expect(moved.status).withContext(await moved.clone().text()).toBe(200);
      expect((await shop.request(`/api/products/${lamp.slug}`)).status).withContext('a suspended seller\'s product').toBe(404);
      expect((await patch(other.auth.user.id, { status: 'approved' })).status).toBe(200);
      expect((await shop.request(`/api/products/${lamp.slug}`)).status).toBe(200);

      const questionsOf = async (session: Session) =>
        ((await (await shop.request('/api/seller/questions?status=unanswered', { headers: bearer(session) })).json()) as { items: Array<{ product: { id: string } }> }).items.map((item) => item.product.id);
      expect(await questionsOf(other)).toContain(lamp._id.toString());
      expect(await questionsOf(seller)).not.toContain(lamp._id.toString());
    });

    it('gives a user made a seller on the users page a seller record', async () => {
      const promoted = await signUp(shop);
      expect((await shop.request(`/api/admin/users/${promoted.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: { role: 'seller' } })).status).toBe(200);
      expect(await sellerOf(promoted)).toEqual(jasmine.objectContaining({ status: 'approved', shopName: promoted.auth.user.name, commissionBasisPoints: 1000 }));
    });

    it('approves an application: the applicant becomes a seller', async () => {
      const applicant = await signUp(shop);
      await SellerModel.create({ _id: applicant.auth.user.id, shopName: 'Lantern Works', contactEmail: applicant.auth.user.email, status: 'pending', commissionBasisPoints: 1000, appliedAt: new Date() });
      expect((await sellerOf(applicant)).status).toBe('pending');

      const response = await patch(applicant.auth.user.id, { status: 'approved', commissionBasisPoints: 1250 });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(jasmine.objectContaining({ status: 'approved', commissionBasisPoints: 1250, shopName: 'Lantern Works' }));
      expect((await UserModel.findById(applicant.auth.user.id).lean())!.role).toBe('seller');
      // The role is read on every request: the same token now reaches the seller's own routes' role checks.
      expect((await shop.request('/api/admin/sellers', { headers: bearer(applicant) })).status).toBe(403);
    });

    it('sets the commission, records every change in the audit log, and lets only one of two admins win', async () => {
      const record = await sellerOf(seller);
      expect((await patch(record.id, { commissionBasisPoints: 1500 })).status).toBe(200);
      const log = (await (await shop.request(`/api/admin/audit?targetType=seller&targetId=${record.id}`, { headers: bearer(admin) })).json()) as AuditList;
      expect(log.items[0]).toEqual(
        jasmine.objectContaining({ action: 'seller.updated', before: jasmine.objectContaining({ commissionBasisPoints: 1000 }), after: jasmine.objectContaining({ commissionBasisPoints: 1500 }) }),
      );

      // Two admins suspending at once: the seller ends suspended once, whichever order they land in.
      const otherAdmin = await signInAs(shop, 'admin');
      const answers = await Promise.all([patch(record.id, { status: 'suspended' }), patch(record.id, { status: 'suspended' }, otherAdmin)]);
      expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).withContext(answers.map((answer) => answer.status).join()).toBeTrue();
      const suspended = await sellerOf(seller);
      expect(suspended.status).toBe('suspended');
      // Asked again, nothing changes: not even when it was decided.
      expect(((await (await patch(record.id, { status: 'suspended' })).json()) as AdminSeller).decidedAt).toBe(suspended.decidedAt);
      expect((await patch(record.id, { status: 'approved' })).status).toBe(200);
    });

    it('refuses bad input with 400, an unknown seller with 404, and anyone but an admin', async () => {
      const record = await sellerOf(seller);
      for (const json of [{}, { commissionBasisPoints: 5001 }, { commissionBasisPoints: -1 }, { commissionBasisPoints: 2.5 }, { status: 'pending' }, { status: { $ne: 'x' } }, { shopName: 'x' }]) {
        const response = await patch(record.id, json);
        expect(response.status).withContext(JSON.stringify(json)).toBe(400);
        expect(((await response.json()) as ErrorBody).error.code).toBe('validation_failed');
      }
      expect((await shop.request('/api/admin/sellers?status=gone', { headers: bearer(admin) })).status).toBe(400);
      expect((await patch('0123456789abcdef01234567', { status: 'approved' })).status).toBe(404);
      expect((await patch('not-an-id', { status: 'approved' })).status).toBe(400);
      const customer = await signInAs(shop, 'customer');
      for (const session of [customer, seller]) {
        expect((await shop.request('/api/admin/sellers', { headers: bearer(session) })).status).toBe(403);
        expect((await patch(record.id, { status: 'suspended' }, session)).status).toBe(403);
      }
      expect((await shop.request('/api/admin/sellers')).status).toBe(401);
    });
  });
}

describe('applying to sell (GET/POST /api/seller-application)', () => {
  const shop = useTestShop();

  const application = { shopName: 'Lantern Works', contactEmail: 'Hello@Lantern.test', description: 'Hand-made paper lanterns, in six colours.' };

  it('records a customer\'s application as pending, once; an admin approves it and the account sells', async () => {
    const [customer, admin] = await Promise.all([signUp(shop), signInAs(shop, 'admin')]);
    expect((await shop.request('/api/seller-application', { headers: bearer(customer) })).status).toBe(404);

    const [first, second] = await Promise.all([
      shop.request('/api/seller-application', { method: 'POST', headers: bearer(customer), json: application }),
      shop.request('/api/seller-application', { method: 'POST', headers: bearer(customer), json: { ...application, shopName: 'Other name' } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const mine = await shop.request('/api/seller-application', { headers: bearer(customer) });
    expect(await mine.json()).toEqual(jasmine.objectContaining({ status: 'pending', contactEmail: 'hello@lantern.test' }));

    const pending = (await (await shop.request('/api/admin/sellers?status=pending', { headers: bearer(admin) })).json()) as AdminSellerList;
    expect(pending.items.map((item) => item.id)).toContain(customer.auth.user.id);
    expect((await shop.request(`/api/admin/sellers/${customer.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: { status: 'approved' } })).status).toBe(200);
    expect(((await (await shop.request('/api/seller-application', { headers: bearer(customer) })).json()) as { status: string }).status).toBe('approved');
    expect((await UserModel.findById(customer.auth.user.id).lean())!.role).toBe('seller');
    // A seller does not apply again.
    expect((await shop.request('/api/seller-application', { method: 'POST', headers: bearer(customer), json: application })).status).toBe(403);
  });

  it('refuses a thin application with 400, and anyone but a signed-in customer', async () => {
    const customer = await signUp(shop);
    for (const json of [{}, { ...application, shopName: 'x' }, { ...application, description: 'Lamps.' }, { ...application, contactEmail: 'nope' }, { ...application, status: 'approved' }, { ...application, shopName: { $gt: '' } }]) {
      const response = await shop.request('/api/seller-application', { method: 'POST', headers: bearer(customer), json });
      expect(response.status).withContext(JSON.stringify(json)).toBe(400);
    }
    expect((await shop.request('/api/seller-application', { method: 'POST', json: application })).status).toBe(401);
    const admin = await signInAs(shop, 'admin');
    expect((await shop.request('/api/seller-application', { method: 'POST', headers: bearer(admin), json: application })).status).toBe(403);
  });
});
