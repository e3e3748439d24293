import { defaultCommissionBasisPoints, type AdminSeller, type AdminSellerList, type AdminSellerListFilters, type AdminSellerUpdate } from '@shared/sellers/seller';
import type { Types } from 'mongoose';
import { UserModel } from '../accounts/user.model';
import { ProductModel } from '../catalog/product.model';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { SellerModel, type SellerDocument } from './seller.model';

/**
 * Every user with the seller role has a seller record: the demo sellers, sellers made before
 * records existed, and users an admin made sellers on the users page start approved at the default
 * commission. One equality on `role` at start and after a reseed, or one user by id.
 */
export async function ensureSellerRecords(only?: { userId: string }): Promise<void> {
  const sellers = await UserModel.find({ role: 'seller', deletedAt: null, ...(only ? { _id: only.userId } : {}) }, { name: 1, email: 1, createdAt: 1 }).lean();
  for (const user of sellers) {
    await SellerModel.updateOne(
      { _id: user._id },
      { $setOnInsert: { shopName: user.name, contactEmail: user.email, description: '', status: 'approved', commissionBasisPoints: defaultCommissionBasisPoints, appliedAt: user.createdAt, decidedAt: null } },
      { upsert: true },
    );
  }
}

/**
 * The marketplace sellers' standing: approving an application, suspending and reinstating, and
 * the commission. Suspending takes the seller's products off the storefront at once: each is
 * marked, and `product.changed` makes every instance's catalogue read it again.
 */
export class Sellers {
  constructor(private readonly events: ShopEvents) {}

  async list({ status, page, limit }: AdminSellerListFilters): Promise<AdminSellerList> {
    const filter = status ? { status } : {};
    const [sellers, total] = await Promise.all([
      SellerModel.find(filter).sort({ appliedAt: -1, _id: -1 }).skip((page - 1) * limit).limit(limit).lean<SellerDocument[]>(),
      SellerModel.countDocuments(filter),
    ]);
    return { items: await Promise.all(sellers.map((seller) => this.view(seller))), total, page, limit };
  }

  async update(sellerId: string, { status, commissionBasisPoints }: AdminSellerUpdate): Promise<AdminSeller> {
    const before = await SellerModel.findById(sellerId).lean<SellerDocument>();
    if (!before) throw AppError.notFound('Seller');
    const changes: Partial<SellerDocument> = {};
    if (commissionBasisPoints !== undefined && commissionBasisPoints !== before.commissionBasisPoints) changes.commissionBasisPoints = commissionBasisPoints;
    if (status !== undefined && status !== before.status) Object.assign(changes, { status, decidedAt: new Date() });
    // Asking for how the seller already stands changes nothing.
    if (Object.keys(changes).length === 0) return this.view(before);
    // Guarded by the status read: two admins deciding at once cannot both win.
    const { matchedCount } = await SellerModel.updateOne({ _id: before._id, status: before.status }, { $set: changes });
    if (matchedCount === 0) throw AppError.conflict('Another admin changed this seller a moment ago; reload to see how it stands');
    if (changes.status) await this.applyStanding(before._id, changes.status);
    return this.view((await SellerModel.findById(before._id).lean<SellerDocument>())!);
  }

  /** The user's role and the products' visibility follow the seller's status. */
  private async applyStanding(sellerId: Types.ObjectId, status: SellerDocument['status']): Promise<void> {
    if (status === 'approved') {
      // updateOne then read: FerretDB v1 cannot project on findOneAndUpdate, and the password hash is never selected.
      const { modifiedCount } = await UserModel.updateOne({ _id: sellerId, role: 'customer' }, { $set: { role: 'seller' } });
      const user = modifiedCount === 1 ? await UserModel.findById(sellerId, { disabled: 1 }).lean() : null;
      if (user) {
        await this.events.publish('user.changed', { userId: sellerId.toString() });
        await this.events.publish('user.access_changed', { userId: sellerId.toString(), role: 'seller', canSignIn: !user.disabled });
      }
    }
    const suspended = status === 'suspended';
    await ProductModel.updateMany({ sellerId }, { $set: { sellerSuspended: suspended } });
    // Each is read again, here and, through the relayed event, on every instance.
    const products = await ProductModel.find({ sellerId }, { _id: 1 }).lean();
    for (const product of products) await this.events.publish('product.changed', { productId: product._id.toString() });
  }

  private async view(seller: SellerDocument): Promise<AdminSeller> {
    const [user, productCount] = await Promise.all([UserModel.findById(seller._id, { name: 1, email: 1, disabled: 1 }).lean(), ProductModel.countDocuments({ sellerId: seller._id })]);
    return {
      id: seller._id.toString(),
      shopName: seller.shopName,
      contactEmail: seller.contactEmail,
      description: seller.description ?? '',
      status: seller.status,
      commissionBasisPoints: seller.commissionBasisPoints,
      productCount,
      user: { name: user?.name ?? 'Deleted user', email: user?.email ?? '', disabled: user?.disabled ?? true },
      appliedAt: seller.appliedAt.toISOString(),
      decidedAt: seller.decidedAt ? seller.decidedAt.toISOString() : null,
    };
  }
}
