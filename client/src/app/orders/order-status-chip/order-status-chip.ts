import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderStatus } from '@shared/orders/order-status';

/** Typed by the shared status list, so a new status fails to compile until it is given words here. */
export const orderStatusLabels: Readonly<Record<OrderStatus, string>> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  fulfilling: 'Being prepared',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  returned: 'Returned',
};

type Tone = 'waiting' | 'moving' | 'done' | 'stopped';

const tones: Readonly<Record<OrderStatus, Tone>> = {
  pending_payment: 'waiting',
  paid: 'moving',
  fulfilling: 'moving',
  shipped: 'moving',
  delivered: 'done',
  cancelled: 'stopped',
  returned: 'stopped',
};

/** An order's status in words, coloured by where it stands; the same chip for shoppers and admins. */
@Component({
  selector: 'shop-order-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': "'chip ' + tone()" },
  template: `{{ label() }}`,
  styles: `
    :host { display: inline-block; padding: 0.2rem 0.7rem; border-radius: 999px; font-size: 0.85rem; font-weight: 700; white-space: nowrap; }
    :host(.waiting) { background: #fff4e5; color: #7a4700; }
    :host(.moving) { background: #e6effa; color: var(--shop-ink); }
    :host(.done) { background: #e7f5ec; color: #145c32; }
    :host(.stopped) { background: #eceef0; color: #3d454d; }
  `,
})
export class OrderStatusChip {
  readonly status = input.required<OrderStatus>();

  protected readonly label = computed(() => orderStatusLabels[this.status()]);
  protected readonly tone = computed(() => tones[this.status()]);
}
