import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Predicates such as `is required`, read after the field's label: "Email is required". */
export function fieldErrorMessage(label: string, errors: ValidationErrors | null): string | null {
  if (!errors) return null;
  const sentence = (predicate: string) => (/^[A-Z]/.test(predicate) ? predicate : `${label} ${predicate}`);
  if (typeof errors['server'] === 'string') return sentence(errors['server']);
  if (errors['required']) return `${label} is required`;
  if (typeof errors['schema'] === 'string') return sentence(errors['schema']);
  if (errors['email']) return `${label} must be a valid email address`;
  if (errors['minlength']) return `${label} must be at least ${(errors['minlength'] as { requiredLength: number }).requiredLength} characters`;
  if (errors['maxlength']) return `${label} must be at most ${(errors['maxlength'] as { requiredLength: number }).requiredLength} characters`;
  return `${label} is not valid`;
}

/** Whether a control's problem should be shown yet: not while the shopper is still on their first try. */
export function showsError(control: AbstractControl): boolean {
  return control.invalid && control.touched;
}

/**
 * The inline error under a field. Give it the id the input names in `aria-describedby`; it renders
 * nothing until the field has been left or the form submitted.
 */
@Component({
  selector: 'shop-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field-error' },
  template: `@if (message(); as text) {<span class="visually-hidden">Error: </span>{{ text }}}`,
})
export class FieldError {
  readonly control = input.required<AbstractControl>();
  readonly label = input.required<string>();

  /** Reactive-form controls are not signals: their events bump this so the message is recomputed. */
  private readonly changes = signal(0);

  constructor() {
    effect((onCleanup) => {
      const subscription = this.control().events.subscribe(() => this.changes.update((count) => count + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected readonly message = computed(() => {
    this.changes();
    const control = this.control();
    return showsError(control) ? fieldErrorMessage(this.label(), control.errors) : null;
  });
}
