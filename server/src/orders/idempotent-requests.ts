import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, model, trusted } from 'mongoose';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';

const idempotencyRecordSchema = new Schema(
  {
    /** Whose key it is (`user:<id>`, or a guest's cart): one caller's key never answers another's request. */
    scope: { type: String, required: true },
    key: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['running', 'done'], required: true },
    responseStatus: { type: Number, default: null },
    responseBody: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);
idempotencyRecordSchema.index({ scope: 1, key: 1 }, { unique: true });

const IdempotencyRecordModel = model('IdempotencyRecord', idempotencyRecordSchema);

/** Kept at least this long (Stripe keeps keys 24 hours); housekeeping removes older ones. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000;
/** A request arriving while the first with its key still runs waits for that one's answer, this long at most. */
const waitForFirstMs = 60_000;
const pollEveryMs = 50;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The answer, and whether it is the first request's again rather than this one's own work. */
export interface IdempotentAnswer extends StoredResponse {
  replayed: boolean;
}

/**
 * Stripe's `Idempotency-Key` semantics for POST /api/orders (SPEC section 5): the first request
 * with a key runs; any later one with the same key and body gets the first one's response —
 * success or refusal — and creates nothing, also when it arrives while the first still runs; the
 * same key with a different body is 422. A request that failed unexpectedly (500) keeps no
 * record, so that it can be tried again.
 */
export class IdempotentRequests {
  /** Requests running here: a repeat arriving at this instance waits on it instead of polling the database. */
  private readonly running = new Map<string, Promise<unknown>>();

  async run(scope: string, key: string, request: unknown, work: () => Promise<StoredResponse>): Promise<IdempotentAnswer> {
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    try {
      await IdempotencyRecordModel.create({ scope, key, requestHash, state: 'running' });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return { ...(await this.answerOfFirst(scope, key, requestHash)), replayed: true };
    }
    const runningKey = `${scope}\n${key}`;
    const finished = this.complete(scope, key, work);
    this.running.set(runningKey, finished.catch(() => undefined));
    try {
      return { ...(await finished), replayed: false };
    } finally {
      this.running.delete(runningKey);
    }
  }

  private async complete(scope: string, key: string, work: () => Promise<StoredResponse>): Promise<StoredResponse> {
    let response: StoredResponse;
    try {
      response = await work();
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) {
        await IdempotencyRecordModel.deleteOne({ scope, key });
        throw error;
      }
      response = { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } } };
    }
    await IdempotencyRecordModel.updateOne({ scope, key }, { $set: { state: 'done', responseStatus: response.status, responseBody: response.body } });
    return response;
  }

  /**
   * Removes records older than twice the lifetime (FerretDB has no TTL index). The range is read
   * in full on FerretDB, so the sweeper calls this hourly, not on every sweep.
   */
  static async removeExpired(now = Date.now()): Promise<number> {
    const { deletedCount } = await IdempotencyRecordModel.deleteMany({ createdAt: trusted({ $lt: new Date(now - idempotencyKeyLifetimeMs * 2) }) });
    return deletedCount;
  }

  private async answerOfFirst(scope: string, key: string, requestHash: string): Promise<StoredResponse> {
    const deadline = Date.now() + waitForFirstMs;
    for (;;) {
      const record = await IdempotencyRecordModel.findOne({ scope, key }).lean();
      if (record && record.requestHash !== requestHash) {
        throw new AppError(422, 'idempotency_mismatch', 'This Idempotency-Key was already used with a different request', [
          { path: 'headers.idempotency-key', message: 'was used with a different body' },
        ]);
      }
      if (record?.state === 'done') return { status: record.responseStatus!, body: record.responseBody };
      // No record: the first failed unexpectedly and made way for a retry, which this now is.
      if (!record) throw new AppError(409, 'conflict', 'The first request with this Idempotency-Key failed; please try again');
      if (Date.now() > deadline) throw new AppError(409, 'conflict', 'A request with this Idempotency-Key is still being processed');
      const here = this.running.get(`${scope}\n${key}`);
      await (here ?? sleep(pollEveryMs));
    }
  }
}
