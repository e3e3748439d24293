import type { ProductStatus } from '@shared/catalog/product';

/** Typed by the shared status list, so a new status fails to compile until it has a label. */
export const productStatusLabels: Readonly<Record<ProductStatus, string>> = { draft: 'Draft', active: 'Active', archived: 'Archived' };

export const productStatusOptions = Object.keys(productStatusLabels) as ProductStatus[];

export function isProductStatus(value: unknown): value is ProductStatus {
  return typeof value === 'string' && Object.hasOwn(productStatusLabels, value);
}
