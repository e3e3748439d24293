import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LoadError } from '../../core/load-error';
import { MoneyPipe } from '../../core/money.pipe';
import type { OrderPages } from '../order-pages';
import { OrderStatusChip } from '../order-status-chip/order-status-chip';

/** What the list shows of a list of pages of orders. */
export type ShownOrderPages = Pick<OrderPages<unknown>, 'items' | 'error' | 'moreError' | 'loading' | 'loadingMore' | 'hasMore' | 'isEmpty' | 'reload' | 'loadMore'>;

/**
 * Orders as rows that link to each one, a page at a time with "Load more", with loading, empty
 * and failed states: the shopper's history and the admins' list. The empty state is the content.
 */
@Component({
  selector: 'shop-order-list',
  imports: [DatePipe, RouterLink, LoadError, MoneyPipe, OrderStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let list = pages();
    @if (list.error(); as message) {
      <shop-load-error [message]="'We couldn’t load ' + what() + '. ' + message" (retry)="list.reload()" />
    } @else if (list.isEmpty()) {
      <div class="empty"><ng-content /></div>
    } @else if (list.loading() && list.items().length === 0) {
      <p class="loading" aria-busy="true">Loading {{ what() }}…</p>
    } @else {
      <ul class="orders" [attr.aria-label]="label()" [attr.aria-busy]="list.loading()">
        @for (order of list.items(); track order.id) {
          <li>
            <a class="number" [routerLink]="[linkBase(), order.id]">
              Order {{ order.number }}<span class="visually-hidden">, placed {{ order.createdAt | date: 'd MMMM y' }}</span>
            </a>
            <time class="date" [attr.datetime]="order.createdAt" aria-hidden="true">{{ order.createdAt | date: 'd MMM y, HH:mm' }}</time>
            @if (showEmail()) {
              <span class="email">{{ order.email }}</span>
            }
            <shop-order-status-chip class="status" [status]="order.status" />
            <span class="count">{{ order.itemCount }} {{ order.itemCount === 1 ? 'item' : 'items' }}</span>
            <span class="total">{{ order.totals.total | money }}</span>
          </li>
        }
      </ul>
      <div class="more">
        @if (list.moreError(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        @if (list.hasMore()) {
          <button type="button" class="secondary" [disabled]="list.loadingMore()" (click)="list.loadMore()">
            {{ list.loadingMore() ? 'Loading…' : 'Load more' }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    /* The row layout follows the list's own width, which the admin menu narrows, not the window's. */
    :host { display: block; container-type: inline-size; }
    .empty, .loading { background: #fff; border-radius: 14px; padding: 1.25rem 1.5rem; color: var(--shop-muted); margin: 0; box-shadow: 0 1px 2px rgb(0 0 0 / 6%); }
    .more { display: flex; flex-direction: column; align-items: center; gap: 0.5rem; margin-top: 1rem; }
    .more:empty { display: none; }
    .orders { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    li {
      position: relative; display: grid; align-items: center; gap: 0.25rem 1rem; background: #fff; border-radius: 12px; padding: 0.85rem 1rem;
      grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: 'number status' 'date total' 'email count';
      box-shadow: 0 1px 2px rgb(0 0 0 / 6%), 0 4px 14px rgb(0 0 0 / 5%);
    }
    li:hover { box-shadow: inset 0 0 0 1.5px var(--shop-ink), 0 1px 2px rgb(0 0 0 / 6%); }
    /* The whole row is the link's target. */
    .number { grid-area: number; font-weight: 700; color: var(--shop-ink); text-decoration: none; overflow-wrap: anywhere; }
    .number::after { content: ''; position: absolute; inset: 0; border-radius: 12px; }
    .number:focus-visible { outline: none; }
    .number:focus-visible::after { outline: 3px solid var(--shop-accent); outline-offset: 2px; }
    .date { grid-area: date; color: var(--shop-muted); font-size: 0.9rem; }
    .email { grid-area: email; color: var(--shop-muted); font-size: 0.9rem; overflow-wrap: anywhere; }
    .status { grid-area: status; justify-self: end; }
    .count { grid-area: count; justify-self: end; color: var(--shop-muted); font-size: 0.9rem; }
    .total { grid-area: total; justify-self: end; font-weight: 700; }
    @container (min-width: 44rem) {
      li { grid-template-columns: minmax(9rem, 1.2fr) minmax(8rem, 1fr) minmax(0, 1.4fr) 9rem 5rem 6rem; grid-template-areas: 'number date email status count total'; }
      .status { justify-self: start; }
    }
  `,
})
export class OrderList {
  readonly pages = input.required<ShownOrderPages>();
  /** What the orders are, for the loading and failure messages: `your orders`. */
  readonly what = input.required<string>();
  /** Each row links to this path plus the order's id. */
  readonly linkBase = input.required<string>();
  readonly label = input.required<string>();
  readonly showEmail = input(false);
}
