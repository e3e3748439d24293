/** `up` and `down` are rounded as shown: a change that shows as 0% is `flat`. */
export type KpiDirection = 'up' | 'down' | 'flat' | 'none';

export interface KpiChange {
  /** `none`: the previous period had nothing to compare with. */
  direction: KpiDirection;
  /** The change as a fraction of the previous figure (0.125 for +12.5%); null for `none`. */
  ratio: number | null;
  /** What the card shows: `+12.5%`, `−3%`, `0%`, or `—`. */
  label: string;
}

const percent = new Intl.NumberFormat('en-IE', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/**
 * A figure against the same figure for the previous period, as a signed percentage. A previous
 * figure of 0 (or below, which net refunds can make of revenue) gives no percentage: "—".
 */
export function kpiChange(current: number, previous: number): KpiChange {
  if (previous <= 0) return { direction: 'none', ratio: null, label: '—' };
  const ratio = (current - previous) / previous;
  // A true minus sign, which screen readers say as "minus" and which lines up with the plus.
  const label = percent.format(ratio).replace('-', '\u2212');
  // `exceptZero` leaves the sign off a change that rounds to 0%.
  const direction = label === '0%' ? 'flat' : ratio > 0 ? 'up' : 'down';
  return { direction, ratio, label };
}
