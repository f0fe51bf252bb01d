/**
 * The one digit grouping of every surface and message: rounded as toFixed rounds (so a printed
 * amount never differs from the cell's), grouped by Intl.NumberFormat in threes with ",".
 */
const GROUPING = new Intl.NumberFormat('en-US', { useGrouping: true });

/** 1234567.891, 2 → "1,234,567.89"; −0 prints as 0; non-finite as "—" (never "NaN"). */
export function groupDigits(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return '—';
  const fixed = Math.abs(n).toFixed(decimals);
  // Past 1e21 toFixed writes an exponent: nothing to group.
  if (!/^\d+(\.\d+)?$/u.test(fixed)) return n < 0 ? `-${fixed}` : fixed;
  const [int, frac] = fixed.split('.');
  const grouped = GROUPING.format(BigInt(int ?? '0'));
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? `.${frac}` : '');
}
