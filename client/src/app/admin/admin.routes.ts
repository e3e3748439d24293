import type { Routes } from '@angular/router';
import { adminGuard } from '../core/auth/auth.guards';

export const adminRoutes: Routes = [
  {
    path: 'admin/users',
    title: 'Users · Admin · MEAN Shop',
    canActivate: [adminGuard],
    loadComponent: () => import('./users/admin-users-page').then((m) => m.AdminUsersPage),
  },
  {
    path: 'admin/orders',
    title: 'Orders · Admin · MEAN Shop',
    canActivate: [adminGuard],
    loadComponent: () => import('./orders/admin-orders-page/admin-orders-page').then((m) => m.AdminOrdersPage),
  },
  {
    // The page names itself after the order once it has loaded.
    path: 'admin/orders/:id',
    title: 'Order · Admin · MEAN Shop',
    canActivate: [adminGuard],
    loadComponent: () => import('./orders/admin-order-page/admin-order-page').then((m) => m.AdminOrderPage),
  },
];
