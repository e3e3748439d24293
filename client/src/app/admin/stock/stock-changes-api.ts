import type { StockAdjustment, StockLevels, StockMovementList } from '@shared/catalog/product';

/**
 * What the stock adjustment form and the movement history call, for one product: the admins'
 * stock page, or a seller's own products. The page that shows them provides it
 * (`{ provide: StockChangesApi, useExisting: … }`), so both areas share the two pieces.
 */
export abstract class StockChangesApi {
  abstract adjust(productId: string, adjustment: StockAdjustment): Promise<StockLevels>;
  abstract movements(productId: string, page: number, limit: number): Promise<StockMovementList>;
}
