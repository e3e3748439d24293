import type { AuditEntry, AuditList, AuditListQuery, AuditTargetType } from '@shared/admin/audit';
import { trusted, Types, type QueryFilter } from 'mongoose';
import type { Logger } from 'pino';
import type { AuthenticatedUser } from '../accounts/authenticator';
import { dayRangeCondition } from '../database/day-range-filter';
import { AuditEntryModel, type AuditEntryDocument } from './audit-entry.model';

const pageSize = 50;

export interface AuditRecord {
  actor: AuthenticatedUser;
  action: string;
  targetType: AuditTargetType;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * JSON as the API answered it, so that what is stored is plain data: ObjectIds and dates as
 * strings, no undefined, no prototypes.
 */
function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function toAuditEntry(entry: AuditEntryDocument): AuditEntry {
  return {
    id: entry._id.toString(),
    at: entry.createdAt.toISOString(),
    actor: { id: entry.actorId.toString(), name: entry.actorName, email: entry.actorEmail },
    action: entry.action,
    target: { type: entry.targetType, id: entry.targetId ?? null },
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/** The record of what admins did: written by the API routes that declare `audit`, read on /admin/audit. */
export class AuditLog {
  private readonly actions = new Set<string>();

  constructor(private readonly log: Logger) {}

  /** An action a route records; the list offers them as a filter. */
  declare(action: string): void {
    this.actions.add(action);
  }

  /**
   * Written after the action succeeded. A failure to write is logged loudly but does not undo or
   * fail what the admin did: the change is made, and the log line says it went unrecorded.
   */
  async record({ actor, action, targetType, targetId, before, after }: AuditRecord): Promise<void> {
    try {
      await AuditEntryModel.create({ actorId: actor._id, actorName: actor.name, actorEmail: actor.email, action, targetType, targetId, before: plain(before), after: plain(after) });
    } catch (error) {
      this.log.error({ err: error, action, targetType, targetId, actorId: actor.id }, 'an admin action could not be written to the audit log');
    }
  }

  /** Newest first, a page at a time; the cursor is the last entry's id (ids grow with time). */
  async list({ actor, action, targetType, targetId, cursor, ...days }: Omit<AuditListQuery, 'tz'> & { tz: string }): Promise<AuditList> {
    const filter: QueryFilter<AuditEntryDocument> = {};
    if (actor) filter.actorId = new Types.ObjectId(actor);
    if (action) filter.action = action;
    if (targetType) filter.targetType = targetType;
    if (targetId) filter.targetId = targetId;
    const createdAt = dayRangeCondition(days);
    if (createdAt) filter.createdAt = createdAt;
    if (cursor) filter._id = trusted({ $lt: new Types.ObjectId(cursor) });
    const entries = await AuditEntryModel.find(filter).sort({ _id: -1 }).limit(pageSize + 1).lean<AuditEntryDocument[]>();
    const page = entries.slice(0, pageSize);
    return {
      items: page.map(toAuditEntry),
      nextCursor: entries.length > pageSize ? page.at(-1)!._id.toString() : null,
      actions: [...this.actions].sort(),
    };
  }
}
