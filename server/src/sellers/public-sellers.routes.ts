import { publicSellerSchema, sellerIdParamsSchema, type PublicSeller } from '@shared/sellers/seller';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { SellerModel, type SellerDocument } from './seller.model';

/**
 * The shop of an approved seller, for anyone. Pending, suspended and unknown sellers are all the
 * same 404: a shopper may not tell an application or a suspension from a mistyped link. Both
 * reads are equalities on `_id`, with only the public fields selected.
 */
export async function publicSeller(sellerId: string): Promise<PublicSeller> {
  const [seller, user] = await Promise.all([
    SellerModel.findOne({ _id: sellerId, status: 'approved' }, { shopName: 1, description: 1, appliedAt: 1 }).lean<Pick<SellerDocument, '_id' | 'shopName' | 'description' | 'appliedAt'>>(),
    // A deleted account keeps its seller record for old orders, not a shop window.
    UserModel.exists({ _id: sellerId, deletedAt: null }),
  ]);
  if (!seller || !user) throw AppError.notFound('Seller');
  return { id: seller._id.toString(), shopName: seller.shopName, description: seller.description ?? '', since: seller.appliedAt.toISOString() };
}

/** Issue 11: the storefront's page of one marketplace seller, linked from "Sold by". */
export function registerPublicSellerRoutes(api: ApiRoutes): void {
  api.add({
    method: 'get', path: '/sellers/:sellerId', tag: 'Sellers',
    summary: 'An approved seller\'s shop: its name, description and since when it sells here',
    description: 'Their products are `GET /api/products?seller={sellerId}`. A seller who is not approved (applied, suspended) or does not exist is 404.',
    params: sellerIdParamsSchema,
    response: { status: 200, description: 'The seller\'s public profile', schema: publicSellerSchema },
    errors: [404],
    handler: ({ params }) => publicSeller(params.sellerId),
  });
}
