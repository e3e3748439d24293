import { Validators } from '@angular/forms';

/**
 * The length rules of shared/accounts `newPasswordSchema`, restated so the sign-up and reset pages
 * need not load zod (a spec keeps the two in step). The common-password check stays on the server;
 * its answer lands on the field through the error's `details`.
 */
export const minPasswordLength = 8;
export const maxPasswordLength = 256;

export const newPasswordValidators = [Validators.required, Validators.minLength(minPasswordLength), Validators.maxLength(maxPasswordLength)];
