import { TestBed } from '@angular/core/testing';
import type { OrderCreated } from '@shared/realtime/socket-events';
import { FakeShopSocket, provideFakeShopSocket } from '../../../core/testing/fake-shop-socket';
import { feedLength, LiveOrderFeed } from './live-order-feed';

function created(index: number): OrderCreated {
  return {
    orderId: `64c0000000000000000000${String(index).padStart(2, '0')}`, number: `MS-${index}`, status: 'pending_payment',
    total: { amount: 1000 * index, currency: 'EUR' }, itemCount: 1, email: 'a@example.com', createdAt: '2026-03-10T12:00:00Z',
  };
}

describe('LiveOrderFeed', () => {
  let feed: LiveOrderFeed;
  let socket: FakeShopSocket;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideFakeShopSocket(), LiveOrderFeed] });
    feed = TestBed.inject(LiveOrderFeed);
    socket = TestBed.inject(FakeShopSocket);
  });

  it('lists new orders and pushed moves, newest first', () => {
    socket.pushOrderCreated(created(1));
    socket.pushOrderStatus({ orderId: created(1).orderId, status: 'paid', number: 'MS-1', at: '2026-03-10T12:00:05Z' });
    expect(feed.events().map((event) => [event.kind, event.number, event.status])).toEqual([
      ['status', 'MS-1', 'paid'],
      ['created', 'MS-1', 'pending_payment'],
    ]);
    expect(feed.events()[0]!.at).toBe('2026-03-10T12:00:05Z');
  });

  it('leaves out statuses answered to a watch: they are no move', () => {
    socket.pushOrderStatus({ orderId: created(1).orderId, status: 'paid' }, 'watch');
    expect(feed.events()).toEqual([]);
  });

  it(`keeps the newest ${feedLength}`, () => {
    for (let index = 1; index <= feedLength + 5; index += 1) socket.pushOrderCreated(created(index));
    expect(feed.events().length).toBe(feedLength);
    expect(feed.events()[0]!.number).toBe(`MS-${feedLength + 5}`);
    expect(new Set(feed.events().map((event) => event.key)).size).toBe(feedLength);
  });
});
