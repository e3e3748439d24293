import { actionLabel, changedFields, shownValue } from './audit-changes';

describe('audit changes', () => {
  it('lists only the fields that differ, before and after', () => {
    expect(changedFields({ id: 'u1', role: 'customer', disabled: false }, { id: 'u1', role: 'seller', disabled: false })).toEqual([{ field: 'role', before: 'customer', after: 'seller' }]);
    expect(changedFields({ status: 'paid' }, { status: 'fulfilling', note: 'Packing' })).toEqual([
      { field: 'status', before: 'paid', after: 'fulfilling' },
      { field: 'note', before: '—', after: 'Packing' },
    ]);
  });

  it('shows a creation as everything it was made with, and nested values as JSON', () => {
    expect(changedFields(null, { title: 'Lamp', price: { amount: 1999, currency: 'EUR' }, attributes: [{ name: 'Colour', value: 'Sage' }] })).toEqual([
      { field: 'title', before: '—', after: 'Lamp' },
      { field: 'price', before: '—', after: '€19.99' },
      { field: 'attributes', before: '—', after: '[{"name":"Colour","value":"Sage"}]' },
    ]);
  });

  it('treats values that are not objects as one change, and equal ones as none', () => {
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields(3, 4)).toEqual([{ field: 'value', before: '3', after: '4' }]);
    expect(changedFields({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  it('keeps long values short and names actions in words', () => {
    expect(shownValue('x'.repeat(10))).toBe('xxxxxxxxxx');
    expect(shownValue({ text: 'y'.repeat(300) }).length).toBe(200);
    expect(shownValue('')).toBe('""');
    expect(actionLabel('order.status_changed')).toBe('Order status changed');
    expect(actionLabel('orders.exported')).toBe('Orders exported');
  });
});
