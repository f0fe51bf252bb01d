/** Sums of money and counts, cleaned of binary fractions (0.1 + 0.2) so totals are exact to the cent. */
export function clean(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}
