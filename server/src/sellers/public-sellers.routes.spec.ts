import type { ErrorBody } from '@shared/errors';
import type { PublicSeller } from '@shared/sellers/seller';
import { Types } from 'mongoose';
import { createUser } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { UserModel } from '../accounts/user.model';
import { SellerModel } from './seller.model';

describe('a seller\'s public page (GET /api/sellers/:sellerId)', () => {
  const shop = useTestShop();

  /** A seller user and their seller record, straight in the database. */
  async function seller(status: 'pending' | 'approved' | 'suspended', shopName = `Lantern Works ${status}`): Promise<string> {
    const email = await createUser(status === 'approved' ? 'seller' : 'customer');
    const user = (await UserModel.findOne({ email }, { _id: 1 }).lean())!;
    await SellerModel.create({
      _id: user._id,
      shopName,
      contactEmail: 'orders@lantern-works.example',
      description: 'Hand-made brass lanterns from Porto.',
      status,
      commissionBasisPoints: 1250,
      appliedAt: new Date('2026-02-03T10:00:00.000Z'),
      decidedAt: status === 'pending' ? null : new Date('2026-02-04T10:00:00.000Z'),
    });
    return user._id.toString();
  }

  it('shows anyone an approved seller\'s shop name, description and since when they sell, and nothing private', async () => {
    const sellerId = await seller('approved');
    const response = await shop.request(`/api/sellers/${sellerId}`);
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    const profile = (await response.json()) as PublicSeller;
    expect(profile).toEqual({ id: sellerId, shopName: 'Lantern Works approved', description: 'Hand-made brass lanterns from Porto.', since: '2026-02-03T10:00:00.000Z' });
    expect(JSON.stringify(profile)).not.toContain('lantern-works.example');
  });

  it('lists the seller\'s active products through the catalogue\'s seller filter', async () => {
    const sellerId = await seller('approved', 'Fern & Fig');
    const category = await createCategory(shop, 'Public seller lamps');
    await createProduct(shop, { category, sellerId: new Types.ObjectId(sellerId), title: 'Fern lantern' });
    await createProduct(shop, { category, sellerId: new Types.ObjectId(sellerId), title: 'Fern draft', status: 'draft' });
    await createProduct(shop, { category, title: 'The shop\'s own lantern' });
    const listing = (await (await shop.request(`/api/products?seller=${sellerId}`)).json()) as { items: Array<{ title: string }>; total: number };
    expect(listing.items.map((item) => item.title)).toEqual(['Fern lantern']);
  });

  it('is not found for a seller who only applied, is suspended, has deleted the account, or does not exist', async () => {
    const deleted = await seller('approved', 'Gone Goods');
    await UserModel.updateOne({ _id: deleted }, { $set: { deletedAt: new Date() } });
    for (const sellerId of [await seller('pending'), await seller('suspended'), deleted, new Types.ObjectId().toString()]) {
      const response = await shop.request(`/api/sellers/${sellerId}`);
      expect(response.status).withContext(sellerId).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
    }
  });

  it('refuses an id that cannot be a seller\'s, before reading anything', async () => {
    const response = await shop.request('/api/sellers/shop');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('validation_failed');
  });
});
