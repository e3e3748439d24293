import type { Routes } from '@angular/router';

export const sellerRoutes: Routes = [
  {
    // The page names itself after the seller's shop once it has loaded.
    path: 'sellers/:id',
    title: 'Seller · MEAN Shop',
    loadComponent: () => import('./seller-page/seller-page').then((m) => m.SellerPage),
  },
];
