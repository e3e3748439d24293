import { Validators } from '@angular/forms';
import { maxPasswordLength, minPasswordLength } from '@shared/accounts/account-rules';

export { maxPasswordLength, minPasswordLength };

/**
 * The length rules of shared/accounts `newPasswordSchema`, from the zod-free rules file so the
 * sign-up and reset pages need not load zod. The common-password check stays on the server; its
 * answer lands on the field through the error's `details`.
 */

export const newPasswordValidators = [Validators.required, Validators.minLength(minPasswordLength), Validators.maxLength(maxPasswordLength)];
