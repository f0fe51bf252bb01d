/**
 * Fitting the paid response curve (docs/model.md) from (spend, paid GMV) days with spend > 0:
 * least squares in log space with a Huber loss, weak priors on a and K, several starts and a
 * hand-rolled Levenberg–Marquardt over (ln Gmax, ln K, a). Never NaN: degenerate input gives a
 * reason instead of a curve.
 */
import { text, type Text } from '../../i18n/text';
import { AdplanError, type LiftObservation } from '../core';
import { clamp, huberWeights, levenbergMarquardt, maxOf, median, minOf } from '../numeric';
import { liftRows, usableLifts } from './calibration';
import { A_MAX, A_MIN, B_MIN, responseOf, type Curve, type CurveShape } from '../transforms';

/** Loops, not Math.max(...xs): a whole-column range can hold more values than a call takes arguments. */


export type FitModel = 'auto' | 'hill' | 'power';

/** Model choice thresholds (docs/model.md for auto; explicit requests need less). */
export const HILL_MIN_POINTS = 8;
export const HILL_MIN_SPREAD = 2;
export const POWER_MIN_POINTS = 3;
export const POWER_MIN_SPREAD = 1.5;

/** Weak priors: a ~ N(1, 0.5), ln K ~ N(ln median spend, 2), in units of a 0.25 log residual. */
const PRIOR_A = 1;
const PRIOR_A_SD = 0.3;
const PRIOR_LNK_SD = 2;
const PRIOR_SIGMA = 0.25;

export type FitResult = { curve: Curve } | { reason: Text };

function bad(i: number, name: string, v: unknown): AdplanError {
  return new AdplanError(
    'input',
    text(`${name}: value ${i + 1} must be a number ≥ 0, got ${String(v)}.`, `${name}：第 ${i + 1} 个值应为不小于 0 的数，实际为 ${String(v)}。`),
    name,
  );
}

/** Validated paid days: spend > 0, both finite and ≥ 0. */
function paidPoints(spend: readonly number[], gmv: readonly number[]): { s: number[]; g: number[] } {
  if (spend.length !== gmv.length) {
    throw new AdplanError(
      'input',
      text(
        `spend and paid_gmv must have the same length (got ${spend.length} and ${gmv.length}).`,
        `spend 与 paid_gmv 的长度应相同（实际为 ${spend.length} 和 ${gmv.length}）。`,
      ),
      'paid_gmv',
    );
  }
  const s: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < spend.length; i++) {
    const x = spend[i]!;
    const y = gmv[i]!;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw bad(i, 'spend', x);
    if (typeof y !== 'number' || !Number.isFinite(y) || y < 0) throw bad(i, 'paid_gmv', y);
    if (x > 0) {
      s.push(x);
      g.push(y);
    }
  }
  return { s, g };
}

function degenerate(s: number[], g: number[], minPoints: number, minSpread: number, what: string, whatZh: string): Text | null {
  const n = s.length;
  if (n === 0) return text('No paid days (spend > 0): there is no paid response to fit.', '没有付费投放的天（消耗 > 0）：无法拟合付费响应曲线。');
  if (!g.some((v) => v > 0)) {
    return text(
      `Paid GMV is 0 on all ${n} paid days: the response curve cannot be fitted.`,
      `全部 ${n} 个投放日的付费成交均为 0：无法拟合响应曲线。`,
    );
  }
  if (n < minPoints) {
    return text(
      `Only ${n} paid day(s): a ${what} curve needs at least ${minPoints} days with different spends.`,
      `只有 ${n} 个投放日：${whatZh}曲线至少需要 ${minPoints} 个消耗不同的投放日。`,
    );
  }
  const spread = maxOf(s) / minOf(s);
  if (!(spread >= minSpread)) {
    const same = spread < 1.0001;
    return same
      ? text(
          `All ${n} paid days have the same spend (${s[0]!.toFixed(2)}): the curve's shape cannot be seen. Vary the daily budget.`,
          `全部 ${n} 个投放日的消耗相同（${s[0]!.toFixed(2)}）：看不出曲线形状。请调整不同的日预算。`,
        )
      : text(
          `Spend varies only ${spread.toFixed(2)}× between paid days: a ${what} curve needs ≥ ${minSpread}× (largest / smallest).`,
          `投放日之间消耗只相差 ${spread.toFixed(2)} 倍：${whatZh}曲线需要最大/最小消耗 ≥ ${minSpread} 倍。`,
        );
  }
  return null;
}

/** Fit, or the reason there is no curve. Experiment results (`lifts`) enter the Hill fit as rows on the curve. */
export function tryFitCurve(spend: readonly number[], paidGmv: readonly number[], model: FitModel = 'auto', lifts?: readonly LiftObservation[]): FitResult {
  const { s, g } = paidPoints(spend, paidGmv);
  let why: Text | null;
  let fit: (s: number[], g: number[], base: Float64Array | undefined, lifts: LiftObservation[]) => Curve;
  if (model === 'hill') {
    why = degenerate(s, g, 4, POWER_MIN_SPREAD, 'Hill', 'Hill ');
    fit = fitHill;
  } else if (model === 'power') {
    why = degenerate(s, g, 2, 1.2, 'power', '幂函数');
    fit = fitPower;
  } else if (!degenerate(s, g, HILL_MIN_POINTS, HILL_MIN_SPREAD, 'Hill', 'Hill ')) {
    why = null;
    fit = fitHill;
  } else {
    why = degenerate(s, g, POWER_MIN_POINTS, POWER_MIN_SPREAD, 'response', '响应');
    fit = fitPower;
  }
  if (why) return { reason: why };
  const curve = fit(s, g, undefined, usableLifts(lifts));
  return finiteCurve(curve) ? { curve } : { reason: NOT_FINITE };
}

const NOT_FINITE = text(
  'The fit did not give finite parameters: spend or paid GMV values are too extreme (check the units).',
  '拟合未得到有限的参数：消耗或付费成交的数值过于极端（请检查单位）。',
);

function finiteCurve(c: Curve): boolean {
  const p = c.shape.kind === 'hill' ? [c.shape.gmax, c.shape.k, c.shape.a] : [c.shape.c, c.shape.b];
  const ok = (v: number | null): boolean => v === null || Number.isFinite(v);
  return p.every((v) => Number.isFinite(v) && v > 0) && ok(c.r2) && ok(c.residualSd) && Number.isFinite(responseOf(c.maxSpend ?? 1, c.shape));
}

/** FITCURVE: a fitted curve; degenerate input ⇒ AdplanError('input') with the reason. */
export function fitCurve(spend: readonly number[], paidGmv: readonly number[], model: FitModel = 'auto'): Curve {
  if (model !== 'auto' && model !== 'hill' && model !== 'power') {
    throw new AdplanError(
      'input',
      text(`model must be "auto", "hill" or "power", got "${String(model)}".`, `model 应为 “auto”、“hill” 或 “power”，实际为 “${String(model)}”。`),
      'model',
    );
  }
  const r = tryFitCurve(spend, paidGmv, model);
  if ('reason' in r) throw new AdplanError('input', r.reason, 'spend');
  return r.curve;
}

/** Log targets; zero GMV days are floored at half the smallest positive paid GMV (Huber absorbs them). */
function logData(s: number[], g: number[]): { x: Float64Array; y: Float64Array } {
  let minPos = Infinity;
  for (const v of g) if (v > 0 && v < minPos) minPos = v;
  const floor = minPos / 2;
  const n = s.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.log(s[i]!);
    y[i] = Math.log(Math.max(g[i]!, floor));
  }
  return { x, y };
}



interface HillProblem {
  /** Residual scale the priors are weighed against (0.25 until the data's own scale is known). */
  priorSigma: number;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  lnK0: number;
  lnKmin: number;
  lnKmax: number;
  lifts: LiftObservation[];
}

/** Objective and (optionally) normal equations at p = [ln Gmax, ln K, a]. */
function hillObjective(pr: HillProblem, g: number, kap: number, a: number, H: Float64Array | null, v: Float64Array | null, r: Float64Array | null): number {
  const { x, y, w } = pr;
  let obj = 0;
  if (H && v) {
    H.fill(0);
    v.fill(0);
  }
  for (let i = 0; i < x.length; i++) {
    const d = kap - x[i]!;
    const z = a * d;
    const e = Math.exp(-Math.abs(z));
    const sp = (z > 0 ? z : 0) + Math.log1p(e);
    const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const res = y[i]! - (g - sp);
    if (r) r[i] = res;
    const wi = w[i]!;
    obj += wi * res * res;
    if (H && v) {
      const j0 = 1;
      const j1 = -a * sig;
      const j2 = -d * sig;
      H[0]! += wi * j0 * j0;
      H[1]! += wi * j0 * j1;
      H[2]! += wi * j0 * j2;
      H[4]! += wi * j1 * j1;
      H[5]! += wi * j1 * j2;
      H[8]! += wi * j2 * j2;
      v[0]! += wi * j0 * res;
      v[1]! += wi * j1 * res;
      v[2]! += wi * j2 * res;
    }
  }
  obj += addLiftRows(pr, g, kap, a, H, v);
  const wa = (pr.priorSigma / PRIOR_A_SD) ** 2;
  const wk = (pr.priorSigma / PRIOR_LNK_SD) ** 2;
  obj += wa * (a - PRIOR_A) ** 2 + wk * (kap - pr.lnK0) ** 2;
  if (H && v) {
    H[4]! += wk;
    H[8]! += wa;
    v[1]! += wk * (pr.lnK0 - kap);
    v[2]! += wa * (PRIOR_A - a);
    H[3] = H[1]!;
    H[6] = H[2]!;
    H[7] = H[5]!;
  }
  return obj;
}

/** Experiment results as rows on the curve (fit/calibration.ts): their objective, and H, v updated. */
function addLiftRows(pr: HillProblem, g: number, kap: number, a: number, H: Float64Array | null, v: Float64Array | null): number {
  let obj = 0;
  for (const { r, w, j } of liftRows(pr.lifts, g, kap, a, pr.priorSigma)) {
    obj += w * r * r;
    if (!H || !v) continue;
    for (let i = 0; i < 3; i++) {
      v[i]! += w * j[i]! * r;
      for (let k = i; k < 3; k++) H[i * 3 + k]! += w * j[i]! * j[k]!;
    }
  }
  return obj;
}

/** Solves the 3×3 system (H + μ·diag H) δ = v by Cramer's rule; false when singular. */
function solve3(H: Float64Array, mu: number, v: Float64Array, out: Float64Array): boolean {
  const a = H[0]! * (1 + mu) + 1e-12;
  const e = H[4]! * (1 + mu) + 1e-12;
  const i = H[8]! * (1 + mu) + 1e-12;
  const b = H[1]!;
  const c = H[2]!;
  const f = H[5]!;
  const det = a * (e * i - f * f) - b * (b * i - f * c) + c * (b * f - e * c);
  if (!(Math.abs(det) > 1e-300) || !Number.isFinite(det)) return false;
  const [v0, v1, v2] = [v[0]!, v[1]!, v[2]!];
  out[0] = (v0 * (e * i - f * f) - b * (v1 * i - f * v2) + c * (v1 * f - e * v2)) / det;
  out[1] = (a * (v1 * i - f * v2) - v0 * (b * i - f * c) + c * (b * v2 - v1 * c)) / det;
  out[2] = (a * (e * v2 - v1 * f) - b * (b * v2 - v1 * c) + v0 * (b * f - e * c)) / det;
  return Number.isFinite(out[0]!) && Number.isFinite(out[1]!) && Number.isFinite(out[2]!);
}

/** Levenberg–Marquardt from one start; returns [g, κ, a, objective]. */
function hillLM(pr: HillProblem, g0: number, k0: number, a0: number, maxIter: number): [number, number, number, number] {
  const r = levenbergMarquardt(
    {
      evaluate: (th, H, v) => hillObjective(pr, th[0]!, th[1]!, th[2]!, H, v, null),
      solve: solve3,
      project: (th) => {
        th[1] = clamp(th[1]!, pr.lnKmin, pr.lnKmax);
        th[2] = clamp(th[2]!, A_MIN, A_MAX);
      },
      tolerance: 1e-12,
    },
    [g0, k0, a0],
    maxIter,
  );
  return [r.th[0]!, r.th[1]!, r.th[2]!, r.objective];
}

/** ln Gmax that best fits given κ and a (weighted mean). */
function profileG(pr: HillProblem, kap: number, a: number): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < pr.x.length; i++) {
    const z = a * (kap - pr.x[i]!);
    const sp = (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
    s += pr.w[i]! * (pr.y[i]! + sp);
    sw += pr.w[i]!;
  }
  return s / sw;
}

function fitHill(s: number[], gmv: number[], base?: Float64Array, lifts: LiftObservation[] = []): Curve {
  const { x, y } = logData(s, gmv);
  const n = x.length;
  const xs = Float64Array.from(x).sort();
  const xmin = xs[0]!;
  const xmax = xs[n - 1]!;
  const xmed = median(x);
  const pr: HillProblem = { priorSigma: PRIOR_SIGMA, x, y, w: base ? Float64Array.from(base) : new Float64Array(n).fill(1), lnK0: xmed, lnKmin: xmin - 4.6, lnKmax: xmax + 4.6, lifts };

  let best: [number, number, number, number] = [0, xmed, 1, Infinity];
  for (const a0 of [0.6, 1, 1.4]) {
    for (const k0 of [xmin, xmed, xmax]) {
      const r = hillLM(pr, profileG(pr, k0, a0), k0, a0, 60);
      if (r[3] < best[3]) best = r;
    }
  }
  // Huber refinement (IRLS) from the best start; priors weighed against the data's own noise
  // (MAD of the residuals, at least 0.02) so exact data is not pulled towards them.
  const res = new Float64Array(n);
  for (let round = 0; round < 3; round++) {
    hillObjective(pr, best[0], best[1], best[2], null, null, res);
    const scale = huberWeights(res, pr.w);
    if (base) for (let i = 0; i < n; i++) pr.w[i]! *= base[i]!;
    pr.priorSigma = Math.max(0.02, Math.min(PRIOR_SIGMA, scale));
    best = hillLM(pr, best[0], best[1], best[2], 40);
  }
  const shape: CurveShape = { kind: 'hill', gmax: Math.exp(best[0]), k: Math.exp(best[1]), a: best[2] };
  pr.w.fill(1);
  hillObjective(pr, best[0], best[1], best[2], null, null, res);
  return finish('hill', shape, s, gmv, res, 3);
}

function fitPower(s: number[], gmv: number[]): Curve {
  const { x, y } = logData(s, gmv);
  const n = x.length;
  const w = new Float64Array(n).fill(1);
  const res = new Float64Array(n);
  let lnc = 0;
  let b = 1;
  for (let round = 0; round < 4; round++) {
    let sw = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sw += w[i]!;
      sx += w[i]! * x[i]!;
      sy += w[i]! * y[i]!;
    }
    const mx = sx / sw;
    const my = sy / sw;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += w[i]! * (x[i]! - mx) * (y[i]! - my);
      sxx += w[i]! * (x[i]! - mx) ** 2;
    }
    b = clamp(sxx > 0 ? sxy / sxx : 1, B_MIN, 1);
    lnc = my - b * mx;
    for (let i = 0; i < n; i++) res[i] = y[i]! - lnc - b * x[i]!;
    huberWeights(res, w);
  }
  return finish('power', { kind: 'power', c: Math.exp(lnc), b }, s, gmv, res, 2);
}

/** Fit quality: R² on the original scale, residual sd on the log scale. */
function finish(model: 'hill' | 'power', shape: CurveShape, s: number[], g: number[], logRes: Float64Array, p: number): Curve {
  const n = s.length;
  let mean = 0;
  for (const v of g) mean += v / n;
  let ssTot = 0;
  let ssRes = 0;
  let ssLog = 0;
  for (let i = 0; i < n; i++) {
    ssTot += (g[i]! - mean) ** 2;
    ssRes += (g[i]! - responseOf(s[i]!, shape)) ** 2;
    ssLog += logRes[i]! ** 2;
  }
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : null;
  return {
    model,
    shape,
    n,
    minSpend: minOf(s),
    maxSpend: maxOf(s),
    r2: r2 !== null && Number.isFinite(r2) ? r2 : null,
    residualSd: n > p ? Math.sqrt(ssLog / (n - p)) : null,
  };
}

/** Paid days under an event treatment: a weight per day (learning < 1) and an event slot (−1 none). */
export interface TreatedPaidDays {
  spend: number[];
  paidGmv: number[];
  weight: number[];
  slot: number[];
  /** Number of modelled event slots. */
  slots: number;
}

/** Response multiplier prior: ln R ~ N(0, 0.3), weighed against the residual scale. */
const PRIOR_EVENT_RESPONSE_SD = 0.3;

/**
 * The direct fit with event days: each modelled slot gets a response multiplier R (paid GMV on
 * its days = R · Gp(S)), estimated by alternating the Hill fit with the slots' shrunk mean log
 * residuals. Without slots or weights it is tryFitCurve. Returns the fit and R per slot.
 */
export function tryFitCurveTreated(days: TreatedPaidDays, model: FitModel = 'auto', lifts?: readonly LiftObservation[]): { fit: FitResult; response: number[] } {
  const plain = days.slots === 0 && days.weight.every((w) => w === 1);
  const ones = new Array<number>(days.slots).fill(1);
  if (plain) return { fit: tryFitCurve(days.spend, days.paidGmv, model, lifts), response: ones };
  const first = tryFitCurve(days.spend, days.paidGmv, model, lifts);
  if (!('curve' in first) || first.curve.model !== 'hill') return { fit: first, response: ones };
  const { s, g } = paidPoints(days.spend, days.paidGmv);
  // paidPoints keeps spend > 0 days: map weights and slots onto them.
  const keep = days.spend.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
  const base = Float64Array.from(keep, (i) => days.weight[i]!);
  const slot = keep.map((i) => days.slot[i]!);
  const psi = new Float64Array(days.slots);
  let curve = first.curve;
  for (let round = 0; round < 4; round++) {
    const adj = g.map((v, i) => (slot[i]! >= 0 ? v * Math.exp(-psi[slot[i]!]!) : v));
    curve = fitHill(s, adj, base, usableLifts(lifts));
    const sum = new Float64Array(days.slots);
    const cnt = new Float64Array(days.slots);
    const sd = Math.max(0.02, curve.residualSd ?? PRIOR_SIGMA);
    for (let i = 0; i < s.length; i++) {
      const k = slot[i]!;
      if (k < 0 || !(g[i]! > 0)) continue;
      sum[k]! += base[i]! * (Math.log(g[i]!) - Math.log(Math.max(1e-9, responseOf(s[i]!, curve.shape))));
      cnt[k]! += base[i]!;
    }
    for (let k = 0; k < days.slots; k++) psi[k] = sum[k]! / (cnt[k]! + (sd / PRIOR_EVENT_RESPONSE_SD) ** 2);
  }
  const fitted = { ...curve, n: s.length };
  return finiteCurve(fitted) ? { fit: { curve: fitted }, response: Array.from(psi, Math.exp) } : { fit: { reason: NOT_FINITE }, response: ones };
}
