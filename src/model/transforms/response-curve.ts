/**
 * The paid response curve (docs/model.md): daily spend S → paid GMV, its marginal ROI, its inverse,
 * and the spend at which marginal ROI falls to a target. Fitting lives in curve-fit.ts.
 */
import { bisect } from '../numeric';
import { text, type Text } from '../../i18n/text';
import { AdplanError } from '../core';
import type { CurveBasis, CurveModel, CurveReport } from '../report';

/** Hill: Gp = gmax·S^a/(S^a + k^a). Power: Gp = c·S^b. */
export type CurveShape = { kind: 'hill'; gmax: number; k: number; a: number } | { kind: 'power'; c: number; b: number };

export interface Curve {
  model: CurveModel;
  shape: CurveShape;
  /** Paid days used by the fit (0 for the assumed curve). */
  n: number;
  minSpend: number | null;
  maxSpend: number | null;
  r2: number | null;
  /** Residual sd on the log scale. */
  residualSd: number | null;
  note?: Text;
}

export const A_MIN = 0.3;
export const A_MAX = 1.5;
export const B_MIN = 0.05;

/** Paid GMV at daily spend s. */
export function response(s: number, curve: Curve): number {
  return responseOf(s, curve.shape);
}

export function responseOf(s: number, c: CurveShape): number {
  if (!(s > 0)) return 0;
  if (c.kind === 'power') return c.c * Math.pow(s, c.b);
  const z = Math.pow(s / c.k, c.a);
  return z === Infinity ? c.gmax : (c.gmax * z) / (1 + z);
}

/** dGp/dS; Infinity at s = 0 when the curve is steeper than linear there (a < 1 or b < 1). */
export function marginalOf(s: number, c: CurveShape): number {
  if (c.kind === 'power') {
    if (!(s > 0)) return c.b < 1 ? Infinity : c.c;
    return c.b * c.c * Math.pow(s, c.b - 1);
  }
  if (!(s > 0)) return c.a < 1 ? Infinity : c.a > 1 ? 0 : c.gmax / c.k;
  const z = Math.pow(s / c.k, c.a);
  if (z === Infinity) return 0;
  return ((c.gmax * c.a) / s) * (z / ((1 + z) * (1 + z)));
}

/** Marginal ROI at spend s; null where it is unbounded (s = 0 on a curve steeper than linear). */
export function marginalRoi(s: number, curve: Curve): number | null {
  const m = marginalOf(s, curve.shape);
  return Number.isFinite(m) ? m : null;
}

/** The spend that yields paid GMV g (Infinity when the curve never reaches g). */
export function spendForGmv(g: number, c: CurveShape): number {
  if (!(g > 0)) return 0;
  if (c.kind === 'power') return Math.pow(g / c.c, 1 / c.b);
  if (g >= c.gmax) return Infinity;
  return c.k * Math.pow(g / (c.gmax - g), 1 / c.a);
}

/** Where a Hill curve's marginal ROI peaks (0 unless a > 1). */
function peakSpend(c: CurveShape): number {
  if (c.kind === 'power' || c.a <= 1) return 0;
  return c.k * Math.pow((c.a - 1) / (c.a + 1), 1 / c.a);
}

/**
 * S with m(S) = target on the falling side of m (for a > 1 past its peak). 0 when no spend
 * reaches the target; Infinity when m never falls to it (a linear power curve above target).
 */
export function solveMarginal(c: CurveShape, target: number): number {
  if (!(target > 0) || !Number.isFinite(target)) {
    throw new AdplanError(
      'input',
      text(`target_mroi must be a number > 0, got ${String(target)}.`, `target_mroi 应为大于 0 的数，实际为 ${String(target)}。`),
      'target_mroi',
    );
  }
  if (c.kind === 'power') {
    if (c.b >= 1) return c.c > target ? Infinity : 0;
    return Math.pow(target / (c.b * c.c), 1 / (c.b - 1));
  }
  const sp = peakSpend(c);
  const mPeak = marginalOf(sp, c);
  if (!(mPeak > target)) return 0;
  // Bracket [lo, hi] with m(lo) > target > m(hi), then bisect in log space.
  let lo = sp > 0 ? sp : c.k;
  if (sp === 0) {
    for (let i = 0; i < 200 && !(marginalOf(lo, c) > target); i++) lo /= 2;
  }
  let hi = Math.max(lo, c.k) * 2;
  for (let i = 0; i < 400 && marginalOf(hi, c) > target; i++) hi *= 2;
  const b = bisect((s) => marginalOf(s, c) > target, lo, hi, { tolerance: (h) => 1e-12 * h, maxIter: 200, geometric: true });
  return 0.5 * (b.lo + b.hi);
}

/**
 * OPTIMALSPEND: the spend at which marginal ROI falls to `target`. When the curve never falls to
 * it (linear power fit), the evidence limit `maxExtrapolation` × the largest observed spend.
 */
export function optimalSpend(curve: Curve, target: number, maxExtrapolation = 2): number {
  const s = solveMarginal(curve.shape, target);
  if (s !== Infinity) return s;
  return curve.maxSpend !== null ? maxExtrapolation * curve.maxSpend : 0;
}

/** The assumed curve without paid history: Michaelis–Menten (a = 1), Gmax = roi0·K. */
export function assumedCurve(paidRoiInitial: number, saturationSpend: number, note?: Text): Curve {
  return {
    model: 'assumed',
    shape: { kind: 'hill', gmax: paidRoiInitial * saturationSpend, k: saturationSpend, a: 1 },
    n: 0,
    minSpend: null,
    maxSpend: null,
    r2: null,
    residualSd: null,
    ...(note ? { note } : {}),
  };
}

export function toCurveReport(c: Curve, basis: CurveBasis = 'direct'): CurveReport {
  const params: Record<string, number> =
    c.shape.kind === 'hill' ? { gmax: c.shape.gmax, k: c.shape.k, a: c.shape.a } : { c: c.shape.c, b: c.shape.b };
  return {
    model: c.model,
    params,
    r2: c.r2,
    n: c.n,
    minSpend: c.minSpend,
    maxSpend: c.maxSpend,
    residualSd: c.residualSd,
    ...(c.note ? { note: c.note } : {}),
    basis,
  };
}

function badParam(name: string, v: unknown): AdplanError {
  return new AdplanError(
    'input',
    text(`curve: parameter ${name} must be a number > 0, got ${String(v)}.`, `curve：参数 ${name} 应为大于 0 的数，实际为 ${String(v)}。`),
    'curve',
  );
}

/** A curve back from its report (e.g. a FITCURVE spill read by labels); validates the parameters. */
export function curveFromReport(r: CurveReport): Curve {
  const p = r.params;
  const need = (k: string): number => {
    const v = p[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw badParam(k, v);
    return v;
  };
  const shape: CurveShape =
    r.model === 'power'
      ? { kind: 'power', c: need('c'), b: Math.min(1, need('b')) }
      : { kind: 'hill', gmax: need('gmax'), k: need('k'), a: need('a') };
  return { model: r.model, shape, n: r.n, minSpend: r.minSpend, maxSpend: r.maxSpend, r2: r.r2, residualSd: r.residualSd };
}
