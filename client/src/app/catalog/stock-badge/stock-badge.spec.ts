import { stockState } from './stock-badge';

describe('stockState', () => {
  it('classifies stock levels at the threshold', () => {
    expect(stockState(0)).toBe('out');
    expect(stockState(1)).toBe('low');
    expect(stockState(5)).toBe('low');
    expect(stockState(6)).toBe('in_stock');
  });
});
