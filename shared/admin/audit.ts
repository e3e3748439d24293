import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';
import { checkingDayRange, dayRangeShape } from './day-range';

/** What an audit entry is about: `product`, `order`, `user`, `category`, `collection`… */
export const auditTargetTypes = ['product', 'category', 'order', 'user', 'seller', 'database', 'collection', 'orders'] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).meta({ description: 'The admin, as they were named when they acted' }),
    action: z.string().meta({ description: 'What was done, as `target.verb`: `product.updated`, `order.status_changed`…' }),
    target: z.object({ type: z.enum(auditTargetTypes), id: z.string().nullable() }),
    before: z.unknown().meta({ description: 'The target before the change (null for a creation or where nothing was read)' }),
    after: z.unknown().meta({ description: 'The target after the change, or what the action was given' }),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable(), actions: z.array(z.string()).meta({ description: 'Every action the log records, for a filter' }) })
  .meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof auditListSchema>;

/**
 * Filters of the audit log. Each is an equality on an indexed field (FerretDB hands those to
 * PostgreSQL); the days narrow what they select.
 */
export const auditListQuerySchema = checkingDayRange(
  z.strictObject({
    actor: objectIdSchema.optional().meta({ description: 'The admin\'s user id' }),
    action: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'must be an action such as product.updated').max(60).optional(),
    targetType: z.enum(auditTargetTypes).optional(),
    targetId: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/).optional(),
    ...dayRangeShape,
    cursor: objectIdSchema.optional().meta({ description: 'The nextCursor of the page before' }),
  }),
);
export type AuditListQuery = z.input<typeof auditListQuerySchema>;
