import { adminSellerListQuerySchema, adminSellerListSchema, adminSellerSchema, adminSellerUpdateSchema, sellerIdParamsSchema } from '@shared/sellers/seller';
import type { ApiRoutes } from '../http/api-routes';
import { SellerModel } from './seller.model';
import type { Sellers } from './sellers.service';

export function registerAdminSellerRoutes(api: ApiRoutes, sellers: Sellers): void {
  const adminsOnly = { roles: ['admin'] } as const;

  api.add({
    method: 'get', path: '/admin/sellers', tag: 'Admin', auth: adminsOnly,
    summary: 'Marketplace sellers and applications, newest application first',
    query: adminSellerListQuerySchema,
    response: { status: 200, description: 'A page of sellers', schema: adminSellerListSchema },
    handler: ({ query }) => sellers.list(query),
  });

  api.add({
    method: 'patch', path: '/admin/sellers/:sellerId', tag: 'Admin', auth: adminsOnly,
    summary: 'Approve, suspend or reinstate a seller, or set their commission',
    description: 'Approving makes the applicant a seller. Suspending takes every product of theirs off the storefront at once; reinstating brings them back. 409 when another admin changed the seller meanwhile.',
    params: sellerIdParamsSchema,
    body: adminSellerUpdateSchema,
    response: { status: 200, description: 'The seller as they now stand', schema: adminSellerSchema },
    errors: [404, 409],
    audit: {
      action: 'seller.updated',
      targetType: 'seller',
      before: async ({ params }) => SellerModel.findById(params.sellerId, { shopName: 1, status: 1, commissionBasisPoints: 1 }).lean(),
      after: (seller) => seller && { shopName: seller.shopName, status: seller.status, commissionBasisPoints: seller.commissionBasisPoints },
    },
    handler: ({ params, body }) => sellers.update(params.sellerId, body),
  });
}
