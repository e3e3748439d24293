import type { Routes } from '@angular/router';

export const cartRoutes: Routes = [
  {
    // Not guarded: guests have a cart too (kept by its cookie).
    path: 'cart',
    title: 'Your cart · MEAN Shop',
    loadComponent: () => import('./cart-page/cart-page').then((m) => m.CartPage),
  },
];
