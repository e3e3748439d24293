import type { Routes } from '@angular/router';
import { adminGuard } from '../core/auth/auth.guards';
import { provideAdminProductEditor } from './products/admin-product-editor';

/** Everything under /admin, inside the admin shell; the shell and each page load when first opened. */
export const adminRoutes: Routes = [
  {
    path: 'admin',
    // Also checked on every move between admin pages: the session may have ended in the meantime.
    canActivate: [adminGuard],
    canActivateChild: [adminGuard],
    // The product editor is shared with the seller area; here it edits the whole catalogue.
    providers: [provideAdminProductEditor()],
    loadComponent: () => import('./admin-shell/admin-shell').then((m) => m.AdminShell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Overview · Admin · MEAN Shop',
        loadComponent: () => import('./overview/overview-page/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'users',
        title: 'Users · Admin · MEAN Shop',
        loadComponent: () => import('./users/admin-users-page').then((m) => m.AdminUsersPage),
      },
      {
        path: 'products',
        title: 'Products · Admin · MEAN Shop',
        loadComponent: () => import('./products/admin-products-page/admin-products-page').then((m) => m.AdminProductsPage),
      },
      {
        path: 'products/new',
        title: 'New product · Admin · MEAN Shop',
        loadComponent: () => import('./products/product-editor/product-editor-page').then((m) => m.AdminProductEditorPage),
      },
      {
        path: 'products/:id',
        title: 'Product · Admin · MEAN Shop',
        loadComponent: () => import('./products/product-editor/product-editor-page').then((m) => m.AdminProductEditorPage),
      },
      {
        path: 'categories',
        title: 'Categories · Admin · MEAN Shop',
        loadComponent: () => import('./categories/admin-categories-page/admin-categories-page').then((m) => m.AdminCategoriesPage),
      },
      {
        path: 'stock',
        title: 'Stock · Admin · MEAN Shop',
        loadComponent: () => import('./stock/admin-stock-page/admin-stock-page').then((m) => m.AdminStockPage),
      },
      {
        path: 'orders',
        title: 'Orders · Admin · MEAN Shop',
        loadComponent: () => import('./orders/admin-orders-page/admin-orders-page').then((m) => m.AdminOrdersPage),
      },
      {
        // The page names itself after the order once it has loaded.
        path: 'orders/:id',
        title: 'Order · Admin · MEAN Shop',
        loadComponent: () => import('./orders/admin-order-page/admin-order-page').then((m) => m.AdminOrderPage),
      },
      {
        path: 'sellers',
        title: 'Sellers · Admin · MEAN Shop',
        loadComponent: () => import('./sellers/admin-sellers-page/admin-sellers-page').then((m) => m.AdminSellersPage),
      },
      {
        // The same page as the seller area's, here with every question (`scope` binds to its input).
        path: 'questions',
        title: 'Questions · Admin · MEAN Shop',
        data: { scope: 'admin' },
        loadComponent: () => import('../questions/answer-questions-page/answer-questions-page').then((m) => m.AnswerQuestionsPage),
      },
      {
        path: 'audit',
        title: 'Audit log · Admin · MEAN Shop',
        loadComponent: () => import('./audit/audit-page/audit-page').then((m) => m.AuditPage),
      },
      {
        path: 'database',
        title: 'Database · Admin · MEAN Shop',
        loadComponent: () => import('./database/database-page/database-page').then((m) => m.DatabasePage),
      },
    ],
  },
];
