import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { followStock, LiveStock } from './live-stock';

@Component({
  selector: 'shop-stock-follower',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class StockFollower {
  readonly productIds = input.required<readonly string[]>();

  constructor() {
    followStock(() => this.productIds());
  }
}

describe('LiveStock', () => {
  let socket: FakeShopSocket;
  let liveStock: LiveStock;
  const kettle = { id: 'a00000000000000000000001', available: 5 };
  const teapot = { id: 'a00000000000000000000002', available: 2 };

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideFakeShopSocket()] });
    socket = TestBed.inject(FakeShopSocket);
    liveStock = TestBed.inject(LiveStock);
  });

  it('shows what was loaded until the server pushes a change for a followed product', () => {
    liveStock.follow([kettle.id]);
    expect(liveStock.availableOf(kettle)).toBe(5);
    socket.push({ productId: kettle.id, available: 1 });
    expect(liveStock.availableOf(kettle)).toBe(1);
    // Not followed: a push for it changes nothing.
    socket.push({ productId: teapot.id, available: 0 });
    expect(liveStock.availableOf(teapot)).toBe(2);
  });

  it('takes the level answered to the watch, unless a push has already come since', () => {
    liveStock.follow([kettle.id, teapot.id]);
    socket.push({ productId: kettle.id, available: 4 }, 'watch');
    expect(liveStock.availableOf(kettle)).toBe(4);

    socket.push({ productId: teapot.id, available: 0 });
    socket.push({ productId: teapot.id, available: 1 }, 'watch');
    expect(liveStock.availableOf(teapot)).toBe(0);
  });

  it('watches a product shown twice once, and until both are gone', () => {
    liveStock.follow([kettle.id]);
    liveStock.follow([kettle.id, teapot.id]);
    expect([...socket.watched]).toEqual([kettle.id, teapot.id]);
    liveStock.unfollow([kettle.id, teapot.id]);
    expect([...socket.watched]).toEqual([kettle.id]);
    liveStock.unfollow([kettle.id]);
    expect(socket.watched.size).toBe(0);
  });

  it('lets a freshly loaded page count over an older push', () => {
    liveStock.follow([kettle.id]);
    socket.push({ productId: kettle.id, available: 0 });
    liveStock.unfollow([kettle.id]);
    liveStock.follow([kettle.id]);
    expect(liveStock.availableOf({ id: kettle.id, available: 7 })).toBe(7);
  });

  it('drops pushed numbers after a reconnection, when pages fetch again', () => {
    liveStock.follow([kettle.id]);
    socket.push({ productId: kettle.id, available: 3 });
    socket.reconnect();
    TestBed.tick();
    expect(liveStock.availableOf({ id: kettle.id, available: 4 })).toBe(4);
  });

  it('follows what a component shows, as it changes, until the component is gone', () => {
    const fixture = TestBed.createComponent(StockFollower);
    fixture.componentRef.setInput('productIds', [kettle.id]);
    fixture.detectChanges();
    expect([...socket.watched]).toEqual([kettle.id]);

    fixture.componentRef.setInput('productIds', [teapot.id]);
    fixture.detectChanges();
    expect([...socket.watched]).toEqual([teapot.id]);

    fixture.destroy();
    expect(socket.watched.size).toBe(0);
  });
});
