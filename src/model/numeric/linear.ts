/** Small dense least squares for the engine's few-parameter regressions (no allocation-heavy library). */

/** Solves A x = b (n×n, row-major) by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[p * n + c]!)) p = r;
    const piv = m[p * n + c]!;
    if (!(Math.abs(piv) > 1e-12)) return null;
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const t = m[c * n + k]!;
        m[c * n + k] = m[p * n + k]!;
        m[p * n + k] = t;
      }
      const t = x[c]!;
      x[c] = x[p]!;
      x[p] = t;
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c]! / piv;
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let k = c + 1; k < n; k++) s -= m[c * n + k]! * x[k]!;
    x[c] = s / m[c * n + c]!;
  }
  for (const v of x) if (!Number.isFinite(v)) return null;
  return x;
}

export interface OlsResult {
  coef: Float64Array;
  /** Standard errors of the coefficients. */
  se: Float64Array;
  sse: number;
}

/** Ordinary least squares y ≈ X β for p columns; null when X'X is singular or n ≤ p. */
export function ols(columns: readonly Float64Array[], y: Float64Array): OlsResult | null {
  const p = columns.length;
  const n = y.length;
  if (n <= p) return null;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const ci = columns[i]!;
    for (let j = i; j < p; j++) {
      const cj = columns[j]!;
      let s = 0;
      for (let t = 0; t < n; t++) s += ci[t]! * cj[t]!;
      xtx[i * p + j] = s;
      xtx[j * p + i] = s;
    }
    let s = 0;
    for (let t = 0; t < n; t++) s += ci[t]! * y[t]!;
    xty[i] = s;
  }
  const coef = solveLinear(xtx, xty, p);
  if (!coef) return null;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    let f = 0;
    for (let i = 0; i < p; i++) f += columns[i]![t]! * coef[i]!;
    sse += (y[t]! - f) ** 2;
  }
  const s2 = sse / (n - p);
  const se = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const e = new Float64Array(p);
    e[i] = 1;
    const col = solveLinear(xtx, e, p);
    se[i] = col ? Math.sqrt(Math.max(0, s2 * col[i]!)) : Infinity;
  }
  return { coef, se, sse };
}
