import {
  adminUpdateUserRequestSchema,
  adminUserListQuerySchema,
  adminUserListSchema,
  adminUserSchema,
  userIdParamsSchema,
  type AdminUser,
} from '@shared/accounts/accounts';
import { trusted, type Types } from 'mongoose';
import { escapeRegex } from '../database/literal-pattern';
import { AppError } from '../http/app-error';
import { ensureSellerRecords } from '../sellers/sellers.service';
import type { ApiRoutes } from '../http/api-routes';
import type { AccountsContext } from './accounts-context';
import { UserModel, type UserDocument } from './user.model';

function toAdminUser(user: Pick<UserDocument, 'email' | 'name' | 'role' | 'disabled' | 'createdAt'> & { _id: Types.ObjectId }): AdminUser {
  return { id: user._id.toString(), email: user.email, name: user.name, role: user.role, disabled: user.disabled, createdAt: user.createdAt.toISOString() };
}

export function registerAdminUserRoutes(api: ApiRoutes, context: AccountsContext): void {
  const adminsOnly = { roles: ['admin'] } as const;

  api.add({
    method: 'get', path: '/admin/users', tag: 'Admin', summary: 'Find users', auth: adminsOnly,
    query: adminUserListQuerySchema,
    response: { status: 200, description: 'A page of users, newest first', schema: adminUserListSchema },
    handler: async ({ query }) => {
      const pattern = query.q ? new RegExp(escapeRegex(query.q), 'i') : undefined;
      const filter = {
        deletedAt: null,
        ...(query.role ? { role: query.role } : {}),
        ...(pattern ? { $or: trusted([{ email: pattern }, { name: pattern }]) } : {}),
      };
      const [users, total] = await Promise.all([
        UserModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((query.page - 1) * query.limit).limit(query.limit).lean(),
        UserModel.countDocuments(filter),
      ]);
      return { items: users.map(toAdminUser), total, page: query.page, limit: query.limit };
    },
  });

  api.add({
    method: 'patch', path: '/admin/users/:userId', tag: 'Admin', auth: adminsOnly,
    summary: 'Change a user\'s role or disable the account (a disabled user is signed out everywhere at once)',
    params: userIdParamsSchema,
    body: adminUpdateUserRequestSchema,
    response: { status: 200, description: 'The updated user', schema: adminUserSchema },
    errors: [404, 409],
    audit: {
      action: 'user.updated',
      targetType: 'user',
      before: async ({ params }) => {
        const before = await UserModel.findById(params.userId, { email: 1, name: 1, role: 1, disabled: 1, createdAt: 1 }).lean();
        return before && toAdminUser(before);
      },
    },
    handler: async ({ user, params, body }) => {
      if (params.userId === user.id && (body.disabled === true || (body.role && body.role !== 'admin'))) {
        throw AppError.conflict('You cannot disable or demote your own account');
      }
      // updateOne then read: FerretDB v1 cannot project on findOneAndUpdate, and the password hash is never selected.
      const { matchedCount } = await UserModel.updateOne({ _id: params.userId, deletedAt: null }, { $set: body });
      const updated = matchedCount === 1 ? await UserModel.findById(params.userId).lean() : null;
      if (!updated) throw AppError.notFound('User');
      await context.events.publish('user.changed', { userId: params.userId });
      if (body.disabled === true) await context.sessions.revokeAllForUser(updated._id);
      if (updated.role === 'seller') await ensureSellerRecords({ userId: params.userId });
      if (body.disabled !== undefined || body.role !== undefined) {
        await context.events.publish('user.access_changed', { userId: params.userId, role: updated.role, canSignIn: !updated.disabled });
      }
      return toAdminUser(updated);
    },
  });
}
