import type { CollectionExportPolicy } from '@shared/admin/database';

/**
 * What an export may carry. Secrets never leave the database: collections that hold nothing but
 * session or mailed tokens are refused, and fields that hold a secret, or what a secret opens,
 * are left out of every document.
 */
const refused: Record<string, string> = {
  refreshtokens: 'Holds the sessions\' refresh tokens (hashed, but still session secrets)',
  onetimetokens: 'Holds the password-reset and email-confirmation tokens',
};

const redacted: Record<string, { fields: string[]; reason: string }> = {
  users: { fields: ['passwordHash'], reason: 'Password hashes are never exported' },
  idempotencyrecords: { fields: ['responseBody'], reason: 'A stored order answer carries a guest\'s order access token' },
  outboxmails: { fields: ['text'], reason: 'Development mail holds sign-in, reset and confirmation links' },
};

/**
 * A safety net for collections added later: any field, at any depth, whose name says it is a
 * secret (`passwordHash`, `tokenHash`, `accessToken`, `apiKeySecret`…) is left out too.
 */
const secretFieldName = /password|secret|token/i;

export function exportPolicyFor(collection: string): CollectionExportPolicy {
  const refusal = refused[collection];
  if (refusal) return { allowed: false, redactedFields: [], reason: refusal };
  const rule = redacted[collection];
  return rule ? { allowed: true, redactedFields: rule.fields, reason: rule.reason } : { allowed: true, redactedFields: [] };
}

/** The document without its redacted fields and without any field named like a secret. */
export function redact(document: Record<string, unknown>, policy: CollectionExportPolicy): Record<string, unknown> {
  const copy = withoutSecretNames(document) as Record<string, unknown>;
  for (const field of policy.redactedFields) delete copy[field];
  return copy;
}

function withoutSecretNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretNames);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (secretFieldName.test(key) ? [] : [[key, withoutSecretNames(inner)]])));
}

/** BSON values (ObjectId, Date, Binary, Decimal128…) are objects with a prototype of their own: kept as they are. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
