import { statsQuerySchema, statsResponseSchema } from '@shared/admin/stats';
import type { ApiRoutes } from '../http/api-routes';
import type { SalesStats } from './sales-stats';

/** SPEC section 6: the admin overview's figures. */
export function registerStatsRoutes(api: ApiRoutes, stats: SalesStats): void {
  api.add({
    method: 'get',
    path: '/admin/stats',
    tag: 'Admin',
    summary: 'Sales figures for a period of local days, against the period just before it',
    description: 'Paid orders placed in the period, net of refunds; orders by status and low stock as they are now.',
    auth: { roles: ['admin'] },
    query: statsQuerySchema,
    response: { status: 200, description: 'The figures', schema: statsResponseSchema },
    handler: ({ query }) => stats.report(query),
  });
}
