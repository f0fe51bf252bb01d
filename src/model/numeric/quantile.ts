/** Quantile of sorted values (linear interpolation); null when it falls on "never" (Infinity) or no data. */
export function quantile(sorted: Float64Array, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.isFinite(a) && h === lo ? a : null;
  return a + (h - lo) * (b - a);
}
