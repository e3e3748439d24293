import { byteSize } from './byte-size';

describe('byteSize', () => {
  it('says bytes in the unit a person reads best, in powers of 1024', () => {
    expect(byteSize(0)).toBe('0 bytes');
    expect(byteSize(1)).toBe('1 byte');
    expect(byteSize(1023)).toBe('1023 bytes');
    expect(byteSize(1536)).toBe('1.5 KB');
    expect(byteSize(8192)).toBe('8 KB');
    expect(byteSize(250 * 1024 * 1024)).toBe('250 MB');
    expect(byteSize(3 * 1024 ** 4)).toBe('3 TB');
  });

  it('shows a dash for a size the engine did not report', () => {
    expect(byteSize(null)).toBe('—');
  });
});
