/**
 * A unique index refused the write. MongoDB answers code 11000 on insert and update alike; FerretDB
 * v1 on PostgreSQL answers 11000 on insert only, and an InternalError carrying PostgreSQL's
 * unique_violation (SQLSTATE 23505) on update.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 11000 || (code === 1 && typeof message === 'string' && message.includes('(SQLSTATE 23505)'));
}
