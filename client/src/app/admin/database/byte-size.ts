const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** `1536` → `1.5 KB`, in powers of 1024 as databases report them; null → `—`. */
export function byteSize(bytes: number | null): string {
  if (bytes === null) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}
