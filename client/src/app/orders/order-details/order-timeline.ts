import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { StatusChange } from '@shared/orders/order';
import type { OrderStatus } from '@shared/orders/order-status';
import { orderStatusLabels } from '../order-status-chip/order-status-chip';

/** The way an order normally goes (SPEC section 4); cancelled and returned appear only when they happen. */
const usualWay: readonly OrderStatus[] = ['pending_payment', 'paid', 'fulfilling', 'shipped', 'delivered'];
const endings: readonly OrderStatus[] = ['cancelled', 'returned'];

export interface TimelineStep {
  status: OrderStatus;
  label: string;
  /** When the order got there; null for a step still to come. */
  at: string | null;
  note: string | null;
  state: 'done' | 'current' | 'upcoming';
}

/**
 * The steps to draw for an order: the usual way up to where it is and what is still to come, or,
 * once it was cancelled or returned, the steps it took and that ending.
 */
export function timelineOf(status: OrderStatus, history: readonly StatusChange[]): TimelineStep[] {
  const reached = new Map(history.map((change) => [change.status, change]));
  const ended = endings.includes(status);
  const steps = [...usualWay.filter((step) => !ended || reached.has(step)), ...(ended ? [status] : [])];
  const currentIndex = steps.indexOf(status);
  return steps.map((step, index) => {
    const change = reached.get(step);
    return {
      status: step,
      label: orderStatusLabels[step],
      at: index <= currentIndex ? (change?.at ?? null) : null,
      note: index <= currentIndex ? (change?.note ?? null) : null,
      state: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming',
    };
  });
}

@Component({
  selector: 'shop-order-timeline',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline">
      @for (step of steps(); track step.status) {
        <li [class]="step.state + ' ' + step.status" [attr.aria-current]="step.state === 'current' ? 'step' : null">
          <span class="dot" aria-hidden="true"></span>
          <span class="what">
            <span class="label">{{ step.label }}</span>
            <span class="visually-hidden">{{ stateWords[step.state] }}</span>
            @if (step.at) {
              <time class="when" [attr.datetime]="step.at">{{ step.at | date: 'd MMM, HH:mm' }}</time>
            }
            @if (step.note) {
              <span class="note">{{ step.note }}</span>
            }
          </span>
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; }
    li { position: relative; display: grid; grid-template-columns: 1.5rem 1fr; gap: 0.75rem; padding-bottom: 1.1rem; }
    li:last-child { padding-bottom: 0; }
    li:not(:last-child)::before { content: ''; position: absolute; left: calc(0.75rem - 1px); top: 1.3rem; bottom: 0.1rem; width: 2px; background: #d0d5db; }
    li.done:not(:last-child)::before { background: var(--shop-success); }
    .dot { width: 1.5rem; height: 1.5rem; border-radius: 50%; box-shadow: inset 0 0 0 2px #adb5bd; background: #fff; }
    .done .dot { background: var(--shop-success); box-shadow: none; }
    .current .dot { background: var(--shop-ink); box-shadow: 0 0 0 4px #d7e1ee; }
    .current.cancelled .dot, .current.returned .dot { background: var(--shop-muted); box-shadow: 0 0 0 4px #eceef0; }
    .what { display: flex; flex-direction: column; gap: 0.1rem; min-width: 0; }
    .label { font-weight: 600; color: var(--shop-ink); }
    .upcoming .label { color: var(--shop-muted); font-weight: 500; }
    .when { font-size: 0.85rem; color: var(--shop-muted); }
    .note { font-size: 0.9rem; color: #3d454d; overflow-wrap: anywhere; }
    /* One row of steps on wide screens. */
    @media (min-width: 720px) {
      .timeline { grid-auto-flow: column; grid-auto-columns: 1fr; }
      li { grid-template-columns: 1fr; grid-template-rows: 1.5rem auto; padding: 0 0.5rem 0 0; }
      li:not(:last-child)::before { left: 1.6rem; right: 0.1rem; top: calc(0.75rem - 1px); bottom: auto; width: auto; height: 2px; }
    }
  `,
})
export class OrderTimeline {
  readonly status = input.required<OrderStatus>();
  readonly history = input.required<readonly StatusChange[]>();

  protected readonly steps = computed(() => timelineOf(this.status(), this.history()));
  protected readonly stateWords = { done: '(done)', current: '(now)', upcoming: '(to come)' } as const;
}
