/** Order statistics and robust weights, each said once for every fit. */

export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/** The median (mean of the middle two for an even count); 0 for no values. */
export function median(xs: ArrayLike<number>): number {
  const a = Float64Array.from(xs).sort();
  const n = a.length;
  if (n === 0) return 0;
  return n % 2 ? a[(n - 1) / 2]! : 0.5 * (a[n / 2 - 1]! + a[n / 2]!);
}

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** MAD × this estimates the sd of normal data. */
export const MAD_TO_SD = 1.4826;
/** Huber's tuning constant: 95 % efficiency at the normal. */
export const HUBER_C = 1.345;

/**
 * Huber weights from residuals with a MAD scale, written into `w`; all 1 when the fit is (near)
 * exact. Returns the scale (the residuals' robust sd).
 */
export function huberWeights(r: ArrayLike<number>, w: Float64Array, c = HUBER_C): number {
  const abs = Float64Array.from(r, Math.abs);
  const scale = MAD_TO_SD * median(abs);
  for (let i = 0; i < abs.length; i++) {
    const t = scale > 1e-9 ? abs[i]! / (c * scale) : 0;
    w[i] = t > 1 ? 1 / t : 1;
  }
  return scale;
}
