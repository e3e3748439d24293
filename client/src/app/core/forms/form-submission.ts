import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { applyApiErrors, focusFirstInvalidField } from './form-api-errors';

export interface FormSubmissionOptions {
  /**
   * The page to search for the first field that needs attention when a submit is refused as
   * invalid; focus moves there so keyboard and screen-reader users land on the problem.
   */
  focusWithin?: HTMLElement;
  /**
   * Shows a failed action on the form and returns the sentence to show above it, or null for none.
   * Replaces the usual `applyApiErrors`, for failures that a page explains in its own way.
   */
  showFailure?: (error: unknown) => string | null;
}

/**
 * A form's submit, the same on every page: one at a time, never with fields still invalid, and a
 * failure shown on the fields it is about and in one sentence above the form.
 */
export class FormSubmission {
  private readonly running = signal(false);
  private readonly failure = signal<string | null>(null);
  private readonly form: FormGroup;
  private readonly options: FormSubmissionOptions;

  /** While true the submit button is disabled and says what is happening. */
  readonly submitting = this.running.asReadonly();
  /** The sentence for the form's `role="alert"` area, null when there is nothing to say. */
  readonly error = this.failure.asReadonly();

  constructor(form: FormGroup, options: FormSubmissionOptions = {}) {
    this.form = form;
    this.options = options;
  }

  /**
   * Runs `action` if the form may be sent, and resolves to whether it completed. A failure thrown
   * anywhere in it is shown on the form; what must wait until the form is idle again (leaving the
   * page) goes after the returned promise instead.
   */
  async submit(action: () => Promise<unknown>): Promise<boolean> {
    if (this.running()) return false;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (this.options.focusWithin) focusFirstInvalidField(this.options.focusWithin);
      return false;
    }
    this.running.set(true);
    this.failure.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      this.failure.set(this.options.showFailure ? this.options.showFailure(error) : applyApiErrors(this.form, error));
      return false;
    } finally {
      this.running.set(false);
    }
  }

  /** For a form that is put away (cancelled) without being sent. */
  clearError(): void {
    this.failure.set(null);
  }
}
