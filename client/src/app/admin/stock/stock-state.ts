import type { AdminProduct, StockLevels } from '@shared/catalog/product';

/** Sold out, running low (at or below the product's alert level), or fine: the admins' stock page and the seller's products alike. */
export type StockState = 'out' | 'low' | 'ok';

export function stockStateOf(available: number, threshold: number): StockState {
  return available === 0 ? 'out' : available <= threshold ? 'low' : 'ok';
}

export const stockStateLabels: Readonly<Record<StockState, string>> = { out: 'Sold out', low: 'Low', ok: 'In stock' };

/** A row after a stock change: the server's answer replaces its numbers, nothing is shown before it. */
export function withLevels(product: AdminProduct, levels: StockLevels): AdminProduct {
  return { ...product, stock: levels.stock, available: levels.available, reserved: levels.stock - levels.available };
}
