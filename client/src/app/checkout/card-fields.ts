import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, type FormGroup, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { testCards } from '@shared/payments/test-cards';
import { FieldError, showsError } from '../core/forms/field-error';

export interface CardControls {
  number: FormControl<string>;
  expMonth: FormControl<number | null>;
  expYear: FormControl<number | null>;
  cvc: FormControl<string>;
}

/** A card that expired before this month; read after the label, as other field errors are. */
export function expiryValidator(today = new Date()): ValidatorFn {
  return (group) => {
    const { expMonth, expYear } = (group as FormGroup<CardControls>).getRawValue();
    if (!expMonth || !expYear) return null;
    const expired = expYear < today.getFullYear() || (expYear === today.getFullYear() && expMonth < today.getMonth() + 1);
    return expired ? { schema: 'is in the past' } : null;
  };
}

/** Groups of four, as printed on the card. */
export function spacedCardNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

const testCardList = [
  { number: testCards.succeeds, outcome: 'is approved' },
  { number: testCards.declined, outcome: 'is declined' },
  { number: testCards.insufficientFunds, outcome: 'is declined for insufficient funds' },
  { number: testCards.slow, outcome: 'is approved a few seconds later' },
].map((card) => ({ ...card, spaced: spacedCardNumber(card.number) }));

/** Card number, expiry and CVC, with the test provider's cards to try. */
@Component({
  selector: 'shop-card-fields',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let card = group().controls;
    <div class="field">
      <label for="card-number">Card number</label>
      <input id="card-number" type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" [formControl]="card.number"
        aria-describedby="card-number-error" [attr.aria-invalid]="showsError(card.number)" />
      <shop-field-error id="card-number-error" label="Card number" [control]="card.number" />
    </div>
    <div class="field-row">
      <fieldset class="field expiry" aria-describedby="card-expiry-error">
        <legend>Expiry date</legend>
        <div class="expiry-selects">
          <label class="visually-hidden" for="card-exp-month">Expiry month</label>
          <select id="card-exp-month" autocomplete="cc-exp-month" [formControl]="card.expMonth" [attr.aria-invalid]="showsError(card.expMonth)">
            <option [ngValue]="null" disabled>Month</option>
            @for (month of months; track month) {
              <option [ngValue]="month">{{ month < 10 ? '0' + month : month }}</option>
            }
          </select>
          <span aria-hidden="true">/</span>
          <label class="visually-hidden" for="card-exp-year">Expiry year</label>
          <select id="card-exp-year" autocomplete="cc-exp-year" [formControl]="card.expYear" [attr.aria-invalid]="showsError(card.expYear)">
            <option [ngValue]="null" disabled>Year</option>
            @for (year of years; track year) {
              <option [ngValue]="year">{{ year }}</option>
            }
          </select>
        </div>
        <shop-field-error id="card-expiry-error" label="Expiry date" [control]="expiryProblem()" />
      </fieldset>
      <div class="field cvc">
        <label for="card-cvc">Security code (CVC)</label>
        <input id="card-cvc" type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="4" [formControl]="card.cvc"
          aria-describedby="card-cvc-hint card-cvc-error" [attr.aria-invalid]="showsError(card.cvc)" />
        <p class="hint" id="card-cvc-hint">The 3 or 4 digits on the back of the card.</p>
        <shop-field-error id="card-cvc-error" label="Security code" [control]="card.cvc" />
      </div>
    </div>

    @if (showTestCards()) {
      <details class="test-cards">
        <summary>Test cards (no real payment is taken)</summary>
        <p class="hint">This shop uses a test payment provider. Any future expiry date and any CVC work.</p>
        <ul>
          @for (test of testCards; track test.number) {
            <li>
              <code>{{ test.spaced }}</code> {{ test.outcome }}
              <button type="button" class="link" (click)="useTestCard(test.number)">Use<span class="visually-hidden"> {{ test.spaced }}</span></button>
            </li>
          }
        </ul>
      </details>
    }
  `,
  styles: `
    :host { display: block; }
    fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
    legend { font-weight: 600; color: var(--shop-ink); padding: 0; margin-bottom: 0.35rem; }
    .expiry-selects { display: flex; align-items: center; gap: 0.5rem; }
    .expiry-selects select { flex: 1; min-width: 0; font: inherit; min-height: 2.75rem; padding: 0.5rem; border: 1px solid var(--shop-border); border-radius: 8px; background: #fff; }
    .expiry-selects select[aria-invalid='true'] { border-color: var(--shop-danger); box-shadow: 0 0 0 1px var(--shop-danger); }
    .cvc input { max-width: 8rem; }
    .test-cards { background: #eef3f8; border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    summary { cursor: pointer; font-weight: 600; color: var(--shop-ink); }
    .test-cards ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.35rem; }
    .test-cards li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; }
    .test-cards .hint { margin-top: 0.5rem; }
    code { font-family: ui-monospace, monospace; white-space: nowrap; }
  `,
})
export class CardFields {
  /** The card's group; its own error says when the expiry has passed. */
  readonly group = input.required<FormGroup<CardControls>>();
  readonly showTestCards = input(false);

  protected readonly months = Array.from({ length: 12 }, (_, index) => index + 1);
  protected readonly years = Array.from({ length: 16 }, (_, index) => new Date().getFullYear() + index);
  protected readonly testCards = testCardList;
  protected readonly showsError = showsError;

  /** A missing month or year is said like an expiry in the past: once, under the pair. */
  protected expiryProblem(): FormControl<number | null> | FormGroup<CardControls> {
    const card = this.group().controls;
    if (card.expMonth.invalid) return card.expMonth;
    if (card.expYear.invalid) return card.expYear;
    return this.group();
  }

  protected useTestCard(number: string): void {
    const card = this.group().controls;
    card.number.setValue(spacedCardNumber(number));
    card.number.markAsTouched();
  }
}
