import { auditTargetTypes } from '@shared/admin/audit';
import { model, Schema, type InferSchemaType, type Types } from 'mongoose';

const auditEntrySchema = new Schema(
  {
    actorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Kept as they were: the log still says who acted after the account is renamed or deleted. */
    actorName: { type: String, required: true },
    actorEmail: { type: String, required: true },
    action: { type: String, required: true },
    targetType: { type: String, enum: auditTargetTypes, required: true },
    targetId: { type: String, default: null },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  // Written once, never changed: only the time it was written.
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);

// Each filter of the log is an equality on one of these, newest first.
auditEntrySchema.index({ actorId: 1, createdAt: -1 });
auditEntrySchema.index({ action: 1, createdAt: -1 });
auditEntrySchema.index({ targetType: 1, targetId: 1, createdAt: -1 });

export type AuditEntryDocument = InferSchemaType<typeof auditEntrySchema> & { _id: Types.ObjectId; createdAt: Date };
export const AuditEntryModel = model('AuditEntry', auditEntrySchema);
