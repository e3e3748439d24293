import { computed, DestroyRef, inject, Injectable, signal, untracked } from '@angular/core';
import type { Stats } from '@shared/admin/stats';
import type { StockLow } from '@shared/realtime/socket-events';
import { followStock, LiveStock } from '../../catalog/live-stock/live-stock';
import { Clock } from '../../core/clock';
import { describeApiError } from '../../core/http/api-error';
import { refetchOnReconnect, ShopSocket } from '../../core/realtime/shop-socket';
import { AdminStatsApi } from './admin-stats-api';
import { statsQueryFor, type StatsPeriod } from './stats-period';

/**
 * How long an order event waits before the figures are asked for again. The events of a burst share
 * that one reload, and a steady stream of orders still updates the figures once a second.
 */
export const liveReloadDelayMs = 1000;

export type LowStockItem = Stats['lowStock'][number];

/** `idle`: no period chosen yet. `error`: the last load failed (the figures before it may still show). */
export type StatsStatus = 'idle' | 'loading' | 'ready' | 'error';

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * The overview's figures (`GET /api/admin/stats`) for the chosen period, kept live: loaded again a
 * moment after orders are placed or move, and after every reconnection. Low stock is the loaded
 * list, with the products that fell low since (`stock:low`) and live availability (`stock:changed`)
 * over it. Provide it in the page that shows it.
 */
@Injectable()
export class StatsStore {
  private readonly api = inject(AdminStatsApi);
  private readonly clock = inject(Clock);
  private readonly liveStock = inject(LiveStock);

  private readonly chosen = signal<StatsPeriod | null>(null);
  private readonly loaded = signal<Stats | null>(null);
  private readonly failure = signal<string | null>(null);
  private readonly inFlight = signal(false);
  private readonly loadedAt = signal<Date | null>(null);
  /** `stock:low` events by product, each with its place in the order they came. */
  private readonly lowEvents = signal<ReadonlyMap<string, { low: StockLow; seq: number }>>(new Map());
  private lowEventCount = 0;
  /** Counts the loads, so that only the answer to the latest one is shown. */
  private generation = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  readonly period = this.chosen.asReadonly();
  /** The chosen period's figures; null until they first load, and again when another period is chosen. */
  readonly stats = this.loaded.asReadonly();
  /** Why the last load failed, in words for the admin. */
  readonly error = this.failure.asReadonly();
  /** When the figures on screen were loaded. */
  readonly updatedAt = this.loadedAt.asReadonly();
  /** Loading, with no figures to show meanwhile. */
  readonly loading = computed(() => this.inFlight() && this.loaded() === null);
  /** Loading newer figures over those on screen. */
  readonly refreshing = computed(() => this.inFlight() && this.loaded() !== null);
  readonly status = computed<StatsStatus>(() => {
    if (this.chosen() === null) return 'idle';
    if (this.failure() !== null && !this.inFlight()) return 'error';
    return this.loaded() ? 'ready' : 'loading';
  });
  /** Loaded, and nothing sold in the period. */
  readonly noSales = computed(() => {
    const current = this.loaded()?.current;
    return current !== undefined && current.orders === 0 && current.unitsSold === 0;
  });

  private readonly lowStockCandidates = computed<LowStockItem[]>(() => {
    const byId = new Map<string, LowStockItem>();
    for (const item of this.loaded()?.lowStock ?? []) byId.set(item.productId, item);
    for (const { low } of this.lowEvents().values()) byId.set(low.productId, low);
    return [...byId.values()];
  });
  private readonly lowStockIds = computed(() => this.lowStockCandidates().map((item) => item.productId), { equal: sameIds });

  /** Products at or below their low-stock threshold now, fewest left first. */
  readonly lowStock = computed(() =>
    this.lowStockCandidates()
      .map((item) => ({ ...item, available: this.liveStock.availableOf({ id: item.productId, available: item.available }) }))
      .filter((item) => item.available <= item.threshold)
      .sort((a, b) => a.available - b.available || a.title.localeCompare(b.title)),
  );

  constructor() {
    const socket = inject(ShopSocket);
    const stopListening = [
      socket.onOrderCreated(() => this.reloadSoon()),
      // An answer to a watch is no move; only pushes change the figures.
      socket.onOrderStatus((_change, source) => {
        if (source === 'push') this.reloadSoon();
      }),
      socket.onStockLow((low) => this.lowEvents.update((events) => new Map(events).set(low.productId, { low, seq: ++this.lowEventCount }))),
    ];
    refetchOnReconnect(() => this.reload());
    followStock(() => this.lowStockIds());
    inject(DestroyRef).onDestroy(() => {
      for (const stop of stopListening) stop();
      clearTimeout(this.reloadTimer);
      this.generation += 1;
    });
  }

  /** Shows the figures of `period`, loading them unless they are the ones already chosen. */
  choose(period: StatsPeriod): void {
    if (period === untracked(this.chosen)) return;
    this.chosen.set(period);
    this.loaded.set(null);
    this.loadedAt.set(null);
    void this.load();
  }

  /** Loads the chosen period's figures again ("Try again"); the ones on screen stay meanwhile. */
  reload(): void {
    void this.load();
  }

  private reloadSoon(): void {
    if (untracked(this.chosen) === null || this.reloadTimer !== undefined) return;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.load();
    }, liveReloadDelayMs);
  }

  private async load(): Promise<void> {
    const period = untracked(this.chosen);
    if (period === null) return;
    // This load brings everything a waiting live reload would.
    clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    const generation = ++this.generation;
    const lowEventsBefore = this.lowEventCount;
    this.inFlight.set(true);
    try {
      const stats = await this.api.stats(statsQueryFor(period, this.clock.now(), this.clock.timeZone()));
      if (generation !== this.generation) return;
      this.loaded.set(stats);
      this.loadedAt.set(this.clock.now());
      this.failure.set(null);
      // The answer's low stock already has what `stock:low` said before it was asked for.
      this.lowEvents.update((events) => new Map([...events].filter(([, event]) => event.seq > lowEventsBefore)));
    } catch (error) {
      if (generation !== this.generation) return;
      this.failure.set(describeApiError(error).message);
    } finally {
      if (generation === this.generation) this.inFlight.set(false);
    }
  }
}
