/**
 * The whole-room fit (docs/model.md) for accounts without a paid split (千川全域推广):
 *
 *   G_t = B · w(weekday_t) · e^{g·τ_t} · ε_t  +  Gp(S_t),    Gp Hill, ε log-normal
 *
 * fitted jointly by robust (Huber) Levenberg–Marquardt on ln G_t, with the Hill priors of
 * curve-fit.ts. Pre-ad days (S = 0) anchor B; 罗盘 非投放时段 GMV (`organicGmvObserved`) enters as
 * an observation of the organic room; 投放贡献成交金额 (`attributedPaidGmv`) as a weak prior on
 * Gp only (the platform's attribution is biased upward). The 11×11 normal equations are solved
 * by linear.ts's LU with partial pivoting: mathjs's lusolve, even tree-shaken, added 62.5 KB
 * gzipped to functions.js (112.5 KB vs 50.0 KB; budget 60 KB), see docs/model.md. Never a
 * confident number from an unidentified fit: flat spend, too few days or an S* that the data
 * cannot pin down give a plain reason instead.
 */
import { text, type Text } from '../../i18n/text';
import { liftRows, usableLifts } from './calibration';
import { dayIndex, weekdayOf } from '../core';
import { clamp, huberWeights, levenbergMarquardt, maxOf, median, minOf, solveLinear } from '../numeric';
import type { FittedEventEffect, History, IsoDate, LiftObservation } from '../core';
import { treatDays, type DayTreatment, type EventHandling } from '../events';
import { proxyResidual, rollingResidual, targetResidual, targetsOn, type TargetStage } from './demand';
import { A_MAX, A_MIN, marginalOf, solveMarginal, type Curve, type CurveShape } from '../transforms';


/** Identification thresholds (documented in docs/model.md "Whole-room fit"). */
export const ROOM_MIN_SPEND_DAYS = 21;
export const ROOM_MIN_SPREAD = 2;
/** An S* interval wider than this (hi/lo) at the median spend means organic and paid are not separated. */
export const ROOM_MAX_INTERVAL_RATIO = 4;
/** Days of a handle (pre-ad days, observed organic) that identify the organic level. */
export const ROOM_MIN_ANCHOR_DAYS = 7;

const PRIOR_A = 1;
const PRIOR_A_SD = 0.3;
const PRIOR_LNK_SD = 2;
const PRIOR_G_SD = 0.005;
const PRIOR_WEEKDAY_SD = 0.3;
/** 投放贡献成交金额 as a prior on ln Gp: a wide log-sd, since it is biased upward. */
const ATTRIBUTED_SD = 0.7;

/** The organic room: level × weekday factor × e^{growth·(day − mid)}. */
export interface OrganicRoom {
  level: number;
  /** By JS weekday (0 = Sunday), averaging 1. */
  weekday: number[];
  /** Log growth per day. */
  growth: number;
  /** The day index τ = 0 refers to. */
  midDay: number;
}

/** How the fit met spend that follows demand (the platform spending more on strong days). */
export interface DemandCoupling {
  /** target-log / proxy: corrected by a control function; diagnostic: only tested (no lever in the data). */
  method: 'target-log' | 'proxy' | 'diagnostic' | 'none';
  /** The diagnostic found spend moving with demand (always false for the corrected methods). */
  detected: boolean;
  /** Organic log response to the demand-driven part of ln spend (the control function's coefficient). */
  strength: number;
  /** The S* interval's low end was widened (no lever in the data: WIDEN_DETECTED when detected, else WIDEN_UNTESTED). */
  widened: boolean;
  /** z of the diagnostic's coefficient (diagnostic only). */
  z?: number;
}

interface RoomFitCommon {
  /** Days in the fit (history days with GMV, less the days the event treatment leaves out). */
  n: number;
  spendDays: number;
  preAdDays: number;
  observedOrganicDays: number;
  minSpend: number | null;
  maxSpend: number | null;
  /** What the fit learned per event phase (event_handling model), and the phases left out. */
  eventEffects: FittedEventEffect[];
  /** Days left out of the fit (pauses, stock-outs, events not modelled). */
  excludedDays: number;
}

export type RoomFit =
  | (RoomFitCommon & {
      identified: true;
      /** The incremental curve Gp (docs/model.md): spend → GMV the ads add to the room. */
      curve: Curve;
      organic: OrganicRoom;
      /** Pre-ad days or observed organic GMV anchor the organic level; else only the total is known. */
      organicIdentified: boolean;
      /** Covariance of (ln Gmax, ln K, a) from the fit's curvature, row-major 3×3 (the S* interval). */
      covariance: number[];
      demandCoupling: DemandCoupling;
      /** Variance factor for day-to-day persistence of the residuals, (1+ρ)/(1−ρ) ≥ 1 (the engine's S* interval). */
      persistence: number;
    })
  | (RoomFitCommon & { identified: false; reason: Text });

interface Data {
  y: Float64Array;
  x: Float64Array;
  paid: Uint8Array;
  dow: Uint8Array;
  tau: Float64Array;
  /** Observed-organic rows: day index into the arrays and ln value. */
  obsRow: number[];
  obsY: number[];
  /** Attributed-paid rows. */
  attRow: number[];
  attY: number[];
  /** Event treatment: weight per day (learning < 1) and the modelled event slot (−1 none). */
  base: Float64Array;
  slot: Int32Array;
  /** Modelled event slots (max slot + 1). */
  slots: number;
  /** 1 on the learning days after a logged target step: full weight, their own response multiplier. */
  learn: Uint8Array;
  hasLearn: boolean;
  /** Control-function covariates per day (each with its own coefficient in the organic room). */
  cov: Float64Array[];
  /** Experiment results (likelihood rows on the curve). */
  lifts: LiftObservation[];
}

/**
 * Parameter layout: [ln B, δ1…δ6 (weekday vs Sunday), g, ln Gmax, κ = ln K, a], then one γ per
 * control-function covariate, then per modelled event slot (ln organic ×, ln response ×), then
 * (when the history has them) the ln response × of the learning days after a target step.
 */
const LNB = 0;
const G = 7;
const LNGMAX = 8;
const KAP = 9;
const A = 10;
const P0 = 11;
/** Event multipliers' priors (log scale, centred on 1×) and the covariates' coefficient prior. */
const PRIOR_EVENT_ORGANIC_SD = 0.7;
const PRIOR_EVENT_RESPONSE_SD = 0.3;
const PRIOR_COV_SD = 1;
/** The re-learning days after a target step: response shrunk toward 1× like an event phase's. */
const PRIOR_LEARNING_SD = 0.3;

interface Problem {
  /** Parameter count: P0 + covariates + 2 × event slots. */
  P: number;
  d: Data;
  w: Float64Array;
  sigma: number;
  lnK0: number;
  kMin: number;
  kMax: number;
  /** Experiment results (likelihood rows on the curve). */
  lifts: LiftObservation[];
}

function softplus(z: number): number {
  return (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

function sigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

const lnOrganic = (th: Float64Array, dow: number, tau: number): number => th[LNB]! + (dow > 0 ? th[dow]! : 0) + th[G]! * tau;
const covAt = (k: number): number => P0 + k;
const slotAt = (d: Data, g: number): number => P0 + d.cov.length + 2 * g;
const learnAt = (d: Data): number => slotAt(d, d.slots);
/** ln response × of day t beyond the curve: its event slot's and, on a target-learning day, the learning one. */
function responseExtra(d: Data, th: Float64Array, t: number): number {
  const g = d.slot[t]!;
  return (g >= 0 ? th[slotAt(d, g) + 1]! : 0) + (d.learn[t] ? th[learnAt(d)]! : 0);
}

/** The organic room's day terms beyond level, weekday and trend: covariates and the event slot. */
function organicExtra(d: Data, th: Float64Array, t: number): number {
  let e = 0;
  for (let k = 0; k < d.cov.length; k++) e += th[covAt(k)]! * d.cov[k]![t]!;
  const g = d.slot[t]!;
  return g >= 0 ? e + th[slotAt(d, g)]! : e;
}


/**
 * One Jacobian row kept sparse: (index, value) pairs in the order set. The normal equations add
 * each pair as (w·J_lo)·J_hi into the upper triangle, the same products in the same row order as
 * a dense row scanned by index, so the result is bit-identical to it at a fraction of the cost.
 */
interface Row {
  idx: Int32Array;
  val: Float64Array;
  m: number;
}

const put = (row: Row, i: number, x: number): void => {
  row.idx[row.m] = i;
  row.val[row.m++] = x;
};

/** The organic room's Jacobian entries (level, weekday, trend, covariates, event slot), scaled by `so`. */
function organicRow(d: Data, row: Row, t: number, so: number): void {
  const dow = d.dow[t]!;
  put(row, LNB, so);
  if (dow > 0) put(row, dow, so);
  put(row, G, so * d.tau[t]!);
  for (let k = 0; k < d.cov.length; k++) put(row, covAt(k), so * d.cov[k]![t]!);
  const g = d.slot[t]!;
  if (g >= 0) put(row, slotAt(d, g), so);
}

/** The curve's Jacobian entries (ln Gmax, κ, a, response multipliers), scaled by `sp`; sig = σ(a(κ − x)). */
function curveRow(d: Data, row: Row, t: number, sp: number, a: number, kap: number, sig: number): void {
  put(row, LNGMAX, sp);
  put(row, KAP, -sp * a * sig);
  put(row, A, -sp * (kap - d.x[t]!) * sig);
  const g = d.slot[t]!;
  if (g >= 0) put(row, slotAt(d, g) + 1, sp);
  if (d.learn[t]) put(row, learnAt(d), sp);
}

/** Weighted objective; with H, v: the Gauss–Newton normal equations (H row-major P×P). */
function objective(pr: Problem, th: Float64Array, H: Float64Array | null, v: Float64Array | null, res: Float64Array | null): number {
  const { d, w, P } = pr;
  const row: Row = { idx: new Int32Array(P), val: new Float64Array(P), m: 0 };
  const { idx, val } = row;
  const normal = H !== null && v !== null;
  let obj = 0;
  if (H && v) {
    H.fill(0);
    v.fill(0);
  }
  const add = (r: number, wi: number): void => {
    obj += wi * r * r;
    if (!H || !v) return;
    const m = row.m;
    for (let p = 0; p < m; p++) {
      const jp = val[p]!;
      if (jp === 0) continue;
      const i = idx[p]!;
      const ji = wi * jp;
      v[i]! += ji * r;
      H[i * P + i]! += ji * jp;
      for (let q = p + 1; q < m; q++) {
        const jq = val[q]!;
        if (jq === 0) continue;
        const k = idx[q]!;
        if (i < k) H[i * P + k]! += ji * jq;
        else H[k * P + i]! += wi * jq * jp;
      }
    }
  };
  const a = th[A]!;
  const kap = th[KAP]!;
  for (let t = 0; t < d.y.length; t++) {
    const lo = lnOrganic(th, d.dow[t]!, d.tau[t]!) + organicExtra(d, th, t);
    row.m = 0;
    let f: number;
    if (d.paid[t]) {
      const z = a * (kap - d.x[t]!);
      // softplus(z) and σ(z) from one exponential.
      const e = Math.exp(-Math.abs(z));
      const lp = th[LNGMAX]! - ((z > 0 ? z : 0) + Math.log1p(e)) + responseExtra(d, th, t);
      // ln(O + P) and the shares, computed stably.
      const mx = Math.max(lo, lp);
      const eo = Math.exp(lo - mx);
      const ep = Math.exp(lp - mx);
      f = mx + Math.log(eo + ep);
      if (normal) {
        const so = eo / (eo + ep);
        organicRow(d, row, t, so);
        curveRow(d, row, t, 1 - so, a, kap, z >= 0 ? 1 / (1 + e) : e / (1 + e));
      }
    } else {
      f = lo;
      if (normal) organicRow(d, row, t, 1);
    }
    const r = d.y[t]! - f;
    if (res) res[t] = r;
    add(r, w[t]! * d.base[t]!);
  }
  d.obsRow.forEach((t, i) => {
    row.m = 0;
    if (normal) organicRow(d, row, t, 1);
    add(d.obsY[i]! - lnOrganic(th, d.dow[t]!, d.tau[t]!) - organicExtra(d, th, t), d.base[t]!);
  });
  const wAtt = (pr.sigma / ATTRIBUTED_SD) ** 2;
  d.attRow.forEach((t, i) => {
    const z = a * (kap - d.x[t]!);
    row.m = 0;
    if (normal) curveRow(d, row, t, 1, a, kap, sigmoid(z));
    add(d.attY[i]! - (th[LNGMAX]! - softplus(z) + responseExtra(d, th, t)), wAtt * d.base[t]!);
  });
  // Experiment results: rows on the curve's change between two spends (fit/calibration.ts).
  for (const lift of liftRows(pr.lifts, th[LNGMAX]!, kap, a, pr.sigma)) {
    row.m = 0;
    put(row, LNGMAX, lift.j[0]);
    put(row, KAP, lift.j[1]);
    put(row, A, lift.j[2]);
    add(lift.r, lift.w);
  }
  // Priors (as pseudo-observations weighed against the residual scale σ).
  const prior = (i: number, centre: number, sd: number): void => {
    row.m = 0;
    put(row, i, 1);
    add(centre - th[i]!, (pr.sigma / sd) ** 2);
  };
  prior(A, PRIOR_A, PRIOR_A_SD);
  prior(KAP, pr.lnK0, PRIOR_LNK_SD);
  prior(G, 0, PRIOR_G_SD);
  for (let k = 1; k <= 6; k++) prior(k, 0, PRIOR_WEEKDAY_SD);
  for (let k = 0; k < d.cov.length; k++) prior(covAt(k), 0, PRIOR_COV_SD);
  for (let g = slotAt(d, 0); g < learnAt(d); g += 2) {
    prior(g, 0, PRIOR_EVENT_ORGANIC_SD);
    prior(g + 1, 0, PRIOR_EVENT_RESPONSE_SD);
  }
  if (d.hasLearn) prior(learnAt(d), 0, PRIOR_LEARNING_SD);
  if (H) for (let i = 0; i < P; i++) for (let k = 0; k < i; k++) H[i * P + k] = H[k * P + i]!;
  return obj;
}

/** Solves M x = b (LU with partial pivoting); null when M is singular. */
function solve(M: Float64Array, b: Float64Array, P: number): Float64Array | null {
  const x = solveLinear(M, b, P);
  return x && x.every(Number.isFinite) ? x : null;
}

function lm(pr: Problem, start: Float64Array, maxIter: number, stepTolerance?: number): { th: Float64Array; obj: number } {
  const P = pr.P;
  const M = new Float64Array(P * P);
  const r = levenbergMarquardt(
    {
      evaluate: (th, H, v) => objective(pr, th, H, v, null),
      solve: (H, mu, v, step) => {
        M.set(H);
        for (let i = 0; i < P; i++) M[i * P + i] = H[i * P + i]! * (1 + mu) + 1e-10;
        const x = solve(M, v, P);
        if (!x) return false;
        step.set(x);
        return true;
      },
      project: (th) => {
        th[KAP] = clamp(th[KAP]!, pr.kMin, pr.kMax);
        th[A] = clamp(th[A]!, A_MIN, A_MAX);
      },
      tolerance: 1e-10,
      ...(stepTolerance !== undefined ? { stepTolerance } : {}),
    },
    start,
    maxIter,
  );
  return { th: r.th, obj: r.objective };
}


function prepare(history: History, tr: DayTreatment): { d: Data; common: RoomFitCommon; spends: number[]; dates: IsoDate[] } {
  const valid = (x: History['days'][number]): boolean => Number.isFinite(x.gmv) && x.gmv >= 0 && Number.isFinite(x.spend) && x.spend >= 0;
  const all = history.days.filter(valid);
  const firstDay = all[0];
  const lastDay = all[all.length - 1];
  const mid = firstDay && lastDay ? (dayIndex(firstDay.date) + dayIndex(lastDay.date)) / 2 : 0;
  // Days the treatment leaves out never enter; modelled event groups get compact slots.
  const kept: number[] = [];
  history.days.forEach((x, i) => {
    if (valid(x) && tr.weight[i]! > 0) kept.push(i);
  });
  const days = kept.map((i) => history.days[i]!);
  const n = days.length;
  const slotOf = new Map<number, number>();
  tr.groups.forEach((g, i) => {
    if (g.fitted) slotOf.set(i, slotOf.size);
  });
  // The learning days after a target step keep full weight here: their own multiplier absorbs the re-learning.
  const learn = Uint8Array.from(kept, (i) => tr.targetLearning[i]!);
  let minPos = Infinity;
  for (const x of days) if (x.gmv > 0 && x.gmv < minPos) minPos = x.gmv;
  const floor = Number.isFinite(minPos) ? minPos / 2 : 1;
  const d: Data = {
    y: new Float64Array(n),
    x: new Float64Array(n),
    paid: new Uint8Array(n),
    dow: new Uint8Array(n),
    tau: new Float64Array(n),
    lifts: usableLifts(history.liftObservations),
    obsRow: [],
    obsY: [],
    attRow: [],
    attY: [],
    base: Float64Array.from(kept, (i) => (tr.targetLearning[i] ? 1 : tr.weight[i]!)),
    slot: Int32Array.from(kept, (i) => (tr.group[i]! >= 0 ? (slotOf.get(tr.group[i]!) ?? -1) : -1)),
    slots: slotOf.size,
    learn,
    hasLearn: learn.some((x) => x === 1),
    cov: [],
  };
  const spends: number[] = [];
  let preAd = 0;
  days.forEach((x, t) => {
    d.y[t] = Math.log(Math.max(x.gmv, floor));
    d.dow[t] = weekdayOf(x.date);
    d.tau[t] = dayIndex(x.date) - mid;
    if (x.spend > 0) {
      d.paid[t] = 1;
      d.x[t] = Math.log(x.spend);
      spends.push(x.spend);
      const att = x.attributedPaidGmv;
      if (att !== undefined && att !== null && att > 0) {
        d.attRow.push(t);
        d.attY.push(Math.log(att));
      }
    } else preAd++;
    const obs = x.organicGmvObserved;
    if (obs !== undefined && obs !== null && obs > 0) {
      d.obsRow.push(t);
      d.obsY.push(Math.log(obs));
    }
  });
  return {
    d,
    spends,
    dates: days.map((x) => x.date),
    common: {
      n,
      spendDays: spends.length,
      preAdDays: preAd,
      observedOrganicDays: d.obsRow.length,
      minSpend: spends.length > 0 ? minOf(spends) : null,
      maxSpend: spends.length > 0 ? maxOf(spends) : null,
      eventEffects: [],
      excludedDays: tr.excluded,
    },
  };
}

/** The reason the room cannot be fitted from its days, or null. */
function notEnough(c: RoomFitCommon): Text | null {
  if (c.spendDays < ROOM_MIN_SPEND_DAYS) {
    return text(
      `Only ${c.spendDays} day(s) with spend: separating organic from ad-driven GMV in the whole room needs at least ${ROOM_MIN_SPEND_DAYS}.`,
      `只有 ${c.spendDays} 天有消耗：要从整体成交中区分自然成交与投放带来的成交，至少需要 ${ROOM_MIN_SPEND_DAYS} 天。`,
    );
  }
  const spread = (c.maxSpend ?? 0) / (c.minSpend ?? 1);
  if (!(spread >= ROOM_MIN_SPREAD)) {
    return text(
      `Daily spend varied only ${spread.toFixed(2)}× (largest / smallest): with spend this flat, the whole room's GMV cannot show what the ads add. Vary the daily budget (≥ ${ROOM_MIN_SPREAD}×) for a few weeks.`,
      `日消耗只相差 ${spread.toFixed(2)} 倍（最大/最小）：消耗如此平稳，整体成交看不出投放带来多少。请在几周内调整日预算（相差 ≥ ${ROOM_MIN_SPREAD} 倍）。`,
    );
  }
  return null;
}

function startPoints(d: Data, spends: number[], preAdMean: number | null, P: number): Float64Array[] {
  const gPaid: number[] = [];
  for (let t = 0; t < d.y.length; t++) if (d.paid[t]) gPaid.push(Math.exp(d.y[t]!));
  const gMed = median(gPaid);
  const xMed = Math.log(median(spends));
  const xMax = Math.log(maxOf(spends));
  const shares = preAdMean !== null ? [Math.min(0.95, Math.max(0.05, preAdMean / gMed))] : [0.3, 0.6, 0.85];
  const out: Float64Array[] = [];
  for (const phi of shares) {
    for (const a0 of [0.8, 1.2]) {
      for (const k0 of [xMed, xMax + 0.7]) {
        const th = new Float64Array(P);
        th[LNB] = Math.log(phi * gMed);
        th[A] = a0;
        th[KAP] = k0;
        th[LNGMAX] = Math.log(Math.max(1e-9, (1 - phi) * gMed)) + softplus(a0 * (k0 - xMed));
        out.push(th);
      }
    }
  }
  return out;
}

/** The Cholesky factor (lower, row-major) of a small SPD matrix; null when not positive definite. */
function cholesky(S: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = S[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  return L;
}

/** Covariance of (ln Gmax, κ, a): σ²·H⁻¹ restricted to the curve block. */
function curveCovariance(H: Float64Array, scale2: number, P: number): Float64Array | null {
  const out = new Float64Array(9);
  const idx = [LNGMAX, KAP, A];
  for (let c = 0; c < 3; c++) {
    const e = new Float64Array(P);
    e[idx[c]!] = 1;
    const col = solve(H, e, P);
    if (!col) return null;
    for (let r = 0; r < 3; r++) out[r * 3 + c] = scale2 * col[idx[r]!]!;
  }
  // Symmetrise against round-off.
  for (let r = 0; r < 3; r++) for (let c = 0; c < r; c++) out[r * 3 + c] = out[c * 3 + r] = 0.5 * (out[r * 3 + c]! + out[c * 3 + r]!);
  return out;
}

function hillShape(th: ArrayLike<number>): CurveShape {
  return { kind: 'hill', gmax: Math.exp(th[0]!), k: Math.exp(th[1]!), a: th[2]! };
}

/** Fits with event or learning terms: iterations per start before the best continues, and the step that ends a run. */
const TERMS_SCREEN_ITER = 8;
const TERMS_STEP = 1e-3;

/** z for the reported interval: a nominal 90 % band (the delta method runs a little narrow). */
const Z = 1.645;

/**
 * The S* interval at a target marginal ROI by the delta method on ln S*: the gradient of ln S*
 * in (ln Gmax, ln K, a) by central differences, against the fit's covariance. null when S* is 0
 * or unbounded at the estimate (no interval to speak of).
 */
export function sStarInterval(shape: CurveShape, covariance: readonly number[], target: number, cap: number): [number, number] | null {
  if (shape.kind !== 'hill' || !(target > 0) || !Number.isFinite(target)) return null;
  const base = [Math.log(shape.gmax), Math.log(shape.k), shape.a];
  const sAt = (p: number[]): number => Math.min(cap, solveMarginal(hillShape(p), target));
  const s0 = sAt(base);
  if (!(s0 > 0) || !Number.isFinite(s0)) return null;
  const grad = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const h = 1e-4;
    const up = base.slice();
    const dn = base.slice();
    up[i]! += h;
    dn[i]! -= h;
    const su = sAt(up);
    const sd = sAt(dn);
    if (!(su > 0) || !(sd > 0)) return null;
    grad[i] = (Math.log(su) - Math.log(sd)) / (2 * h);
  }
  let v = 0;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) v += grad[r]! * (covariance[r * 3 + c] ?? 0) * grad[c]!;
  if (!(v >= 0) || !Number.isFinite(v)) return null;
  const half = Z * Math.sqrt(v);
  return [s0 * Math.exp(-half), Math.min(cap, s0 * Math.exp(half))];
}

export interface RoomFitOptions {
  /** event_handling: model (default) | exclude | ignore (every day a normal day). */
  eventHandling?: EventHandling;
  /** auto (default): correct with a target log or a demand proxy when present, else test; none: neither. */
  demand?: 'auto' | 'none';
}

interface Core {
  th: Float64Array;
  P: number;
  H: Float64Array;
  res: Float64Array;
  residualSd: number;
  shape: CurveShape;
  covariance: number[];
}

const unsep = (): Text =>
  text(
    'The whole room\'s GMV does not separate organic sales from what the ads add (the data fit both ways about equally well).',
    '整体成交无法区分自然成交与投放带来的成交（两种解释对数据拟合得差不多）。',
  );

/** The joint fit on prepared days: parameters, curvature and the curve's covariance, or why not. */
function fitCore(d: Data, common: RoomFitCommon, spends: number[], warm?: Float64Array): Core | Text {
  const P = learnAt(d) + (d.hasLearn ? 1 : 0);
  const xs = spends.map(Math.log);
  const xMin = minOf(xs);
  const xMax = maxOf(xs);
  let preSum = 0;
  for (let t = 0; t < d.y.length; t++) if (!d.paid[t]) preSum += Math.exp(d.y[t]!);
  const preAdMean = common.preAdDays >= ROOM_MIN_ANCHOR_DAYS ? preSum / common.preAdDays : null;
  const pr: Problem = {
    P,
    d,
    w: new Float64Array(d.y.length).fill(1),
    sigma: 0.25,
    lnK0: Math.log(median(spends)),
    kMin: xMin - 4.6,
    kMax: xMax + 4.6,
    lifts: d.lifts,
  };

  // Cheap screen of the starts, LM from the best three (or from a warm start), then Huber rounds from the best.
  const starts = warm
    ? [{ th: warm, obj: 0 }]
    : startPoints(d, spends, preAdMean, P)
        .map((th) => ({ th, obj: objective(pr, th, null, null, null) }))
        .sort((p, q) => p.obj - q.obj)
        .slice(0, 3);
  // With event or learning terms Gauss–Newton zig-zags along the level/multiplier trade-off with
  // tiny gains (linear convergence, measured: 30 iterations from every start, 29 parameters): each
  // start gets a short run, the best continues, and a step of ≤ TERMS_STEP in every (log-scale)
  // parameter ends a run. Without those terms the schedule is the plain one (numbers unchanged).
  const terms = P > P0 + d.cov.length;
  const stepTol = terms ? TERMS_STEP : undefined;
  let best = { th: starts[0]!.th, obj: Infinity };
  for (const s of starts) {
    const r = lm(pr, s.th, warm ? 15 : terms ? TERMS_SCREEN_ITER : 30, stepTol);
    if (r.obj < best.obj) best = r;
  }
  if (terms && !warm) best = lm(pr, best.th, 30, stepTol);
  const res = new Float64Array(d.y.length);
  // A warm start (the diagnostic's refit) is already near the optimum: one Huber round suffices.
  for (let round = 0; round < (warm ? 1 : 2); round++) {
    objective(pr, best.th, null, null, res);
    const scale = huberWeights(res, pr.w);
    pr.sigma = Math.max(0.02, Math.min(0.25, scale));
    best = lm(pr, best.th, 20, stepTol);
  }
  const th = best.th;
  if (!th.every(Number.isFinite)) {
    return text('The whole-room fit did not converge to finite values: check the units of spend and GMV.', '整体拟合未收敛到有限值：请检查消耗与成交的单位。');
  }

  // Residual scale (unweighted, log) and the curvature at the optimum → draws of the curve.
  pr.w.fill(1);
  const H = new Float64Array(P * P);
  const v = new Float64Array(P);
  objective(pr, th, H, v, res);
  let ss = 0;
  let sw = 0;
  for (let t = 0; t < res.length; t++) {
    ss += d.base[t]! * res[t]! ** 2;
    sw += d.base[t]!;
  }
  const residualSd = Math.sqrt(ss / Math.max(1, sw - P));
  const shape = hillShape([th[LNGMAX]!, th[KAP]!, th[A]!]);
  const cov = curveCovariance(H, residualSd ** 2, P);
  if (!cov || !cholesky(cov, 3)) return unsep();
  const covariance = Array.from(cov);
  // Identification: the S* interval at the target that puts S* at the median observed spend.
  const sMed = median(spends);
  const probe = marginalOf(sMed, shape);
  const cap = 2 * (common.maxSpend ?? sMed);
  const probeInterval = probe > 0 && Number.isFinite(probe) ? sStarInterval(shape, covariance, probe, cap) : null;
  if (!probeInterval || !(probeInterval[0] > 0) || probeInterval[1] / probeInterval[0] > ROOM_MAX_INTERVAL_RATIO) return unsep();
  return { th, P, H, res, residualSd, shape, covariance };
}

/** z of the first covariate's coefficient (the control function's γ) at the optimum. */
function covariateZ(core: Core): number {
  const e = new Float64Array(core.P);
  e[P0] = 1;
  const col = solve(core.H, e, core.P);
  const se = col ? core.residualSd * Math.sqrt(Math.max(0, col[P0]!)) : NaN;
  const z = core.th[P0]! / se;
  return Number.isFinite(z) ? z : 0;
}

/** v moved by `by` days (the value of the day `by` days away when it is in the fit, else 0). */
function shifted(v: Float64Array, dates: readonly IsoDate[], by: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let t = 0; t < v.length; t++) {
    const j = t + by;
    if (j >= 0 && j < v.length && dayIndex(dates[j]!) - dayIndex(dates[t]!) === by) out[t] = v[j]!;
  }
  return out;
}

/** A control covariate with its lag and lead (the demand shock is persistent). */
function taps(v: Float64Array, dates: readonly IsoDate[]): Float64Array[] {
  return [v, shifted(v, dates, -1), shifted(v, dates, 1)];
}

/** The first stage's residual with the target's coefficient moved by one standard error. */
function shiftedBy(stage: TargetStage): Float64Array {
  return Float64Array.from(stage.v, (x, t) => x - stage.se * stage.instrument[t]!);
}

/**
 * The control function's two steps: the curve's covariance from the second step alone treats the
 * first stage's residual as known. Add the first stage's share (Murphy–Topel, by one linearised
 * step): the curve's move when the target's coefficient moves by its standard error, Δθ = H⁻¹Δv
 * at the optimum, enters the covariance as ΔθΔθᵀ. One Gauss–Newton solve, no refit.
 */
function addFirstStage(core: Core, d: Data, moved: Data): void {
  const P = core.P;
  const pr = (data: Data): Problem => ({ P, d: data, w: new Float64Array(data.y.length).fill(1), sigma: core.residualSd, lnK0: 0, kMin: -Infinity, kMax: Infinity, lifts: [] });
  const H = new Float64Array(P * P);
  const v0 = new Float64Array(P);
  const v1 = new Float64Array(P);
  objective(pr(d), core.th, H, v0, null);
  objective(pr(moved), core.th, H, v1, null);
  const step = solve(core.H, v1.map((x, i) => x - v0[i]!), P);
  if (!step) return;
  const dc = [step[LNGMAX]!, step[KAP]!, step[A]!];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) core.covariance[r * 3 + c]! += dc[r]! * dc[c]!;
}

/** The diagnostic fires when the day-to-day part of spend moves organic GMV this clearly (z of γ). */
export const COUPLING_Z = 1;
/**
 * Without a lever the S* interval's low end is divided by these (docs/model.md: measured on seeded
 * rooms, the uncorrected S* ran up to 2× the truth when spend followed demand).
 */
export const WIDEN_DETECTED = 2;
export const WIDEN_UNTESTED = 1.25;

/** Fit the whole room; a reason instead of a curve when the data cannot separate organic from paid. */
export function fitRoom(history: History, options: RoomFitOptions = {}): RoomFit {
  const tr = treatDays(history, options.eventHandling ?? 'model');
  const { d, common, spends, dates } = prepare(history, tr);
  const why = notEnough(common);
  if (why) return { ...common, identified: false, reason: why };

  // Spend that follows demand: a target log, else a demand proxy, corrects; else the diagnostic tests.
  const groups = d.slots;
  let method: DemandCoupling['method'] = 'none';
  let stage: TargetStage | null = null;
  if (options.demand !== 'none') {
    const lnT = targetsOn(history, dates)?.map(Math.log) ?? null;
    stage = lnT ? targetResidual(d.x, d.paid, d.base, lnT, d.dow, d.tau, d.slot, groups) : null;
    if (stage) {
      // The shock is persistent: yesterday's and tomorrow's spend residuals say more about today's demand.
      d.cov.push(...taps(stage.v, dates));
      method = 'target-log';
    }
    if (d.obsRow.length >= ROOM_MIN_ANCHOR_DAYS) {
      const lnObs = new Float64Array(d.y.length);
      const has = new Uint8Array(d.y.length);
      d.obsRow.forEach((t, i) => {
        lnObs[t] = d.obsY[i]!;
        has[t] = 1;
      });
      const c = proxyResidual(lnObs, has, d.base, d.dow, d.tau, d.slot, groups);
      if (c) {
        d.cov.push(c);
        if (method === 'none') method = 'proxy';
      }
    }
  }
  const core = fitCore(d, common, spends);
  if (!('th' in core)) return { ...common, identified: false, reason: core };
  const th = core.th;
  if (stage) addFirstStage(core, d, { ...d, cov: [...taps(shiftedBy(stage), dates), ...d.cov.slice(3)] });

  // The diagnostic: does the fast part of spend move organic GMV? If so, widen to the corrected curve's interval.
  let coupling: DemandCoupling = { method, detected: false, strength: method === 'none' ? 0 : th[P0]!, widened: false };
  if (method === 'none' && options.demand !== 'none') {
    const day = Float64Array.from(dates, dayIndex);
    const alt: Data = { ...d, cov: [rollingResidual(d.x, d.paid, d.base, day)] };
    // Warm start from the main fit, γ = 0 inserted before the event slots.
    const warm = new Float64Array(core.P + 1);
    warm.set(th.subarray(0, P0));
    warm.set(th.subarray(P0), P0 + 1);
    const c2 = fitCore(alt, common, spends, warm);
    if ('th' in c2) {
      const z = covariateZ(c2);
      coupling = { method: 'diagnostic', detected: z > COUPLING_Z, strength: c2.th[P0]!, widened: true, z };
    }
  }

  // Weekday factors averaging 1 (the level absorbs the mean).
  const raw = [0, 1, 2, 3, 4, 5, 6].map((k) => Math.exp(k > 0 ? th[k]! : 0));
  const mean = raw.reduce((p, q) => p + q, 0) / 7;
  const first = history.days[0];
  const lastDay = history.days[history.days.length - 1];
  const midDay = first && lastDay ? (dayIndex(first.date) + dayIndex(lastDay.date)) / 2 : 0;
  const organic: OrganicRoom = { level: Math.exp(th[LNB]!) * mean, weekday: raw.map((x) => x / mean), growth: th[G]!, midDay };

  const { res, residualSd, shape, covariance } = core;
  let gMean = 0;
  let ssTot = 0;
  let ssRes = 0;
  for (let t = 0; t < d.y.length; t++) gMean += Math.exp(d.y[t]!) / d.y.length;
  for (let t = 0; t < d.y.length; t++) {
    const g = Math.exp(d.y[t]!);
    ssTot += (g - gMean) ** 2;
    ssRes += (g - Math.exp(d.y[t]! - res[t]!)) ** 2;
  }
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : null;
  const eventEffects: FittedEventEffect[] = [];
  let slot = 0;
  for (const g of tr.groups) {
    const at = P0 + d.cov.length + 2 * slot;
    eventEffects.push({ name: g.name, phase: g.phase, days: g.days, fitted: g.fitted, organic: g.fitted ? Math.exp(th[at]!) : 1, response: g.fitted ? Math.exp(th[at + 1]!) : 1 });
    if (g.fitted) slot++;
  }
  const curve: Curve = {
    model: 'hill',
    shape,
    n: common.n,
    minSpend: common.minSpend,
    maxSpend: common.maxSpend,
    r2: r2 !== null && Number.isFinite(r2) ? r2 : null,
    residualSd,
    note: roomNote(common, tr, coupling),
  };
  const organicIdentified = common.preAdDays >= ROOM_MIN_ANCHOR_DAYS || common.observedOrganicDays >= ROOM_MIN_ANCHOR_DAYS;
  const persistence = persistenceOf(res, dates);
  return { ...common, eventEffects, identified: true, curve, organic, organicIdentified, covariance, demandCoupling: coupling, persistence };
}

/** The curve note: the days, then how events and demand-following spend were treated (only when they were). */
function roomNote(c: RoomFitCommon, tr: DayTreatment, dc: DemandCoupling): Text {
  const parts: Text[] = [
    text(
      `Whole-room fit (no paid split in the data): organic room + incremental curve, fitted jointly on ${c.n} days (${c.spendDays} with spend, ${c.preAdDays} without).`,
      `整体拟合（数据中没有付费拆分）：自然成交 + 投放增量曲线，基于 ${c.n} 天联合拟合（${c.spendDays} 天有消耗，${c.preAdDays} 天无消耗）。`,
    ),
  ];
  const modelled = tr.groups.filter((g) => g.fitted).length;
  if (tr.excluded > 0 || modelled > 0) {
    parts.push(
      text(
        `${modelled} event phase(s) fitted with their own organic and response multipliers; ${tr.excluded} day(s) left out (pauses, stock-outs, short event phases).`,
        `${modelled} 个活动阶段按各自的自然与响应倍数拟合；${tr.excluded} 天未纳入拟合（停播、断货、过短的活动阶段）。`,
      ),
    );
  }
  if (dc.method === 'target-log') {
    parts.push(
      text(
        'Spend follows demand on 全域 (the platform spends more on strong days): the curve is read from the part of spend your ROI target changes explain (control function on the target log).',
        '全域推广的消耗随需求变化（流量好的日子平台多花）：曲线只根据 ROI 目标调整所解释的那部分消耗来估计（基于目标记录的控制函数）。',
      ),
    );
  } else if (dc.method === 'proxy') {
    parts.push(
      text(
        'Spend follows demand on 全域: 非投放时段 GMV stands in for the day\'s demand, so strong days are not read as ad response.',
        '全域推广的消耗随需求变化：以非投放时段成交代表当天需求，避免把流量好的日子误读为投放效果。',
      ),
    );
  } else if (dc.detected) {
    parts.push(
      text(
        'Spend moved with the room\'s own demand (the platform spent more on strong days), and no ROI target log says why spend changed: the curve may be optimistic, so the S* range is widened. A test of ROI-target steps (≤ 10 % each, held 5–7 days) would settle it.',
        '消耗随直播间自身需求波动（流量好的日子平台多花），且没有 ROI 目标记录说明消耗变化的原因：曲线可能偏乐观，因此已放宽可持续消耗的区间。做一次 ROI 目标阶梯测试（每步 ≤ 10%，每步保持 5–7 天）即可确认。',
      ),
    );  } else if (dc.method === 'diagnostic') {
    parts.push(
      text(
        'No ROI target log: whether the platform\'s spend followed demand can only be partly tested, so the low end of the S* range is widened a little. A target log (ROI目标记录) lets the fit correct for it.',
        '没有 ROI 目标记录：平台的消耗是否随需求变化只能部分检验，因此可持续消耗区间的下限略有放宽。提供 ROI目标记录 后，拟合即可对此进行校正。',
      ),
    );
  }
  return parts.length === 1 ? parts[0]! : text(parts.map((p) => p['en-US']).join(' '), parts.map((p) => p['zh-CN']).join(''));
}

/** (1+ρ)/(1−ρ) from the lag-1 autocorrelation of residuals on consecutive days, ρ clamped to [0, 0.8]. */
function persistenceOf(res: Float64Array, dates: readonly IsoDate[]): number {
  let sxy = 0;
  let sxx = 0;
  for (let t = 1; t < res.length; t++) {
    if (dayIndex(dates[t]!) - dayIndex(dates[t - 1]!) !== 1) continue;
    sxy += res[t]! * res[t - 1]!;
    sxx += res[t - 1]! ** 2;
  }
  const rho = sxx > 0 ? clamp(sxy / sxx, 0, 0.8) : 0;
  return (1 + rho) / (1 - rho);
}

/**
 * The S* interval the plan reports for a fitted room: the curve's interval with the covariance
 * scaled for persistent residuals, its low end widened when no lever tells demand from response.
 */
export function roomSStarInterval(room: Extract<RoomFit, { identified: true }>, target: number, cap: number): [number, number] | null {
  const iv = sStarInterval(room.curve.shape, room.covariance.map((c) => c * room.persistence), target, cap);
  const dc = room.demandCoupling;
  if (!iv || !dc.widened) return iv;
  return [iv[0] / (dc.detected ? WIDEN_DETECTED : WIDEN_UNTESTED), iv[1]];
}

/** Expected organic GMV on a date (no ads). */
export function organicOn(o: OrganicRoom, date: IsoDate): number {
  return o.level * (o.weekday[weekdayOf(date)] ?? 1) * Math.exp(o.growth * (dayIndex(date) - o.midDay));
}

/** Weekday-averaged organic level over the last `days` days of the history (trend included). */
export function organicLevelOver(o: OrganicRoom, history: History, days: number): number {
  const tail = history.days.slice(Math.max(0, history.days.length - Math.max(1, Math.floor(days))));
  if (tail.length === 0) return o.level;
  let s = 0;
  for (const x of tail) s += o.level * Math.exp(o.growth * (dayIndex(x.date) - o.midDay));
  return s / tail.length;
}

