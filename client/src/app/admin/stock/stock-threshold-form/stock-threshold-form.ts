import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { maxLowStockThreshold, type ProductStock } from '@shared/catalog/product';
import { describeApiError } from '../../../core/http/api-error';
import { AdminStockApi } from '../admin-stock-api';

/** Why a threshold cannot be saved, in words; `null` when it can. */
export function thresholdError(value: number | null): string | null {
  if (value === null) return 'Enter a threshold';
  if (!Number.isSafeInteger(value) || value < 0 || value > maxLowStockThreshold) return `The threshold must be a whole number from 0 to ${maxLowStockThreshold.toLocaleString('en')}`;
  return null;
}

/** The availability at or below which admins are told that one product runs low. */
@Component({
  selector: 'shop-stock-threshold-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" [attr.aria-label]="'Low-stock threshold of ' + productTitle()" novalidate>
      <div class="field units">
        <label [for]="inputId()">Alert at or below</label>
        <input
          [id]="inputId()"
          type="number"
          inputmode="numeric"
          min="0"
          [max]="max"
          step="1"
          formControlName="threshold"
          [attr.aria-invalid]="submitted() && error() !== null"
          [attr.aria-describedby]="inputId() + '-error'"
        />
        <span class="field-error" [id]="inputId() + '-error'">@if (submitted() && error(); as message) { {{ message }} }</span>
      </div>
      <button type="submit" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Save threshold' }}</button>
      <p class="form-success" role="status">@if (done(); as message) { {{ message }} }</p>
      <p class="form-error" role="alert">@if (failure(); as message) { {{ message }} }</p>
    </form>
  `,
  styleUrl: '../stock-adjustment-form/stock-adjustment-form.scss',
})
export class StockThresholdForm {
  private readonly api = inject(AdminStockApi);

  readonly productId = input.required<string>();
  readonly productTitle = input.required<string>();
  readonly threshold = input.required<number>();
  readonly saved = output<ProductStock>();

  protected readonly max = maxLowStockThreshold;
  protected readonly form = inject(NonNullableFormBuilder).group({ threshold: [null as number | null] });
  protected readonly inputId = computed(() => `threshold-${this.productId()}`);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    effect(() => this.form.setValue({ threshold: this.threshold() }));
  }

  protected error(): string | null {
    return thresholdError(this.form.controls.threshold.value);
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    this.done.set(null);
    this.failure.set(null);
    const value = this.form.controls.threshold.value;
    if (thresholdError(value) !== null || value === null || this.saving()) return;
    this.saving.set(true);
    try {
      const stock = await this.api.setLowStockThreshold(this.productId(), value);
      this.saved.emit(stock);
      this.done.set(`Admins are told when ${stock.lowStockThreshold} or fewer are available.`);
      this.submitted.set(false);
    } catch (error) {
      this.failure.set(`The threshold was not changed: ${describeApiError(error).message}`);
    } finally {
      this.saving.set(false);
    }
  }
}
