import type { ValidatorFn } from '@angular/forms';
import type { ZodType } from 'zod';

/**
 * Checks a control with a zod schema from shared/, so the form and the API enforce one rule with
 * one wording (`must be at least 8 characters`). Only the pages that pass a schema load zod.
 */
export function schemaValidator(schema: ZodType): ValidatorFn {
  return (control) => {
    const result = schema.safeParse(control.value);
    return result.success ? null : { schema: result.error.issues[0]?.message ?? 'is not valid' };
  };
}
