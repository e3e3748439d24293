import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatMoney } from '@shared/money';
import { Clock } from '../../../core/clock';
import { MoneyPipe } from '../../../core/money.pipe';
import { OrderStatusChip } from '../../../orders/order-status-chip/order-status-chip';
import { LiveOrderFeed } from './live-order-feed';
import { relativeTime } from './relative-time';

/** How often "3 minutes ago" is worked out again. */
const tickMs = 20_000;
const exactTime = new Intl.DateTimeFormat('en-IE', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The live feed on the overview: each event links to its order; new orders are said to screen
 * readers in a status region (the CDK's LiveAnnouncer would do the same, for 6.6 kB more of
 * Angular core in the initial bundle).
 */
@Component({
  selector: 'shop-order-feed',
  imports: [RouterLink, MoneyPipe, OrderStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="feed-heading">
      <h2 id="feed-heading"><span class="live-dot" aria-hidden="true"></span>Live orders</h2>
      <p class="visually-hidden" role="status">{{ announcement() }}</p>
      @if (rows().length === 0) {
        <p class="empty">New orders and status changes show here as they happen.</p>
      } @else {
        <ol class="events" aria-label="Order events, newest first">
          @for (row of rows(); track row.key) {
            <li>
              <a class="number" [routerLink]="['/admin/orders', row.orderId]">Order {{ row.number }}</a>
              <time class="when" [attr.datetime]="row.at" [title]="row.exact"> {{ row.ago }}</time>
              @if (row.kind === 'created') {
                <span class="what"> Placed · {{ row.total | money }} · {{ row.itemCount }} {{ row.itemCount === 1 ? 'item' : 'items' }}</span>
                <span class="email"> {{ row.email }}</span>
              } @else {
                <span class="what"> Now <shop-order-status-chip class="chip" [status]="row.status" /></span>
              }
            </li>
          }
        </ol>
      }
      <p class="all"><a routerLink="/admin/orders">All orders</a></p>
    </section>
  `,
  styleUrl: './order-feed.scss',
})
export class OrderFeed {
  private readonly feed = inject(LiveOrderFeed);
  private readonly clock = inject(Clock);
  private readonly now = signal(this.clock.now());
  protected readonly announcement = signal('');

  protected readonly rows = computed(() => {
    const now = this.now();
    return this.feed.events().map((event) => ({ ...event, ago: relativeTime(event.at, now), exact: exactTime.format(new Date(event.at)) }));
  });

  constructor() {
    const timer = setInterval(() => this.now.set(this.clock.now()), tickMs);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));

    // Only new orders are said aloud: every status change would drown the page.
    let announced = untracked(this.feed.events)[0]?.key;
    effect(() => {
      const latest = this.feed.events()[0];
      if (!latest || latest.key === announced) return;
      announced = latest.key;
      this.now.set(this.clock.now());
      if (latest.kind === 'created') this.announcement.set(`New order ${latest.number}, ${formatMoney(latest.total)}.`);
    });
  }
}
