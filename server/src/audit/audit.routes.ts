import { auditListQuerySchema, auditListSchema } from '@shared/admin/audit';
import type { ApiRoutes } from '../http/api-routes';
import type { AuditLog } from './audit-log';

export function registerAuditRoutes(api: ApiRoutes, auditLog: AuditLog): void {
  api.add({
    method: 'get',
    path: '/admin/audit',
    tag: 'Admin',
    summary: 'What admins did, newest first: who, what, when, and the values before and after',
    description: 'Filters combine; `from`/`to` are local days in `tz`. Pages of 50 with a cursor.',
    auth: { roles: ['admin'] },
    query: auditListQuerySchema,
    response: { status: 200, description: 'A page of the audit log', schema: auditListSchema },
    handler: ({ query }) => auditLog.list(query),
  });
}
