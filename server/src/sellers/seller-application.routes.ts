import { defaultCommissionBasisPoints, sellerApplicationInputSchema, sellerApplicationSchema, type SellerApplication } from '@shared/sellers/seller';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { SellerModel, type SellerDocument } from './seller.model';

function toApplication(seller: SellerDocument): SellerApplication {
  return { status: seller.status, shopName: seller.shopName, contactEmail: seller.contactEmail, description: seller.description ?? '', appliedAt: seller.appliedAt.toISOString() };
}

/** SPEC section 1: a customer applies to sell; the admins' sellers page decides. */
export function registerSellerApplicationRoutes(api: ApiRoutes): void {
  api.add({
    method: 'get', path: '/seller-application', tag: 'Sellers', auth: {},
    summary: 'My application to sell, and how it stands',
    response: { status: 200, description: 'The application', schema: sellerApplicationSchema },
    errors: [404],
    handler: async ({ user }) => {
      const seller = await SellerModel.findById(user._id).lean<SellerDocument>();
      if (!seller) throw AppError.notFound('Application');
      return toApplication(seller);
    },
  });

  api.add({
    method: 'post', path: '/seller-application', tag: 'Sellers', auth: { roles: ['customer'] },
    summary: 'Apply to sell in the shop: a shop name, a contact email and what you would sell',
    description: 'One application per account: a second one, or one from a seller, is 409. Admins are the shop itself and do not apply.',
    body: sellerApplicationInputSchema,
    response: { status: 201, description: 'The application, pending', schema: sellerApplicationSchema },
    errors: [409],
    handler: async ({ user, body }) => {
      const alreadyApplied = () => AppError.conflict('You have applied already; an admin will decide');
      // The user id is the record's _id, so an account applies once. An upsert, not an insert:
      // FerretDB v1 hangs after repeated failed duplicate-_id inserts (see isFirstOrder in stats/sales-stats.ts).
      const written = await SellerModel.updateOne(
        { _id: user._id },
        { $setOnInsert: { ...body, status: 'pending', commissionBasisPoints: defaultCommissionBasisPoints, appliedAt: new Date(), decidedAt: null } },
        { upsert: true },
      ).catch((error: unknown) => {
        throw isDuplicateKeyError(error) ? alreadyApplied() : error;
      });
      if (written.upsertedCount !== 1) throw alreadyApplied();
      return toApplication((await SellerModel.findById(user._id).lean<SellerDocument>())!);
    },
  });
}
