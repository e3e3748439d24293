import type { Routes } from '@angular/router';

export const catalogRoutes: Routes = [
  {
    // No route title: the page names itself after the search and category, and a route title would
    // be put back by the router on every filter change.
    path: 'products',
    loadComponent: () => import('./product-list-page/product-list-page').then((m) => m.ProductListPage),
  },
  {
    // The page replaces this with the product's own title once it has loaded.
    path: 'products/:slug',
    title: 'Product · MEAN Shop',
    loadComponent: () => import('./product-page/product-page').then((m) => m.ProductPage),
  },
];
