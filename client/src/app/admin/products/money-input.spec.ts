import { formatMoneyInput, parseMoneyInput } from './money-input';

describe('money input', () => {
  it('reads what an admin types as whole cents, with a point or a comma', () => {
    expect(parseMoneyInput('19.99', 'EUR')).toBe(1999);
    expect(parseMoneyInput('19,9', 'EUR')).toBe(1990);
    expect(parseMoneyInput(' 20 ', 'EUR')).toBe(2000);
    expect(parseMoneyInput('20.', 'EUR')).toBe(2000);
    expect(parseMoneyInput('€ 0.29', 'EUR')).toBe(29);
    expect(parseMoneyInput('1.005', 'BHD')).toBe(1005);
    expect(parseMoneyInput('500', 'JPY')).toBe(500);
  });

  it('refuses what is not an amount in the currency', () => {
    for (const text of ['', 'abc', '-1', '19.999', '1,234.56', '1e3', '0x10', '.5', '12 34']) {
      expect(parseMoneyInput(text, 'EUR')).withContext(text).toBeNull();
    }
    expect(parseMoneyInput('5.5', 'JPY')).toBeNull();
  });

  it('shows cents as the decimal the input takes back', () => {
    expect(formatMoneyInput({ amount: 1999, currency: 'EUR' })).toBe('19.99');
    expect(formatMoneyInput({ amount: 5, currency: 'EUR' })).toBe('0.05');
    expect(formatMoneyInput({ amount: 0, currency: 'EUR' })).toBe('0.00');
    expect(formatMoneyInput({ amount: 500, currency: 'JPY' })).toBe('500');
    for (const amount of [1, 29, 1999, 100_000_000]) {
      expect(parseMoneyInput(formatMoneyInput({ amount, currency: 'EUR' }), 'EUR')).toBe(amount);
    }
  });
});
