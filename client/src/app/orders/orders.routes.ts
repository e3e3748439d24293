import type { Routes } from '@angular/router';
import { signedInGuard } from '../core/auth/auth.guards';

export const orderRoutes: Routes = [
  {
    // Not guarded: a guest opens their order with the token of its link; the page names itself after the order.
    path: 'orders/:id',
    title: 'Your order · MEAN Shop',
    loadComponent: () => import('./order-page/order-page').then((m) => m.OrderPage),
  },
  {
    path: 'account/orders',
    title: 'Your orders · MEAN Shop',
    canActivate: [signedInGuard],
    loadComponent: () => import('./order-history-page/order-history-page').then((m) => m.OrderHistoryPage),
  },
];
