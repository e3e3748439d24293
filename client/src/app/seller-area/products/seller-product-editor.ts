import type { Provider } from '@angular/core';
import { provideProductEditor } from '../../admin/products/product-editor/product-editor-api';
import { SellerProductsApi } from './seller-products-api';

/** The dashboard's product editor for a seller's own products: stock is changed on the seller's products list. */
export function provideSellerProductEditor(): Provider[] {
  return provideProductEditor(SellerProductsApi, {
    productsPath: '/seller/products',
    titleArea: 'Seller area',
    stockLink: (product) => ({ path: '/seller/products', queryParams: { q: product.title } }),
    stockPlace: 'your products list',
    showsSeller: false,
  });
}
