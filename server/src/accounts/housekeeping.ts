import type { Logger } from 'pino';
import { trusted } from 'mongoose';
import { OneTimeTokenModel } from './one-time-token.model';
import { RefreshTokenModel } from './refresh-token.model';

const hourMs = 60 * 60 * 1000;

/**
 * Deletes expired refresh and one-time tokens. FerretDB has no TTL indexes, so the app does it;
 * a day of grace keeps recently expired tokens for reuse detection and support questions.
 */
export async function deleteExpiredTokens(now = new Date()): Promise<number> {
  const cutoff = trusted({ $lt: new Date(now.getTime() - 24 * hourMs) });
  const [refresh, oneTime] = await Promise.all([
    RefreshTokenModel.deleteMany({ expiresAt: cutoff }),
    OneTimeTokenModel.deleteMany({ expiresAt: cutoff }),
  ]);
  return refresh.deletedCount + oneTime.deletedCount;
}

/** Runs the clean-up hourly; the returned function stops it. Safe to run on several instances. */
export function startTokenHousekeeping(log: Logger): () => void {
  const run = () => {
    deleteExpiredTokens()
      .then((deleted) => deleted > 0 && log.info({ deleted }, 'expired tokens deleted'))
      .catch((error: unknown) => log.warn({ err: error }, 'token housekeeping failed'));
  };
  const timer = setInterval(run, hourMs);
  timer.unref();
  return () => clearInterval(timer);
}
