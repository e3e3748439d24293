import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';

let nextPickerId = 0;

/** A number field with − and + buttons that keeps the quantity between 1 and `max`. */
@Component({
  selector: 'shop-quantity-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label [for]="inputId">Quantity@if (itemTitle(); as title) {<span class="visually-hidden"> of {{ title }}</span>}</label>
    <div class="stepper">
      <button type="button" class="step" [disabled]="disabled() || value() <= 1" [attr.aria-controls]="inputId" (click)="choose(value() - 1)">
        <span aria-hidden="true">−</span><span class="visually-hidden">One fewer</span>
      </button>
      <input
        [id]="inputId"
        type="number"
        inputmode="numeric"
        min="1"
        [max]="max()"
        step="1"
        [value]="value()"
        [disabled]="disabled()"
        (change)="chooseTyped($event)"
      />
      <button type="button" class="step" [disabled]="disabled() || value() >= max()" [attr.aria-controls]="inputId" (click)="choose(value() + 1)">
        <span aria-hidden="true">+</span><span class="visually-hidden">One more</span>
      </button>
    </div>
    <!-- The buttons keep focus, so the new number is announced rather than left to be found. -->
    <span class="visually-hidden" aria-live="polite">Quantity {{ value() }}</span>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.35rem; }
    label { font-weight: 600; color: var(--shop-ink); font-size: 0.9rem; }
    .stepper { display: inline-flex; align-items: stretch; border: 1px solid var(--shop-border); border-radius: 999px; background: #fff; width: max-content; }
    .step { background: none; color: var(--shop-ink); width: 2.75rem; min-height: 2.75rem; padding: 0; font-size: 1.25rem; line-height: 1; }
    .step:hover:not(:disabled) { background: #eef1f4; }
    input {
      width: 3.5rem; border: 0; text-align: center; font: inherit; font-weight: 600; color: inherit; background: transparent;
      appearance: textfield; -moz-appearance: textfield;
    }
    input::-webkit-inner-spin-button, input::-webkit-outer-spin-button { appearance: none; margin: 0; }
  `,
})
export class QuantityPicker {
  readonly value = model.required<number>();
  /** What can be bought now; below 1 the picker is disabled. */
  readonly max = input.required<number>();
  /** What is counted, for screen readers, when a page has a picker per product (the cart). */
  readonly itemTitle = input<string>();

  protected readonly inputId = `quantity-${nextPickerId++}`;
  protected readonly disabled = computed(() => this.max() < 1);

  protected choose(quantity: number): void {
    this.value.set(Math.min(Math.max(1, Math.trunc(quantity)), Math.max(1, this.max())));
  }

  protected chooseTyped(event: Event): void {
    const field = event.target as HTMLInputElement;
    const typed = Number(field.value);
    this.choose(Number.isFinite(typed) && field.value !== '' ? typed : 1);
    // When the clamped number equals the old one the binding does not change, so the field is set here.
    field.value = String(this.value());
  }
}
