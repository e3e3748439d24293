import type { Routes } from '@angular/router';
import { accountRoutes } from './accounts/accounts.routes';
import { adminRoutes } from './admin/admin.routes';
import { cartRoutes } from './cart/cart.routes';
import { catalogRoutes } from './catalog/catalog.routes';
import { checkoutRoutes } from './checkout/checkout.routes';
import { orderRoutes } from './orders/orders.routes';
import { sellerAreaRoutes } from './seller-area/seller-area.routes';
import { sellerRoutes } from './sellers/sellers.routes';

export const routes: Routes = [
  { path: '', title: 'MEAN Shop', loadComponent: () => import('./catalog/home-page/home-page').then((m) => m.HomePage) },
  ...catalogRoutes,
  ...accountRoutes,
  ...adminRoutes,
  ...sellerAreaRoutes,
  ...sellerRoutes,
  ...cartRoutes,
  ...checkoutRoutes,
  ...orderRoutes,
  { path: 'not-allowed', title: 'Not allowed · MEAN Shop', loadComponent: () => import('./core/not-allowed-page').then((m) => m.NotAllowedPage) },
  { path: '**', title: 'Page not found · MEAN Shop', loadComponent: () => import('./core/not-found-page').then((m) => m.NotFoundPage) },
];
