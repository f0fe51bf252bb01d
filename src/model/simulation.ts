/**
 * Risk (MODEL.md §9): seeded Monte Carlo over the plan's spend (the decision) with random
 * outcomes — curve level, daily noise, refund rate (Beta), AOV, organic level, λ — and a
 * one-at-a-time sensitivity (tornado). Same seed ⇒ identical output on every machine: one
 * xoshiro128** stream, a fixed draw order, typed arrays in the hot loop.
 */
import { text, type Text } from '../i18n/text';
import { AdplanError } from './errors';
import { RUN_OPTIONS } from './run-options';
import type { PlanResult, PlanSetup } from './planner';
import { Rng } from './random';
import type { RiskReport } from './report';

export interface Uncertainty {
  /** Log-sd of the paid curve's level. */
  curveSd: number;
  /** Log-sd of day-to-day noise on paid and organic GMV. */
  dailyNoise: number;
  /** Beta concentration around ρ (≈ effective number of orders behind the refund rate); 0 = ρ fixed. */
  refundKappa: number;
  /** Log-sd of AOV. */
  aovSd: number;
  /** Log-sd of the organic level (organic CVR). */
  organicSd: number;
  /** Standard error of λ (0 = λ fixed). */
  lambdaSe: number;
}

/** Everything one run needs, flattened for the hot loop. */
export interface SimContext {
  T: number;
  spend: Float64Array;
  paidBase: Float64Array;
  organicBase: Float64Array;
  theta: number;
  lambda: number;
  carry0: number;
  capacityOrders: number;
  aov: number;
  refundRate: number;
  feeRate: number;
  commissionRate: number;
  cogsRate: number;
  resaleRate: number;
  shipping: number;
  returnShipping: number;
  fixed: number;
  L: number;
  prepay: number;
  inventory: number;
  opening: number;
  reserve: number;
  gmvTail: Float64Array;
  u: Uncertainty;
}

export function simContextOf(plan: PlanResult, setup: PlanSetup, u: Uncertainty): SimContext {
  const A = setup.assumptions;
  return {
    T: setup.horizon,
    spend: plan.spend,
    paidBase: plan.paidGmv,
    organicBase: plan.organicBase,
    theta: setup.theta,
    lambda: setup.lambda,
    carry0: setup.carry0,
    capacityOrders: A.capacity_orders_per_day ?? Infinity,
    aov: A.aov,
    refundRate: A.refund_rate,
    feeRate: A.fee_rate,
    commissionRate: A.commission_rate,
    cogsRate: A.cogs_rate,
    resaleRate: A.resale_rate,
    shipping: A.shipping_per_order,
    returnShipping: A.return_shipping,
    fixed: A.fixed_cost_per_day,
    L: A.settlement_days,
    prepay: A.prepay_days,
    inventory: A.inventory_days,
    opening: A.cash_available,
    reserve: A.cash_reserve,
    gmvTail: Float64Array.from(setup.gmvTail),
    u,
  };
}

/** One run's random inputs (multipliers and values). */
interface Draw {
  curve: number;
  refund: number;
  aov: number;
  organic: number;
  lambda: number;
}

interface Outcome {
  profit: number;
  peakCapital: number;
  minCash: number;
  /** Infinity when never paid back. */
  payback: number;
}

/** Scratch buffers reused across runs. */
class Scratch {
  readonly pf: Float64Array;
  readonly of: Float64Array;
  readonly cash: Float64Array;
  constructor(ctx: SimContext) {
    this.pf = new Float64Array(ctx.T + ctx.L + 1);
    this.of = new Float64Array(ctx.T + ctx.L + 1);
    this.cash = new Float64Array(ctx.T + 1);
  }
}

/** One run: the plan under drawn inputs; daily noise from `rng` when given. */
function runOnce(ctx: SimContext, d: Draw, rng: Rng | null, s: Scratch, out: Outcome): void {
  const { T, L, theta, spend, paidBase, organicBase } = ctx;
  const pf = s.pf;
  const of = s.of;
  pf.fill(0);
  of.fill(0);
  const rho = d.refund;
  const k = ctx.cogsRate;
  const inflow = (1 - rho) * (1 - ctx.feeRate - ctx.commissionRate) + rho * ctx.resaleRate * k;
  const perOrder = (ctx.shipping + rho * ctx.returnShipping) / d.aov;
  const u = inflow - k - perOrder;
  const cap = ctx.capacityOrders * d.aov;
  const lam = d.lambda;
  const sd = rng ? ctx.u.dailyNoise : 0;
  const fixed = ctx.fixed;
  const tail = ctx.gmvTail;
  for (let i = 0; i < L && i < tail.length; i++) {
    const r = inflow * tail[tail.length - 1 - i]!;
    pf[L - i]! += r;
    of[L - i]! += r;
  }
  let a = ctx.carry0;
  let a0 = ctx.carry0;
  let profit = 0;
  for (let t = 1; t <= T; t++) {
    const zp = rng ? rng.normal() : 0;
    const zo = rng ? rng.normal() : 0;
    const S = spend[t - 1]!;
    const paid = paidBase[t - 1]! * d.curve * (sd > 0 ? Math.exp(sd * zp) : 1);
    const ob = organicBase[t - 1]! * d.organic * (sd > 0 ? Math.exp(sd * zo) : 1);
    a = theta * a + paid;
    a0 = theta * a0;
    let g = ob + lam * a + paid;
    if (g > cap) g = cap;
    let g0 = ob + lam * a0;
    if (g0 > cap) g0 = cap;
    profit += u * g - S - fixed;
    const p = t - ctx.prepay;
    const inv = t - ctx.inventory;
    pf[p < 1 ? 1 : p]! -= S;
    pf[inv < 1 ? 1 : inv]! -= k * g;
    of[inv < 1 ? 1 : inv]! -= k * g0;
    pf[t]! -= perOrder * g + fixed;
    of[t]! -= perOrder * g0 + fixed;
    pf[t + L]! += inflow * g;
    of[t + L]! += inflow * g0;
  }
  // Cash, min cash, and peak capital / payback of the incremental flow.
  let c = ctx.opening;
  let minCash = Infinity;
  let cum = 0;
  let peak = 0;
  let dd = 0;
  let trough = -1;
  const n = T + L;
  for (let t = 1; t <= n; t++) {
    c += pf[t]!;
    if (t <= T) {
      s.cash[t] = c;
      if (c < minCash) minCash = c;
    }
    cum += pf[t]! - of[t]!;
    if (cum > peak) peak = cum;
    if (peak - cum > dd) {
      dd = peak - cum;
      trough = t;
    }
  }
  let payback = Infinity;
  if (dd > 1e-9) {
    cum = 0;
    for (let t = 1; t <= n; t++) {
      cum += pf[t]! - of[t]!;
      if (t > trough && cum >= -1e-9) {
        payback = t;
        break;
      }
    }
  } else {
    dd = 0;
  }
  out.profit = profit;
  out.peakCapital = dd;
  out.minCash = T > 0 ? minCash : ctx.opening;
  out.payback = payback;
}

export interface SimulationResult {
  runs: number;
  seed: number;
  /** Sorted ascending. Payback: Infinity = never. */
  totalProfit: Float64Array;
  peakCapital: Float64Array;
  minCash: Float64Array;
  paybackDay: Float64Array;
  pLoss: number;
  pCashShort: number;
  /** Per plan day P10 / P90 of the cash balance (when bands were asked for). */
  cashP10?: number[];
  cashP90?: number[];
}

function medianDraw(ctx: SimContext): Draw {
  return { curve: 1, refund: ctx.refundRate, aov: ctx.aov, organic: 1, lambda: ctx.lambda };
}

function drawInputs(ctx: SimContext, rng: Rng, d: Draw): void {
  const u = ctx.u;
  d.curve = Math.exp(u.curveSd * rng.normal());
  const rho = ctx.refundRate;
  d.refund = rho > 0 && rho < 1 && u.refundKappa > 0 ? rng.beta(rho * u.refundKappa, (1 - rho) * u.refundKappa) : rho;
  d.aov = ctx.aov * Math.exp(u.aovSd * rng.normal());
  d.organic = Math.exp(u.organicSd * rng.normal());
  const l = ctx.lambda + u.lambdaSe * rng.normal();
  d.lambda = u.lambdaSe > 0 ? (l > 0 ? l : 0) : ctx.lambda;
}

export function checkRuns(runs: number, seed: number): void {
  const { min, max } = RUN_OPTIONS.runs;
  if (!Number.isInteger(runs) || runs < min || runs > max) {
    throw new AdplanError('input', text(`runs must be a whole number from ${min} to ${max}, got ${String(runs)}.`, `runs 应为 ${min} 到 ${max} 之间的整数,实际为 ${String(runs)}。`), 'runs');
  }
  if (!Number.isFinite(seed)) {
    throw new AdplanError('input', text(`seed must be a number, got ${String(seed)}.`, `seed 应为数字,实际为 ${String(seed)}。`), 'seed');
  }
}

/** Memory bound for per-day cash bands (values kept). */
const MAX_BAND_VALUES = 5_000_000;

export function simulate(ctx: SimContext, runs: number, seed: number, bands = false): SimulationResult {
  checkRuns(runs, seed);
  const rng = new Rng(seed);
  const s = new Scratch(ctx);
  const profit = new Float64Array(runs);
  const peak = new Float64Array(runs);
  const minCash = new Float64Array(runs);
  const payback = new Float64Array(runs);
  // Cash bands keep every run's path; past ~5 M values they come from the first runs only.
  const bandRuns = bands ? Math.min(runs, Math.max(1, Math.floor(MAX_BAND_VALUES / Math.max(1, ctx.T)))) : 0;
  const cashAll = bands ? new Float64Array(bandRuns * ctx.T) : null;
  const d = medianDraw(ctx);
  const o: Outcome = { profit: 0, peakCapital: 0, minCash: 0, payback: 0 };
  let losses = 0;
  let short = 0;
  const tol = 1e-9 * Math.max(1, Math.abs(ctx.opening));
  for (let r = 0; r < runs; r++) {
    drawInputs(ctx, rng, d);
    runOnce(ctx, d, rng, s, o);
    profit[r] = o.profit;
    peak[r] = o.peakCapital;
    minCash[r] = o.minCash;
    payback[r] = o.payback;
    if (o.profit < 0) losses++;
    if (o.minCash < ctx.reserve - tol) short++;
    if (cashAll && r < bandRuns) cashAll.set(s.cash.subarray(1, ctx.T + 1), r * ctx.T);
  }
  const res: SimulationResult = {
    runs,
    seed,
    totalProfit: profit.sort(),
    peakCapital: peak.sort(),
    minCash: minCash.sort(),
    paybackDay: payback.sort(),
    pLoss: runs > 0 ? losses / runs : 0,
    pCashShort: runs > 0 ? short / runs : 0,
  };
  if (cashAll && bandRuns > 0) {
    const col = new Float64Array(bandRuns);
    res.cashP10 = [];
    res.cashP90 = [];
    for (let t = 0; t < ctx.T; t++) {
      for (let r = 0; r < bandRuns; r++) col[r] = cashAll[r * ctx.T + t]!;
      col.sort();
      res.cashP10.push(quantile(col, 0.1) ?? 0);
      res.cashP90.push(quantile(col, 0.9) ?? 0);
    }
  }
  return res;
}

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

export function riskReport(r: SimulationResult): RiskReport {
  const q = (x: Float64Array, p: number): number => quantile(x, p) ?? 0;
  return {
    runs: r.runs,
    seed: r.seed,
    profitP10: q(r.totalProfit, 0.1),
    profitP50: q(r.totalProfit, 0.5),
    profitP90: q(r.totalProfit, 0.9),
    peakCapitalP10: q(r.peakCapital, 0.1),
    peakCapitalP50: q(r.peakCapital, 0.5),
    peakCapitalP90: q(r.peakCapital, 0.9),
    minCashP10: q(r.minCash, 0.1),
    minCashP50: q(r.minCash, 0.5),
    minCashP90: q(r.minCash, 0.9),
    paybackDayP10: quantile(r.paybackDay, 0.1),
    paybackDayP50: quantile(r.paybackDay, 0.5),
    paybackDayP90: quantile(r.paybackDay, 0.9),
    pLoss: r.pLoss,
    pCashShort: r.pCashShort,
  };
}

export const SIM_METRICS = ['total_profit', 'peak_capital', 'min_cash', 'payback_day'] as const;
export type SimMetric = (typeof SIM_METRICS)[number];

function unknownMetric(metric: string, valid: readonly string[]): AdplanError {
  return new AdplanError(
    'lookup',
    text(`Unknown metric "${metric}". Valid metrics: ${valid.join(', ')}.`, `未知指标"${metric}"。可用指标:${valid.join(', ')}。`),
    'metric',
  );
}

/** SIMULATE: a percentile of a metric, or p_loss / p_cash_short. null when it is "never" (payback). */
export function simulationStat(r: SimulationResult, metric: string, stat = 0.5): number | null {
  if (metric === 'p_loss') return r.pLoss;
  if (metric === 'p_cash_short') return r.pCashShort;
  if (!(stat > 0 && stat < 1)) {
    throw new AdplanError('input', text(`stat must be a percentile strictly between 0 and 1, got ${String(stat)}.`, `stat 应为 0 到 1 之间(不含)的分位数,实际为 ${String(stat)}。`), 'stat');
  }
  const pick: Record<SimMetric, Float64Array> = {
    total_profit: r.totalProfit,
    peak_capital: r.peakCapital,
    min_cash: r.minCash,
    payback_day: r.paybackDay,
  };
  const arr = (pick as Record<string, Float64Array | undefined>)[metric];
  if (!arr) throw unknownMetric(metric, [...SIM_METRICS, 'p_loss', 'p_cash_short']);
  return quantile(arr, stat);
}

/** One row of the tornado. */
export interface SensitivityRow {
  input: 'paid_curve_level' | 'refund_rate' | 'aov' | 'organic_level' | 'lift_lambda';
  label: Text;
  /** The input at its P10 and P90. */
  low: number;
  high: number;
  /** The metric with the input at P10 / P90 (null: payback never). */
  atLow: number | null;
  atHigh: number | null;
  swing: number;
}

const Z90 = 1.2815515655446004;

/** Tornado: each uncertain input alone at its P10 and P90 (others at their median, no daily noise), sorted by swing. */
export function sensitivity(ctx: SimContext, metric: SimMetric = 'total_profit'): SensitivityRow[] {
  if (!(SIM_METRICS as readonly string[]).includes(metric)) throw unknownMetric(metric, SIM_METRICS);
  const s = new Scratch(ctx);
  const o: Outcome = { profit: 0, peakCapital: 0, minCash: 0, payback: 0 };
  const never = ctx.T + ctx.L + 1;
  const value = (d: Draw): number | null => {
    runOnce(ctx, d, null, s, o);
    const v = metric === 'total_profit' ? o.profit : metric === 'peak_capital' ? o.peakCapital : metric === 'min_cash' ? o.minCash : o.payback;
    return Number.isFinite(v) ? v : null;
  };
  const u = ctx.u;
  const rho = ctx.refundRate;
  const rhoSd = u.refundKappa > 0 ? Math.sqrt((rho * (1 - rho)) / (u.refundKappa + 1)) : 0;
  const rows: Omit<SensitivityRow, 'atLow' | 'atHigh' | 'swing'>[] = [
    { input: 'paid_curve_level', label: text('Paid response level (× curve)', '付费响应水平(× 曲线)'), low: Math.exp(-Z90 * u.curveSd), high: Math.exp(Z90 * u.curveSd) },
    { input: 'refund_rate', label: text('Refund rate', '退款率'), low: Math.max(0, rho - Z90 * rhoSd), high: Math.min(0.99, rho + Z90 * rhoSd) },
    { input: 'aov', label: text('Average order value', '客单价'), low: ctx.aov * Math.exp(-Z90 * u.aovSd), high: ctx.aov * Math.exp(Z90 * u.aovSd) },
    { input: 'organic_level', label: text('Organic level (× baseline)', '自然流水平(× 基线)'), low: Math.exp(-Z90 * u.organicSd), high: Math.exp(Z90 * u.organicSd) },
    { input: 'lift_lambda', label: text('Organic lift λ', '自然流撬动系数 λ'), low: Math.max(0, ctx.lambda - Z90 * u.lambdaSe), high: ctx.lambda + Z90 * u.lambdaSe },
  ];
  const out: SensitivityRow[] = rows.map((row) => {
    const at = (v: number): number | null => {
      const d = medianDraw(ctx);
      if (row.input === 'paid_curve_level') d.curve = v;
      else if (row.input === 'refund_rate') d.refund = v;
      else if (row.input === 'aov') d.aov = v;
      else if (row.input === 'organic_level') d.organic = v;
      else d.lambda = v;
      return value(d);
    };
    const atLow = at(row.low);
    const atHigh = at(row.high);
    const nl = atLow ?? never;
    const nh = atHigh ?? never;
    return { ...row, atLow, atHigh, swing: Math.abs(nh - nl) };
  });
  return out.sort((a, b) => b.swing - a.swing);
}
