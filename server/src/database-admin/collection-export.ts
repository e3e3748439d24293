import { once } from 'node:events';
import { collectionExportContentType } from '@shared/admin/database';
import type { Response } from 'express';
import { BSON } from 'mongodb';
import mongoose from 'mongoose';
import { AppError } from '../http/app-error';
import { shopCollectionNames } from './database-overview';
import { exportPolicyFor, redact } from './export-policy';

/**
 * Streams a collection as newline-delimited canonical Extended JSON (`mongoimport` reads it as it
 * is): one document per line, written as the cursor reads it, waiting whenever the client is slower
 * than the database. Canonical, not relaxed, so that every type comes back as it was: ObjectIds,
 * dates, and int, long and double kept apart. The name is only ever compared with what
 * listCollections answers, never used as a path or an operator.
 */
export async function exportCollection(requestedName: string, res: Response): Promise<void> {
  const name = (await shopCollectionNames()).find((existing) => existing === requestedName);
  if (!name) throw AppError.notFound('Collection');
  const policy = exportPolicyFor(name);
  if (!policy.allowed) throw new AppError(403, 'forbidden', `The ${name} collection is not exported: ${policy.reason ?? 'it holds secrets'}`);

  const cursor = mongoose.connection.db!.collection(name).find({}, { sort: { _id: 1 } });
  res.status(200);
  res.setHeader('Content-Type', `${collectionExportContentType}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="${name}.ndjson"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (policy.redactedFields.length > 0) res.setHeader('X-Redacted-Fields', policy.redactedFields.join(', '));
  const abandoned = () => void cursor.close().catch(() => undefined);
  res.once('close', abandoned);
  try {
    for await (const document of cursor) {
      if (res.destroyed) break;
      const line = `${BSON.EJSON.stringify(redact(document, policy), { relaxed: false })}\n`;
      if (!res.write(line)) await once(res, 'drain');
    }
    if (!res.destroyed) res.end();
  } finally {
    res.off('close', abandoned);
    await cursor.close().catch(() => undefined);
  }
}
