/**
 * The one bisection of the engine: the boundary of a monotone predicate on [lo, hi], where
 * `holds(lo)` is true and `holds(hi)` false. Returns the final bracket (lo still holds).
 * `geometric` halves in log space (spends spanning orders of magnitude; needs lo > 0).
 */
export interface BisectOptions {
  /** Stop when hi − lo ≤ tolerance(hi). */
  tolerance: (hi: number) => number;
  maxIter: number;
  geometric?: boolean;
}

export function bisect(holds: (x: number) => boolean, lo: number, hi: number, o: BisectOptions): { lo: number; hi: number } {
  for (let i = 0; i < o.maxIter && hi - lo > o.tolerance(hi); i++) {
    const mid = o.geometric ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return { lo, hi };
}
