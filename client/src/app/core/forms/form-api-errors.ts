import type { FormGroup } from '@angular/forms';
import { checkTheFieldsMessage, describeApiError } from '../http/api-error';

/**
 * Shows an API failure on a form: each `details[]` issue whose path names a control (`body.email`
 * → the `email` control) is put on that control, and the sentence to show above the form is
 * returned. Issues about no visible field are added to that sentence so nothing is lost.
 */
export function applyApiErrors(form: FormGroup, error: unknown, fieldPaths: Record<string, string> = {}): string {
  const problem = describeApiError(error);
  const unplaced: string[] = [];
  for (const issue of problem.details) {
    const name = fieldPaths[issue.path] ?? (issue.path.startsWith('body.') ? issue.path.slice('body.'.length) : null);
    const control = name ? form.get(name) : null;
    if (control) {
      control.setErrors({ ...control.errors, server: issue.message });
      control.markAsTouched();
    } else {
      unplaced.push(issue.message);
    }
  }
  const saysOnlyCheckTheFields = problem.code === 'validation_failed' && problem.message === checkTheFieldsMessage;
  return saysOnlyCheckTheFields && unplaced.length > 0 ? `${problem.message} (${unplaced.join('; ')})` : problem.message;
}

/** After a failed submit, move focus to the first field that needs attention. */
export function focusFirstInvalidField(container: HTMLElement): void {
  const field = container.querySelector<HTMLElement>('input.ng-invalid, select.ng-invalid, textarea.ng-invalid');
  field?.focus();
}
