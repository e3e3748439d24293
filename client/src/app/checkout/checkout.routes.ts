import type { Routes } from '@angular/router';

export const checkoutRoutes: Routes = [
  {
    // Not guarded: guests check out with their email.
    path: 'checkout',
    title: 'Checkout · MEAN Shop',
    loadComponent: () => import('./checkout-page/checkout-page').then((m) => m.CheckoutPage),
  },
];
