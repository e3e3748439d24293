import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, resource, signal } from '@angular/core';
import { describeApiError } from '../../../core/http/api-error';
import { StockChangesApi } from '../stock-changes-api';

export const movementPageSize = 10;

/** One product's stock adjustments, newest first: who, when, the change, the stock after it and why. */
@Component({
  selector: 'shop-stock-movement-history',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './stock-movement-history.html',
  styleUrl: './stock-movement-history.scss',
})
export class StockMovementHistory {
  private readonly api = inject(StockChangesApi);

  readonly productId = input.required<string>();
  readonly productTitle = input.required<string>();

  protected readonly page = signal(1);
  protected readonly movements = resource({
    params: () => ({ productId: this.productId(), page: this.page() }),
    loader: ({ params }) => this.api.movements(params.productId, params.page, movementPageSize),
  });
  protected readonly pageCount = computed(() => (this.movements.hasValue() ? Math.max(1, Math.ceil(this.movements.value().total / movementPageSize)) : 1));
  protected readonly loadError = computed(() => describeApiError(this.movements.error()).message);
  protected readonly headingId = computed(() => `movements-${this.productId()}`);

  /** After an adjustment on this page: the newest movement is on the first page. */
  refresh(): void {
    if (this.page() === 1) this.movements.reload();
    else this.page.set(1);
  }

  protected signed(change: number): string {
    return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
  }
}
