import { emailSchema } from '@shared/accounts/accounts';
import type { AdminOrderFilters } from '@shared/orders/order';
import { Types, type QueryFilter } from 'mongoose';
import { dayRangeCondition } from '../database/day-range-filter';
import type { OrderDocument } from './order.model';

/** Crockford's base 32 reads O as 0 and I or L as 1, so a misread number still finds its order. */
const crockfordLookalikes: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** `ms-7k3q-9xwd`, `MS 7K3Q 9XWD` or `7K3Q9XWD` as the stored `MS-7K3Q-9XWD`; undefined when it is no order number. */
export function orderNumberOf(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '').replace(/^MS/, '');
  if (!/^[0-9A-Z]{8}$/.test(compact)) return undefined;
  const digits = [...compact].map((character) => crockfordLookalikes[character] ?? character).join('');
  if (/U/.test(digits)) return undefined;
  return `MS-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/**
 * The MongoDB filter of the admin order filters, or null when nothing can match (a search that is
 * neither an order number nor an email, or two different emails). Equalities only, each on an
 * indexed field, so FerretDB asks PostgreSQL for just those rows; the days then narrow them.
 */
export function adminOrderFilter(filters: AdminOrderFilters): QueryFilter<OrderDocument> | null {
  const filter: QueryFilter<OrderDocument> = {};
  if (filters.status) filter.status = filters.status;
  if (filters.email) filter.email = filters.email;
  if (filters.seller) filter.sellerIds = new Types.ObjectId(filters.seller);
  if (filters.q) {
    const number = orderNumberOf(filters.q);
    if (number) {
      filter.number = number;
    } else {
      // Anything else is an email or matches nothing: a literal equality, never a pattern.
      const email = emailSchema.safeParse(filters.q);
      if (!email.success) return null;
      if (filters.email && filters.email !== email.data) return null;
      filter.email = email.data;
    }
  }
  const days = dayRangeCondition(filters);
  if (days) filter.createdAt = days;
  return filter;
}
