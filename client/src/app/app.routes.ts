import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', title: 'MEAN Shop', loadComponent: () => import('./catalog/home-page/home-page').then((m) => m.HomePage) },
  { path: '**', title: 'Page not found · MEAN Shop', loadComponent: () => import('./core/not-found-page').then((m) => m.NotFoundPage) },
];
