import type { Provider } from '@angular/core';
import { AdminProductsApi } from './admin-products-api';
import { provideProductEditor } from './product-editor/product-editor-api';

/** The product editor in the dashboard: the whole catalogue, stock changed on the stock page. */
export function provideAdminProductEditor(): Provider[] {
  return provideProductEditor(AdminProductsApi, {
    productsPath: '/admin/products',
    titleArea: 'Admin',
    stockLink: (product) => ({ path: '/admin/stock', queryParams: { q: product.title } }),
    stockPlace: 'the stock page',
    showsSeller: true,
  });
}
