import { formatMoney, type Money } from '@shared/money';

/** One field an admin action changed, as the page shows it. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 2 && typeof (value as Money).amount === 'number' && typeof (value as Money).currency === 'string';
}

/** Values a person reads: text as it is, money as money, nothing as a dash, anything else as compact JSON. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isMoney(value)) return formatMoney(value);
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields whose value differs between the target before and after, in the order they appear.
 * A creation (nothing before) lists what it was created with; a removal what was removed; a value
 * that is not an object (an export's filters, a count) is one change of "value".
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ field: 'value', before: shownValue(before), after: shownValue(after) }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, before: shownValue(from[field]), after: shownValue(to[field]) }));
}

/** `order.status_changed` → `Order status changed`. */
export function actionLabel(action: string): string {
  const words = action.replace('.', ' ').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
