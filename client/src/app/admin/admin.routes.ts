import type { Routes } from '@angular/router';
import { adminGuard } from '../core/auth/auth.guards';

export const adminRoutes: Routes = [
  {
    path: 'admin/users',
    title: 'Users · Admin · MEAN Shop',
    canActivate: [adminGuard],
    loadComponent: () => import('./users/admin-users-page').then((m) => m.AdminUsersPage),
  },
];
