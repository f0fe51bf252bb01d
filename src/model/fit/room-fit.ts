/**
 * The whole-room fit (MODEL.md §11) for accounts without a paid split (千川全域推广):
 *
 *   G_t = B · w(weekday_t) · e^{g·τ_t} · ε_t  +  Gp(S_t),    Gp Hill (§4), ε log-normal
 *
 * fitted jointly by robust (Huber) Levenberg–Marquardt on ln G_t, with the Hill priors of
 * curve-fit.ts. Pre-ad days (S = 0) anchor B; 罗盘 非投放时段 GMV (`organicGmvObserved`) enters as
 * an observation of the organic room; 投放贡献成交金额 (`attributedPaidGmv`) as a weak prior on
 * Gp only (the platform's attribution is biased upward). The 11×11 normal equations are solved
 * by linear.ts's LU with partial pivoting: mathjs's lusolve, even tree-shaken, added 62.5 KB
 * gzipped to functions.js (112.5 KB vs 50.0 KB; budget 60 KB), see docs/model.md §11. Never a
 * confident number from an unidentified fit: flat spend, too few days or an S* that the data
 * cannot pin down give a plain reason instead.
 */
import { text, type Text } from '../../i18n/text';
import { maxOf, minOf } from './curve-fit';
import { dayIndex, weekdayOf } from '../core';
import { solveLinear } from '../numeric';
import type { History, IsoDate } from '../core';
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
const HUBER_C = 1.345;

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

interface RoomFitCommon {
  /** Days in the fit (all history days with GMV). */
  n: number;
  spendDays: number;
  preAdDays: number;
  observedOrganicDays: number;
  minSpend: number | null;
  maxSpend: number | null;
}

export type RoomFit =
  | (RoomFitCommon & {
      identified: true;
      /** The incremental curve Gp (MODEL §11): spend → GMV the ads add to the room. */
      curve: Curve;
      organic: OrganicRoom;
      /** Pre-ad days or observed organic GMV anchor the organic level; else only the total is known. */
      organicIdentified: boolean;
      /** Covariance of (ln Gmax, ln K, a) from the fit's curvature, row-major 3×3 (the S* interval). */
      covariance: number[];
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
}

/** Parameter layout: [ln B, δ1…δ6 (weekday vs Sunday), g, ln Gmax, κ = ln K, a]. */
const LNB = 0;
const G = 7;
const LNGMAX = 8;
const KAP = 9;
const A = 10;
const P = 11;

interface Problem {
  d: Data;
  w: Float64Array;
  sigma: number;
  lnK0: number;
  kMin: number;
  kMax: number;
}

function softplus(z: number): number {
  return (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

function sigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

const lnOrganic = (th: Float64Array, dow: number, tau: number): number => th[LNB]! + (dow > 0 ? th[dow]! : 0) + th[G]! * tau;

/** Weighted objective; with H, v: the Gauss–Newton normal equations (H row-major P×P). */
function objective(pr: Problem, th: Float64Array, H: Float64Array | null, v: Float64Array | null, res: Float64Array | null): number {
  const { d, w } = pr;
  const J = new Float64Array(P);
  const nz = new Int32Array(P);
  let obj = 0;
  if (H && v) {
    H.fill(0);
    v.fill(0);
  }
  const add = (r: number, wi: number): void => {
    obj += wi * r * r;
    if (!H || !v) return;
    // J has at most 6 non-zeros per row: accumulate over those only.
    let m = 0;
    for (let i = 0; i < P; i++) if (J[i] !== 0) nz[m++] = i;
    for (let p = 0; p < m; p++) {
      const i = nz[p]!;
      const ji = wi * J[i]!;
      v[i]! += ji * r;
      for (let q = p; q < m; q++) H[i * P + nz[q]!]! += ji * J[nz[q]!]!;
    }
  };
  const a = th[A]!;
  const kap = th[KAP]!;
  for (let t = 0; t < d.y.length; t++) {
    const dow = d.dow[t]!;
    const lo = lnOrganic(th, dow, d.tau[t]!);
    J.fill(0);
    let f: number;
    if (d.paid[t]) {
      const z = a * (kap - d.x[t]!);
      const lp = th[LNGMAX]! - softplus(z);
      const sig = sigmoid(z);
      // ln(O + P) and the shares, computed stably.
      const m = Math.max(lo, lp);
      const eo = Math.exp(lo - m);
      const ep = Math.exp(lp - m);
      f = m + Math.log(eo + ep);
      const so = eo / (eo + ep);
      const sp = 1 - so;
      J[LNB] = so;
      if (dow > 0) J[dow] = so;
      J[G] = so * d.tau[t]!;
      J[LNGMAX] = sp;
      J[KAP] = -sp * a * sig;
      J[A] = -sp * (kap - d.x[t]!) * sig;
    } else {
      f = lo;
      J[LNB] = 1;
      if (dow > 0) J[dow] = 1;
      J[G] = d.tau[t]!;
    }
    const r = d.y[t]! - f;
    if (res) res[t] = r;
    add(r, w[t]!);
  }
  d.obsRow.forEach((t, i) => {
    const dow = d.dow[t]!;
    J.fill(0);
    J[LNB] = 1;
    if (dow > 0) J[dow] = 1;
    J[G] = d.tau[t]!;
    add(d.obsY[i]! - lnOrganic(th, dow, d.tau[t]!), 1);
  });
  const wAtt = (pr.sigma / ATTRIBUTED_SD) ** 2;
  d.attRow.forEach((t, i) => {
    const z = a * (kap - d.x[t]!);
    const sig = sigmoid(z);
    J.fill(0);
    J[LNGMAX] = 1;
    J[KAP] = -a * sig;
    J[A] = -(kap - d.x[t]!) * sig;
    add(d.attY[i]! - (th[LNGMAX]! - softplus(z)), wAtt);
  });
  // Priors (as pseudo-observations weighed against the residual scale σ).
  const prior = (i: number, centre: number, sd: number): void => {
    J.fill(0);
    J[i] = 1;
    add(centre - th[i]!, (pr.sigma / sd) ** 2);
  };
  prior(A, PRIOR_A, PRIOR_A_SD);
  prior(KAP, pr.lnK0, PRIOR_LNK_SD);
  prior(G, 0, PRIOR_G_SD);
  for (let k = 1; k <= 6; k++) prior(k, 0, PRIOR_WEEKDAY_SD);
  if (H) for (let i = 0; i < P; i++) for (let k = 0; k < i; k++) H[i * P + k] = H[k * P + i]!;
  return obj;
}

/** Solves M x = b (LU with partial pivoting); null when M is singular. */
function solve(M: Float64Array, b: Float64Array): Float64Array | null {
  const x = solveLinear(M, b, P);
  return x && x.every(Number.isFinite) ? x : null;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

function lm(pr: Problem, start: Float64Array, maxIter: number): { th: Float64Array; obj: number } {
  const H = new Float64Array(P * P);
  const v = new Float64Array(P);
  const M = new Float64Array(P * P);
  let th = Float64Array.from(start);
  let obj = objective(pr, th, H, v, null);
  let mu = 1e-3;
  for (let it = 0; it < maxIter; it++) {
    M.set(H);
    for (let i = 0; i < P; i++) M[i * P + i] = H[i * P + i]! * (1 + mu) + 1e-10;
    const step = solve(M, v);
    if (!step) break;
    const next = Float64Array.from(th, (x, i) => x + step[i]!);
    next[KAP] = clamp(next[KAP]!, pr.kMin, pr.kMax);
    next[A] = clamp(next[A]!, A_MIN, A_MAX);
    const nobj = objective(pr, next, null, null, null);
    if (nobj < obj) {
      const gain = obj - nobj;
      th = next;
      obj = objective(pr, th, H, v, null);
      mu = Math.max(mu / 3, 1e-9);
      if (gain <= 1e-10 * (1 + obj)) break;
    } else {
      mu *= 4;
      if (mu > 1e8) break;
    }
  }
  return { th, obj };
}

function median(xs: ArrayLike<number>): number {
  const a = Array.from(xs).sort((p, q) => p - q);
  const n = a.length;
  if (n === 0) return 0;
  return n % 2 ? a[(n - 1) / 2]! : 0.5 * (a[n / 2 - 1]! + a[n / 2]!);
}

function prepare(history: History): { d: Data; common: RoomFitCommon; spends: number[] } {
  const days = history.days.filter((x) => Number.isFinite(x.gmv) && x.gmv >= 0 && Number.isFinite(x.spend) && x.spend >= 0);
  const n = days.length;
  const first = days[0] ? dayIndex(days[0].date) : 0;
  const last = days[n - 1] ? dayIndex(days[n - 1]!.date) : 0;
  const mid = (first + last) / 2;
  let minPos = Infinity;
  for (const x of days) if (x.gmv > 0 && x.gmv < minPos) minPos = x.gmv;
  const floor = Number.isFinite(minPos) ? minPos / 2 : 1;
  const d: Data = {
    y: new Float64Array(n),
    x: new Float64Array(n),
    paid: new Uint8Array(n),
    dow: new Uint8Array(n),
    tau: new Float64Array(n),
    obsRow: [],
    obsY: [],
    attRow: [],
    attY: [],
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
    common: {
      n,
      spendDays: spends.length,
      preAdDays: preAd,
      observedOrganicDays: d.obsRow.length,
      minSpend: spends.length > 0 ? minOf(spends) : null,
      maxSpend: spends.length > 0 ? maxOf(spends) : null,
    },
  };
}

/** The reason the room cannot be fitted from its days, or null. */
function notEnough(c: RoomFitCommon): Text | null {
  if (c.spendDays < ROOM_MIN_SPEND_DAYS) {
    return text(
      `Only ${c.spendDays} day(s) with spend: separating organic from ad-driven GMV in the whole room needs at least ${ROOM_MIN_SPEND_DAYS}.`,
      `只有 ${c.spendDays} 天有消耗:要从整体成交中区分自然成交与投放带来的成交,至少需要 ${ROOM_MIN_SPEND_DAYS} 天。`,
    );
  }
  const spread = (c.maxSpend ?? 0) / (c.minSpend ?? 1);
  if (!(spread >= ROOM_MIN_SPREAD)) {
    return text(
      `Daily spend varied only ${spread.toFixed(2)}× (largest / smallest): with spend this flat, the whole room's GMV cannot show what the ads add. Vary the daily budget (≥ ${ROOM_MIN_SPREAD}×) for a few weeks.`,
      `日消耗只相差 ${spread.toFixed(2)} 倍(最大/最小):消耗如此平稳,整体成交看不出投放带来多少。请在几周内调整日预算(相差 ≥ ${ROOM_MIN_SPREAD} 倍)。`,
    );
  }
  return null;
}

function startPoints(d: Data, spends: number[], preAdMean: number | null): Float64Array[] {
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
function curveCovariance(H: Float64Array, scale2: number): Float64Array | null {
  const out = new Float64Array(9);
  const idx = [LNGMAX, KAP, A];
  for (let c = 0; c < 3; c++) {
    const e = new Float64Array(P);
    e[idx[c]!] = 1;
    const col = solve(H, e);
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

/** Fit the whole room; a reason instead of a curve when the data cannot separate organic from paid. */
export function fitRoom(history: History): RoomFit {
  const { d, common, spends } = prepare(history);
  const why = notEnough(common);
  if (why) return { ...common, identified: false, reason: why };

  const xs = spends.map(Math.log);
  const xMin = minOf(xs);
  const xMax = maxOf(xs);
  let preSum = 0;
  for (let t = 0; t < d.y.length; t++) if (!d.paid[t]) preSum += Math.exp(d.y[t]!);
  const preAdMean = common.preAdDays >= ROOM_MIN_ANCHOR_DAYS ? preSum / common.preAdDays : null;
  const pr: Problem = {
    d,
    w: new Float64Array(d.y.length).fill(1),
    sigma: 0.25,
    lnK0: Math.log(median(spends)),
    kMin: xMin - 4.6,
    kMax: xMax + 4.6,
  };

  // Cheap screen of the starts, LM from the best three, then Huber rounds from the best.
  const starts = startPoints(d, spends, preAdMean)
    .map((th) => ({ th, obj: objective(pr, th, null, null, null) }))
    .sort((p, q) => p.obj - q.obj)
    .slice(0, 3);
  let best = { th: starts[0]!.th, obj: Infinity };
  for (const s of starts) {
    const r = lm(pr, s.th, 30);
    if (r.obj < best.obj) best = r;
  }
  const res = new Float64Array(d.y.length);
  for (let round = 0; round < 2; round++) {
    objective(pr, best.th, null, null, res);
    const abs = Array.from(res, Math.abs);
    const scale = 1.4826 * median(abs);
    for (let t = 0; t < res.length; t++) {
      const u = scale > 1e-9 ? abs[t]! / (HUBER_C * scale) : 0;
      pr.w[t] = u > 1 ? 1 / u : 1;
    }
    pr.sigma = Math.max(0.02, Math.min(0.25, scale));
    best = lm(pr, best.th, 20);
  }
  const th = best.th;
  if (!th.every(Number.isFinite)) {
    return {
      ...common,
      identified: false,
      reason: text('The whole-room fit did not converge to finite values: check the units of spend and GMV.', '整体拟合未收敛到有限值:请检查消耗与成交的单位。'),
    };
  }

  // Residual scale (unweighted, log) and the curvature at the optimum → draws of the curve.
  pr.w.fill(1);
  const H = new Float64Array(P * P);
  const v = new Float64Array(P);
  objective(pr, th, H, v, res);
  let ss = 0;
  for (let t = 0; t < res.length; t++) ss += res[t]! ** 2;
  const residualSd = Math.sqrt(ss / Math.max(1, res.length - P));
  const shape = hillShape([th[LNGMAX]!, th[KAP]!, th[A]!]);
  const cov = curveCovariance(H, residualSd ** 2);
  const unsep = text(
    'The whole room\'s GMV does not separate organic sales from what the ads add (the data fit both ways about equally well).',
    '整体成交无法区分自然成交与投放带来的成交(两种解释对数据拟合得差不多)。',
  );
  if (!cov || !cholesky(cov, 3)) return { ...common, identified: false, reason: unsep };
  const covariance = Array.from(cov);
  // Identification: the S* interval at the target that puts S* at the median observed spend.
  const sMed = median(spends);
  const probe = marginalOf(sMed, shape);
  const cap = 2 * (common.maxSpend ?? sMed);
  const probeInterval = probe > 0 && Number.isFinite(probe) ? sStarInterval(shape, covariance, probe, cap) : null;
  if (!probeInterval || !(probeInterval[0] > 0) || probeInterval[1] / probeInterval[0] > ROOM_MAX_INTERVAL_RATIO) {
    return { ...common, identified: false, reason: unsep };
  }

  // Weekday factors averaging 1 (the level absorbs the mean).
  const raw = [0, 1, 2, 3, 4, 5, 6].map((k) => Math.exp(k > 0 ? th[k]! : 0));
  const mean = raw.reduce((p, q) => p + q, 0) / 7;
  const first = history.days[0];
  const lastDay = history.days[history.days.length - 1];
  const midDay = first && lastDay ? (dayIndex(first.date) + dayIndex(lastDay.date)) / 2 : 0;
  const organic: OrganicRoom = { level: Math.exp(th[LNB]!) * mean, weekday: raw.map((x) => x / mean), growth: th[G]!, midDay };

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
  const curve: Curve = {
    model: 'hill',
    shape,
    n: common.n,
    minSpend: common.minSpend,
    maxSpend: common.maxSpend,
    r2: r2 !== null && Number.isFinite(r2) ? r2 : null,
    residualSd,
    note: text(
      `Whole-room fit (no paid split in the data): organic room + incremental curve, fitted jointly on ${common.n} days (${common.spendDays} with spend, ${common.preAdDays} without).`,
      `整体拟合(数据中没有付费拆分):自然成交 + 投放增量曲线,基于 ${common.n} 天联合拟合(${common.spendDays} 天有消耗,${common.preAdDays} 天无消耗)。`,
    ),
  };
  const organicIdentified = common.preAdDays >= ROOM_MIN_ANCHOR_DAYS || common.observedOrganicDays >= ROOM_MIN_ANCHOR_DAYS;
  return { ...common, identified: true, curve, organic, organicIdentified, covariance };
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

