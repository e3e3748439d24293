import type { Routes } from '@angular/router';
import { sellerGuard } from '../core/auth/auth.guards';
import { provideSellerProductEditor } from './products/seller-product-editor';

const productEditor = () => import('../admin/products/product-editor/product-editor-page').then((m) => m.AdminProductEditorPage);

/**
 * Everything under /seller, inside the seller shell; the shell and each page load when first
 * opened. One entry per page, in the order of the menu (seller-shell.ts): Orders, Questions and
 * Sales go between Products and API keys.
 */
export const sellerAreaRoutes: Routes = [
  {
    path: 'seller',
    // Also checked on every move between seller pages: the session may have ended in the meantime.
    canActivate: [sellerGuard],
    canActivateChild: [sellerGuard],
    // The dashboard's product editor, here for the seller's own products only.
    providers: [provideSellerProductEditor()],
    loadComponent: () => import('./seller-shell/seller-shell').then((m) => m.SellerShell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'products' },
      {
        path: 'products',
        title: 'Products · Seller area · MEAN Shop',
        loadComponent: () => import('./products/seller-products-page/seller-products-page').then((m) => m.SellerProductsPage),
      },
      { path: 'products/new', title: 'New product · Seller area · MEAN Shop', loadComponent: productEditor },
      { path: 'products/:id', title: 'Product · Seller area · MEAN Shop', loadComponent: productEditor },
      {
        path: 'orders',
        title: 'Orders · Seller area · MEAN Shop',
        loadComponent: () => import('./orders/seller-orders-page/seller-orders-page').then((m) => m.SellerOrdersPage),
      },
      // The page names itself after the order once it is loaded.
      {
        path: 'orders/:id',
        title: 'Order · Seller area · MEAN Shop',
        loadComponent: () => import('./orders/seller-order-page/seller-order-page').then((m) => m.SellerOrderPage),
      },
      {
        // The admins' answer page, with only this seller's products' questions.
        path: 'questions',
        title: 'Questions · Seller area · MEAN Shop',
        data: { scope: 'seller' },
        loadComponent: () => import('../questions/answer-questions-page/answer-questions-page').then((m) => m.AnswerQuestionsPage),
      },
      {
        path: 'sales',
        title: 'Sales · Seller area · MEAN Shop',
        loadComponent: () => import('./sales/seller-sales-page/seller-sales-page').then((m) => m.SellerSalesPage),
      },
      {
        path: 'keys',
        title: 'API keys · Seller area · MEAN Shop',
        loadComponent: () => import('./keys/seller-keys-page/seller-keys-page').then((m) => m.SellerKeysPage),
      },
    ],
  },
];
