import { isFinal, nextStatuses, orderActors, orderStatuses, transitionFor } from './order-status';

describe('The order lifecycle', () => {
  it('moves an order forward only along SPEC section 4, each move by whom it belongs to', () => {
    expect(transitionFor('pending_payment', 'paid', 'payment')).toBeDefined();
    expect(transitionFor('pending_payment', 'paid', 'admin')).withContext('an admin cannot mark an order paid').toBeUndefined();
    expect(nextStatuses('paid', 'admin')).toEqual(['fulfilling', 'cancelled']);
    expect(nextStatuses('fulfilling', 'admin')).toEqual(['shipped', 'cancelled']);
    expect(nextStatuses('shipped', 'admin')).toEqual(['delivered']);
    expect(nextStatuses('delivered', 'admin')).toEqual(['returned']);
  });

  it('lets a shopper cancel only before payment, and refunds what an admin cancels after it', () => {
    expect(nextStatuses('pending_payment', 'shopper')).toEqual(['cancelled']);
    expect(nextStatuses('paid', 'shopper')).toEqual([]);
    expect(transitionFor('pending_payment', 'cancelled', 'system')?.refunds).toBeUndefined();
    expect(transitionFor('paid', 'cancelled', 'admin')?.refunds).toBeTrue();
    expect(transitionFor('delivered', 'returned', 'admin')?.refunds).toBeTrue();
  });

  it('lets a seller only start fulfilment and ship (by shipping lines), never cancel, deliver or mark paid', () => {
    expect(nextStatuses('paid', 'seller')).toEqual(['fulfilling']);
    expect(nextStatuses('fulfilling', 'seller')).toEqual(['shipped']);
    for (const from of orderStatuses.filter((status) => status !== 'paid' && status !== 'fulfilling')) {
      expect(nextStatuses(from, 'seller')).withContext(from).toEqual([]);
    }
  });

  it('refuses every other move', () => {
    const allowed = new Set(['pending_payment>paid', 'pending_payment>cancelled', 'paid>fulfilling', 'paid>cancelled', 'fulfilling>shipped', 'fulfilling>cancelled', 'shipped>delivered', 'delivered>returned']);
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        const anyone = orderActors.some((actor) => transitionFor(from, to, actor));
        expect(anyone).withContext(`${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expect(orderStatuses.filter(isFinal)).toEqual(['cancelled', 'returned']);
  });
});
