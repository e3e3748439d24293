import type { adminProductBulkSchema, AdminProductBulkResult, AdminProductUpdate } from '@shared/catalog/product';
import type { z } from 'zod';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { updateProduct } from './admin-products.service';
import { CategoryModel } from './category.model';

type AdminProductBulk = z.output<typeof adminProductBulkSchema>;

function changesFor(bulk: AdminProductBulk): AdminProductUpdate {
  switch (bulk.action) {
    case 'archive':
      return { status: 'archived' };
    case 'activate':
      return { status: 'active' };
    case 'set_category':
      return { categoryId: bulk.categoryId! };
  }
}

/**
 * Applies one change to many products, each through the single edit's path, so every product gets
 * its category path and search terms recomputed and its own `product.changed` (the catalogue index
 * and the admin list hear of each). Ids of no product are reported, not refused: another admin
 * may have deleted one since the list was shown.
 */
export async function applyBulkAction(events: ShopEvents, bulk: AdminProductBulk): Promise<AdminProductBulkResult> {
  // Checked once up front: a missing category would otherwise fail each product with a 400.
  if (bulk.action === 'set_category' && !(await CategoryModel.exists({ _id: bulk.categoryId }))) throw AppError.notFound('Category');
  const changes = changesFor(bulk);
  const notFound: string[] = [];
  let updated = 0;
  for (const productId of bulk.productIds) {
    try {
      await updateProduct(events, productId, changes);
      updated += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
      notFound.push(productId);
    }
  }
  return { updated, notFound };
}
