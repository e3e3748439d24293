import { FormControl } from '@angular/forms';
import { minPasswordLength as sharedMinimum, newPasswordSchema } from '@shared/accounts/accounts';
import { maxPasswordLength, minPasswordLength, newPasswordValidators } from './password-rules';

describe('password rules', () => {
  it('match the shared schema the API validates with', () => {
    expect(minPasswordLength).toBe(sharedMinimum);
    for (const password of ['', 'a'.repeat(minPasswordLength - 1), 'a'.repeat(minPasswordLength), 'a'.repeat(maxPasswordLength), 'a'.repeat(maxPasswordLength + 1)]) {
      const control = new FormControl(password, { nonNullable: true, validators: newPasswordValidators });
      expect(control.valid).withContext(`${password.length} characters`).toBe(newPasswordSchema.safeParse(password).success);
    }
  });
});
