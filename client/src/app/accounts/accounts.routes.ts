import type { Routes } from '@angular/router';
import { signedInGuard } from '../core/auth/auth.guards';

export const accountRoutes: Routes = [
  { path: 'sign-in', title: 'Sign in · MEAN Shop', loadComponent: () => import('./sign-in-page/sign-in-page').then((m) => m.SignInPage) },
  { path: 'sign-up', title: 'Create an account · MEAN Shop', loadComponent: () => import('./sign-up-page/sign-up-page').then((m) => m.SignUpPage) },
  {
    path: 'forgot-password',
    title: 'Forgot your password · MEAN Shop',
    loadComponent: () => import('./forgot-password-page/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · MEAN Shop',
    loadComponent: () => import('./reset-password-page/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'auth/complete',
    title: 'Signing you in · MEAN Shop',
    loadComponent: () => import('./auth-complete-page/auth-complete-page').then((m) => m.AuthCompletePage),
  },
  {
    path: 'account',
    title: 'Your account · MEAN Shop',
    canActivate: [signedInGuard],
    loadComponent: () => import('./account-page/account-page').then((m) => m.AccountPage),
  },
  {
    path: 'account/addresses',
    title: 'Your addresses · MEAN Shop',
    canActivate: [signedInGuard],
    loadComponent: () => import('./addresses-page/addresses-page').then((m) => m.AddressesPage),
  },
  {
    // Not guarded: the link from the mail may well open in a browser that is signed out.
    path: 'account/verify-email',
    title: 'Confirm your email · MEAN Shop',
    loadComponent: () => import('./verify-email-page/verify-email-page').then((m) => m.VerifyEmailPage),
  },
];
