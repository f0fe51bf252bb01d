/**
 * Seeded Monte Carlo over the plan (docs/model.md). Same seed ⇒ identical output on every machine:
 * one xoshiro128** stream, a fixed draw order, typed arrays in the hot loop.
 */
import { text } from '../../i18n/text';
import { AdplanError } from '../core';
import { Rng } from '../numeric';
import { RUN_OPTIONS } from '../settings';
import { expectedDraw, meanOne, newOutcome, runOnce, Scratch, type Draw, type SimContext } from './sim-run';
import { quantile } from '../numeric';

export interface SimulationResult {
  runs: number;
  seed: number;
  /** Sorted ascending. Payback: Infinity = never. */
  totalProfit: Float64Array;
  /** What the paid spend adds over the organic-only business, per run; sorted ascending. */
  incrementalProfit: Float64Array;
  peakCapital: Float64Array;
  minCash: Float64Array;
  paybackDay: Float64Array;
  pLoss: number;
  /** P(incremental profit < 0): whether the paid spend pays. */
  pLossIncremental: number;
  pCashShort: number;
  /** Per plan day P10 / P90 of the cash balance (when bands were asked for). */
  cashP10?: number[];
  cashP90?: number[];
  /** Per event (SimContext.eventIndex order): incremental profit of its days per run, sorted ascending. */
  eventProfit?: Float64Array[];
}

/** One run's draws, in a fixed order (the stream is part of the contract: same seed, same numbers). */
function drawInputs(ctx: SimContext, rng: Rng, d: Draw): void {
  const u = ctx.u;
  const e = expectedDraw(ctx);
  d.curve = meanOne(u.curveSd, rng.normal());
  const rho = e.refund;
  d.refund = rho > 0 && rho < 1 && u.refundKappa > 0 ? rng.beta(rho * u.refundKappa, (1 - rho) * u.refundKappa) : rho;
  d.aov = e.aov * meanOne(u.aovSd, rng.normal());
  d.organic = meanOne(u.organicSd, rng.normal());
  const l = ctx.lambda + u.lambdaSe * rng.normal();
  d.lambda = u.lambdaSe > 0 ? (l > 0 ? l : 0) : ctx.lambda;
}

export function checkRuns(runs: number, seed: number): void {
  const { min, max } = RUN_OPTIONS.runs;
  if (!Number.isInteger(runs) || runs < min || runs > max) {
    throw new AdplanError('input', text(`runs must be a whole number from ${min} to ${max}, got ${String(runs)}.`, `runs 应为 ${min} 到 ${max} 之间的整数，实际为 ${String(runs)}。`), 'runs');
  }
  if (!Number.isFinite(seed)) {
    throw new AdplanError('input', text(`seed must be a number, got ${String(seed)}.`, `seed 应为数字，实际为 ${String(seed)}。`), 'seed');
  }
}

/** Memory bound for per-day cash bands (values kept). */
const MAX_BAND_VALUES = 5_000_000;

export function simulate(ctx: SimContext, runs: number, seed: number, bands = false): SimulationResult {
  checkRuns(runs, seed);
  const rng = new Rng(seed);
  const s = new Scratch(ctx);
  const profit = new Float64Array(runs);
  const incremental = new Float64Array(runs);
  const peak = new Float64Array(runs);
  const minCash = new Float64Array(runs);
  const payback = new Float64Array(runs);
  // Cash bands keep every run's path; past ~5 M values they come from the first runs only.
  const bandRuns = bands ? Math.min(runs, Math.max(1, Math.floor(MAX_BAND_VALUES / Math.max(1, ctx.T)))) : 0;
  const cashAll = bands ? new Float64Array(bandRuns * ctx.T) : null;
  const d = expectedDraw(ctx);
  const o = newOutcome(ctx.eventCount ?? 0);
  const eventProfit = Array.from({ length: ctx.eventCount ?? 0 }, () => new Float64Array(runs));
  let losses = 0;
  let incrementalLosses = 0;
  let short = 0;
  const { cash_available: opening, cash_reserve: reserve } = ctx.assumptions;
  const tol = 1e-9 * Math.max(1, Math.abs(opening));
  for (let r = 0; r < runs; r++) {
    drawInputs(ctx, rng, d);
    runOnce(ctx, d, rng, s, o);
    profit[r] = o.profit;
    incremental[r] = o.incrementalProfit;
    peak[r] = o.peakCapital;
    minCash[r] = o.minCash;
    payback[r] = o.payback;
    for (let k = 0; k < eventProfit.length; k++) eventProfit[k]![r] = o.eventProfit[k]!;
    if (o.profit < 0) losses++;
    if (o.incrementalProfit < 0) incrementalLosses++;
    if (o.minCash < reserve - tol) short++;
    if (cashAll && r < bandRuns) cashAll.set(s.cash.subarray(1, ctx.T + 1), r * ctx.T);
  }
  const res: SimulationResult = {
    runs,
    seed,
    totalProfit: profit.sort(),
    incrementalProfit: incremental.sort(),
    peakCapital: peak.sort(),
    minCash: minCash.sort(),
    paybackDay: payback.sort(),
    pLoss: runs > 0 ? losses / runs : 0,
    pLossIncremental: runs > 0 ? incrementalLosses / runs : 0,
    pCashShort: runs > 0 ? short / runs : 0,
    ...(eventProfit.length > 0 ? { eventProfit: eventProfit.map((x) => x.sort()) } : {}),
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
