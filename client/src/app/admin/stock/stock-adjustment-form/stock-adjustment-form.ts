import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { maxStockReasonLength, type StockAdjustment, type StockLevels } from '@shared/catalog/product';
import { describeApiError } from '../../../core/http/api-error';
import { StockChangesApi } from '../stock-changes-api';

export type AdjustmentMode = 'add' | 'remove' | 'set';

const minReasonLength = 3;
const maxUnits = 1_000_000;

/** What the admin typed, as the API takes it; `null` while it is not a valid request. */
export function adjustmentOf(mode: AdjustmentMode, units: number | null, reason: string): StockAdjustment | null {
  const trimmed = reason.trim();
  if (units === null || !Number.isSafeInteger(units) || units < 0 || units > maxUnits || trimmed.length < minReasonLength) return null;
  if (mode === 'set') return { set: units, reason: trimmed };
  if (units === 0) return null;
  return { add: mode === 'add' ? units : -units, reason: trimmed };
}

/**
 * Adds, removes or sets the stock on hand of one product, with a reason for the log. Nothing is
 * shown before the server answers: the numbers shown are the server's, and a refusal is said in
 * its words (such as the units unpaid orders hold).
 */
@Component({
  selector: 'shop-stock-adjustment-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './stock-adjustment-form.html',
  styleUrl: './stock-adjustment-form.scss',
})
export class StockAdjustmentForm {
  private readonly api = inject(StockChangesApi);

  readonly productId = input.required<string>();
  readonly productTitle = input.required<string>();
  readonly adjusted = output<StockLevels>();

  protected readonly maxReasonLength = maxStockReasonLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    mode: ['add' as AdjustmentMode],
    units: [null as number | null, [Validators.required, Validators.min(0), Validators.max(maxUnits), Validators.pattern(/^\d+$/)]],
    reason: ['', [Validators.required, Validators.maxLength(maxStockReasonLength)]],
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly idPrefix = computed(() => `adjust-${this.productId()}`);

  protected unitsError(): string | null {
    const { mode, units } = this.form.getRawValue();
    if (units === null) return 'Enter a number of units';
    if (!Number.isSafeInteger(units) || units < 0) return 'Units must be a whole number, 0 or more';
    if (units > maxUnits) return `Units must be at most ${maxUnits.toLocaleString('en')}`;
    if (units === 0 && mode !== 'set') return 'Units must be at least 1';
    return null;
  }

  protected reasonError(): string | null {
    const reason = this.form.controls.reason.value.trim();
    if (reason.length === 0) return 'A reason is required';
    if (reason.length < minReasonLength) return `The reason must be at least ${minReasonLength} characters`;
    if (reason.length > maxStockReasonLength) return `The reason must be at most ${maxStockReasonLength} characters`;
    return null;
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    this.done.set(null);
    this.failure.set(null);
    const { mode, units, reason } = this.form.getRawValue();
    const adjustment = adjustmentOf(mode, units, reason);
    if (!adjustment || this.saving()) return;
    this.saving.set(true);
    try {
      const levels = await this.api.adjust(this.productId(), adjustment);
      this.adjusted.emit(levels);
      this.done.set(`Saved: ${levels.stock} on hand, ${levels.available} available.`);
      this.form.reset({ mode, units: null, reason: '' });
      this.submitted.set(false);
    } catch (error) {
      this.failure.set(`The stock of ${this.productTitle()} was not changed: ${describeApiError(error).message}`);
    } finally {
      this.saving.set(false);
    }
  }
}
