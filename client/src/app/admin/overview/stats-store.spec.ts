import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { createEnvironmentInjector, EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Clock } from '../../core/clock';
import { errorBody, settle } from '../../core/testing/http-testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { liveReloadDelayMs, StatsStore } from './stats-store';
import { aucklandEvening, figures, statsOf } from './testing/stats-fixtures';

const statsUrl = '/api/admin/stats';

describe('StatsStore', () => {
  let store: StatsStore;
  let http: HttpTestingController;
  let socket: FakeShopSocket;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeShopSocket(), StatsStore, { provide: Clock, useValue: aucklandEvening }],
    });
    store = TestBed.inject(StatsStore);
    http = TestBed.inject(HttpTestingController);
    socket = TestBed.inject(FakeShopSocket);
  });

  afterEach(() => http.verify());

  function statsRequest(): TestRequest {
    return http.expectOne((request) => request.url === statsUrl);
  }

  function paramsOf(request: TestRequest): Record<string, string | null> {
    const { params } = request.request;
    return { from: params.get('from'), to: params.get('to'), tz: params.get('tz') };
  }

  it('asks for nothing until a period is chosen', () => {
    expect(store.status()).toBe('idle');
    http.expectNone(() => true);
  });

  it('asks for the last 7 local days, today included, in the browser’s time zone', () => {
    store.choose('7d');
    // 23:30 UTC on 10 March is 11 March in Auckland: the admin's today, not UTC's.
    expect(paramsOf(statsRequest())).toEqual({ from: '2026-03-05', to: '2026-03-11', tz: 'Pacific/Auckland' });
  });

  it('asks for today alone, and for 30 days', async () => {
    store.choose('today');
    const today = statsRequest();
    expect(paramsOf(today)).toEqual({ from: '2026-03-11', to: '2026-03-11', tz: 'Pacific/Auckland' });
    today.flush(statsOf({ from: '2026-03-11', to: '2026-03-11' }));
    await settle();

    store.choose('30d');
    expect(paramsOf(statsRequest())).toEqual({ from: '2026-02-10', to: '2026-03-11', tz: 'Pacific/Auckland' });
  });

  it('shows the figures once loaded, and is loading until then', async () => {
    store.choose('7d');
    expect(store.status()).toBe('loading');
    expect(store.loading()).toBeTrue();
    expect(store.stats()).toBeNull();

    statsRequest().flush(statsOf());
    await settle();
    expect(store.status()).toBe('ready');
    expect(store.loading()).toBeFalse();
    expect(store.stats()?.current.orders).toBe(20);
    expect(store.updatedAt()).toEqual(aucklandEvening.now());
    expect(store.noSales()).toBeFalse();
  });

  it('does not load again when the period chosen is the one shown', async () => {
    store.choose('7d');
    statsRequest().flush(statsOf());
    await settle();
    store.choose('7d');
    http.expectNone(() => true);
  });

  it('drops the answer for a period no longer chosen', async () => {
    store.choose('7d');
    const week = statsRequest();
    store.choose('today');
    const today = statsRequest();
    today.flush(statsOf({ from: '2026-03-11', to: '2026-03-11' }));
    week.flush(statsOf());
    await settle();
    expect(store.stats()?.from).toBe('2026-03-11');
    expect(store.period()).toBe('today');
  });

  it('says so when nothing sold in the period', async () => {
    store.choose('today');
    statsRequest().flush(statsOf({ current: figures({ orders: 0, unitsSold: 0, newCustomers: 0, revenue: { amount: 0, currency: 'EUR' } }) }));
    await settle();
    expect(store.noSales()).toBeTrue();
  });

  describe('when loading fails', () => {
    it('is in error with a reason in words, and loads again on retry', async () => {
      store.choose('7d');
      statsRequest().flush(errorBody('internal', 'boom'), { status: 500, statusText: 'Server Error' });
      await settle();
      expect(store.status()).toBe('error');
      expect(store.error()).toBe('Something went wrong on our side. Please try again in a moment.');
      expect(store.stats()).toBeNull();

      store.reload();
      expect(store.status()).withContext('loading again').toBe('loading');
      statsRequest().flush(statsOf());
      await settle();
      expect(store.status()).toBe('ready');
      expect(store.error()).toBeNull();
    });

    it('keeps the figures on screen when a later load fails', async () => {
      store.choose('7d');
      statsRequest().flush(statsOf());
      await settle();

      store.reload();
      expect(store.refreshing()).toBeTrue();
      statsRequest().flush(null, { status: 0, statusText: 'Offline' });
      await settle();
      expect(store.status()).toBe('error');
      expect(store.error()).toContain('couldn\'t reach the shop');
      expect(store.stats()?.current.orders).toBe(20);
    });
  });

  describe('live', () => {
    beforeEach(async () => {
      store.choose('7d');
      statsRequest().flush(statsOf());
      await settle();
      jasmine.clock().install();
    });

    afterEach(() => jasmine.clock().uninstall());

    const created = { orderId: '64c000000000000000000009', number: 'MS-9', status: 'pending_payment' as const, total: { amount: 2500, currency: 'EUR' }, itemCount: 1, email: 'a@example.com', createdAt: '2026-03-10T23:29:00Z' };

    it('loads again a second after a new order, once for a burst of events', async () => {
      socket.pushOrderCreated(created);
      jasmine.clock().tick(liveReloadDelayMs / 2);
      socket.pushOrderStatus({ orderId: created.orderId, status: 'paid', number: 'MS-9', at: '2026-03-10T23:29:01Z' });
      socket.pushOrderCreated({ ...created, orderId: '64c00000000000000000000a', number: 'MS-10' });
      http.expectNone(() => true);

      jasmine.clock().tick(liveReloadDelayMs / 2);
      const reload = statsRequest();
      expect(paramsOf(reload)).toEqual({ from: '2026-03-05', to: '2026-03-11', tz: 'Pacific/Auckland' });
      expect(store.refreshing()).withContext('the figures stay while newer ones load').toBeTrue();
      reload.flush(statsOf({ current: figures({ orders: 22 }) }));
      await Promise.resolve();
      await Promise.resolve();
      expect(store.stats()?.current.orders).toBe(22);

      jasmine.clock().tick(liveReloadDelayMs * 5);
      http.expectNone(() => true);
    });

    it('loads again after a status change pushed, but not for the status a watch answers', () => {
      socket.pushOrderStatus({ orderId: created.orderId, status: 'paid' }, 'watch');
      jasmine.clock().tick(liveReloadDelayMs * 2);
      http.expectNone(() => true);

      socket.pushOrderStatus({ orderId: created.orderId, status: 'shipped', number: 'MS-9', at: '2026-03-10T23:29:01Z' });
      jasmine.clock().tick(liveReloadDelayMs - 1);
      http.expectNone(() => true);
      jasmine.clock().tick(1);
      statsRequest().flush(statsOf());
    });

    it('folds a waiting live reload into a load asked for meanwhile', () => {
      socket.pushOrderCreated(created);
      store.reload();
      statsRequest().flush(statsOf());
      jasmine.clock().tick(liveReloadDelayMs * 2);
      http.expectNone(() => true);
    });
  });

  it('loads again after the socket reconnects: events sent meanwhile are not replayed', async () => {
    store.choose('7d');
    statsRequest().flush(statsOf());
    await settle();
    socket.reconnect();
    TestBed.tick();
    statsRequest().flush(statsOf());
  });

  describe('low stock', () => {
    const mug = statsOf().lowStock[0]!;
    const lamp = { productId: 'a00000000000000000000004', title: 'Lamp', available: 1, threshold: 3 };

    beforeEach(async () => {
      store.choose('7d');
      statsRequest().flush(statsOf());
      await settle();
      TestBed.tick();
    });

    it('is the loaded list with the products that fell low since, fewest left first, and follows their stock', () => {
      expect(store.lowStock()).toEqual([mug]);
      socket.pushStockLow(lamp);
      TestBed.tick();
      expect(store.lowStock()).toEqual([lamp, mug]);
      expect([...socket.watched].sort()).toEqual([mug.productId, lamp.productId].sort());
    });

    it('leaves out a product restocked above its threshold', () => {
      socket.push({ productId: mug.productId, available: 40 });
      expect(store.lowStock()).toEqual([]);
      socket.push({ productId: mug.productId, available: 0 });
      expect(store.lowStock()).toEqual([{ ...mug, available: 0 }]);
    });

    it('takes the next load’s list over the events that came before it was asked for', async () => {
      socket.pushStockLow(lamp);
      store.reload();
      statsRequest().flush(statsOf({ lowStock: [] }));
      await settle();
      expect(store.lowStock()).toEqual([]);
    });
  });

  it('stops listening, and drops a late answer, once the page that provided it goes', async () => {
    const injector = createEnvironmentInjector([StatsStore], TestBed.inject(EnvironmentInjector));
    const own = injector.get(StatsStore);
    const before = socket.listenerCounts();
    own.choose('30d');
    const late = statsRequest();
    injector.destroy();
    expect(socket.listenerCounts()).toEqual({ ...before, orderCreated: before.orderCreated - 1, orderStatus: before.orderStatus - 1, stockLow: before.stockLow - 1 });
    late.flush(statsOf());
    await settle();
    expect(own.stats()).toBeNull();
  });
});
