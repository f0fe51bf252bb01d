/**
 * Spend that follows demand (全域: the platform spends more on strong days). A fit of GMV on spend
 * then reads demand as ad response. The correction is a control function: a first stage splits
 * ln spend into what an exogenous lever explains and a residual v; v enters the organic room as a
 * covariate, so the curve is read from the lever's part of spend only. The levers, in order of
 * evidence: the merchant's ROI target log (target steps move spend, demand does not move the
 * target); a per-day demand proxy (罗盘 非投放时段 GMV, its own residual); without either, the
 * day-to-day part of spend around its rolling median (a diagnostic: target steps are slow, the
 * platform's reaction to demand is fast). See docs/model.md "Spend that follows demand".
 */
import { solveLinear } from '../numeric';
import type { History, IsoDate } from '../core';

/** Days either side of a day in the rolling median of ln spend (the diagnostic's slow part). */
export const ROLLING_HALF = 3;
/** The target must explain spend at least this clearly (|t| of its first-stage coefficient). */
export const MIN_TARGET_T = 3;

/** The target in force on each date (the last entry on or before it; the first before the log starts). */
export function targetsOn(history: History, dates: readonly IsoDate[]): Float64Array | null {
  const log = history.targetLog;
  if (!log || log.length === 0) return null;
  const out = new Float64Array(dates.length);
  let e = 0;
  dates.forEach((d, i) => {
    while (e + 1 < log.length && log[e + 1]!.date <= d) e++;
    out[i] = log[e]!.target;
  });
  return out;
}

/** Weighted-free OLS of y on k columns over the days `keep` marks: residual per day (0 elsewhere) and the t of column `tCol`. */
function olsResidual(y: Float64Array, keep: (t: number) => boolean, row: (t: number, x: Float64Array) => void, k: number, tCol: number): { v: Float64Array; t: number; se: number } | null {
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  const x = new Float64Array(k);
  let n = 0;
  for (let t = 0; t < y.length; t++) {
    if (!keep(t)) continue;
    n++;
    row(t, x);
    for (let i = 0; i < k; i++) {
      if (x[i] === 0) continue;
      Xty[i]! += x[i]! * y[t]!;
      for (let j = 0; j < k; j++) XtX[i * k + j]! += x[i]! * x[j]!;
    }
  }
  if (n < k + 10) return null;
  // Unused columns (a weekday or group without days) get a unit diagonal so the system solves.
  for (let i = 0; i < k; i++) if (XtX[i * k + i] === 0) XtX[i * k + i] = 1;
  const beta = solveLinear(XtX, Xty, k);
  if (!beta || !beta.every(Number.isFinite)) return null;
  const v = new Float64Array(y.length);
  let ss = 0;
  for (let t = 0; t < y.length; t++) {
    if (!keep(t)) continue;
    row(t, x);
    let f = 0;
    for (let i = 0; i < k; i++) f += x[i]! * beta[i]!;
    v[t] = y[t]! - f;
    ss += v[t]! ** 2;
  }
  const e = new Float64Array(k);
  e[tCol] = 1;
  const col = solveLinear(XtX, e, k);
  const se = col ? Math.sqrt((ss / Math.max(1, n - k)) * col[tCol]!) : NaN;
  return { v, t: beta[tCol]! / se, se };
}

/** Design of the first stages: [1, weekday (6), τ, event groups, extra]. */
function baseRow(dow: Uint8Array, tau: Float64Array, group: Int32Array, extra: Float64Array | null) {
  return (t: number, x: Float64Array): void => {
    x.fill(0);
    x[0] = 1;
    if (dow[t]! > 0) x[dow[t]!] = 1;
    x[7] = tau[t]!;
    if (group[t]! >= 0) x[8 + group[t]!] = 1;
    if (extra) x[x.length - 1] = extra[t]!;
  };
}

/** The first stage's result: the residual v, and how v moves with the target's coefficient. */
export interface TargetStage {
  /** ln S minus the first stage's fit, per day (0 where not paid or out). */
  v: Float64Array;
  /**
   * ln target net of the other first-stage columns: v(b) = v − (b − b̂)·instrument, so the
   * second stage can carry the first stage's uncertainty (se of b̂) into the S* interval.
   */
  instrument: Float64Array;
  se: number;
}

/**
 * First stage on the paid days with weight > 0: ln S on [1, weekday, τ, event groups, ln target].
 * The residual per day (0 where not paid or out), or null when the target does not explain spend.
 */
export function targetResidual(
  lnS: Float64Array,
  paid: Uint8Array,
  weight: Float64Array,
  lnT: Float64Array,
  dow: Uint8Array,
  tau: Float64Array,
  group: Int32Array,
  groups: number,
): TargetStage | null {
  const k = 9 + groups;
  const keep = (t: number): boolean => paid[t] === 1 && weight[t]! > 0;
  const r = olsResidual(lnS, keep, baseRow(dow, tau, group, lnT), k, k - 1);
  // A weak lever corrects nothing: the target must clearly move spend.
  if (!r || !(Math.abs(r.t) >= MIN_TARGET_T) || !Number.isFinite(r.se)) return null;
  const z = olsResidual(lnT, keep, baseRow(dow, tau, group, null), k - 1, 0);
  return z ? { v: r.v, instrument: z.v, se: r.se } : null;
}

/** The demand proxy's own day-to-day part: ln observed organic on [1, weekday, τ, event groups], residual. */
export function proxyResidual(lnObs: Float64Array, has: Uint8Array, weight: Float64Array, dow: Uint8Array, tau: Float64Array, group: Int32Array, groups: number): Float64Array | null {
  const r = olsResidual(lnObs, (t) => has[t] === 1 && weight[t]! > 0, baseRow(dow, tau, group, null), 8 + groups, 0);
  return r ? r.v : null;
}

/** ln spend minus its rolling median over the paid days kept within ±ROLLING_HALF days. */
export function rollingResidual(lnS: Float64Array, paid: Uint8Array, weight: Float64Array, day: Float64Array): Float64Array {
  const n = lnS.length;
  const v = new Float64Array(n);
  const buf: number[] = [];
  for (let t = 0; t < n; t++) {
    if (!paid[t] || !(weight[t]! > 0)) continue;
    buf.length = 0;
    for (let j = t - 1; j >= 0 && day[t]! - day[j]! <= ROLLING_HALF; j--) if (paid[j] && weight[j]! > 0) buf.push(lnS[j]!);
    for (let j = t; j < n && day[j]! - day[t]! <= ROLLING_HALF; j++) if (paid[j] && weight[j]! > 0) buf.push(lnS[j]!);
    buf.sort((p, q) => p - q);
    const m = buf.length;
    const med = m % 2 ? buf[(m - 1) / 2]! : 0.5 * (buf[m / 2 - 1]! + buf[m / 2]!);
    v[t] = lnS[t]! - med;
  }
  return v;
}
