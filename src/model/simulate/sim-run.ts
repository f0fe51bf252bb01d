/**
 * One Monte Carlo run (docs/model.md): the plan's spend (the decision) under drawn outcomes, booked
 * with the cash model's own terms and flows (cash.ts), so a run without randomness is the plan.
 * Multipliers are mean-one log-normals, e^{σz − σ²/2}: the deterministic plan is the expected
 * value of every quantity linear in GMV (total profit, incremental profit).
 */
import { addReceivables, addTradeFlows, capitalMetrics, cashTermsOf, type CashTerms } from '../plan';
import type { PlanResult, PlanSetup } from '../plan';
import type { Uncertainty } from '../plan';
import type { Rng } from '../numeric';
import type { ResolvedAssumptions } from '../economics';


/** Everything one run needs. */
export interface SimContext {
  T: number;
  spend: Float64Array;
  paidBase: Float64Array;
  organicBase: Float64Array;
  theta: number;
  lambda: number;
  carry0: number;
  capacityOrders: number;
  /** The scenario's resolved values: a run's cash terms are cash.ts's at the drawn ρ and AOV. */
  assumptions: ResolvedAssumptions;
  /** GMV of the last history days (oldest → newest): receivables settling in the plan. */
  gmvTail: readonly number[];
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
    assumptions: A,
    gmvTail: setup.gmvTail,
    u,
  };
}

/** A mean-one log-normal multiplier: E[e^{σz − σ²/2}] = 1 for z ~ N(0, 1). */
export function meanOne(sd: number, z: number): number {
  return sd > 0 ? Math.exp(sd * z - (sd * sd) / 2) : 1;
}

/** One run's random inputs (multipliers and values). */
export interface Draw {
  curve: number;
  refund: number;
  aov: number;
  organic: number;
  lambda: number;
}

export interface Outcome {
  profit: number;
  /** Profit minus the organic-only counterfactual's: what the paid spend adds. */
  incrementalProfit: number;
  peakCapital: number;
  minCash: number;
  /** Infinity when never paid back. */
  payback: number;
}

export const newOutcome = (): Outcome => ({ profit: 0, incrementalProfit: 0, peakCapital: 0, minCash: 0, payback: 0 });

/** Scratch buffers reused across runs. */
export class Scratch {
  readonly pf: Float64Array;
  readonly of: Float64Array;
  readonly inc: Float64Array;
  readonly cash: Float64Array;
  constructor(ctx: SimContext) {
    const n = ctx.T + ctx.assumptions.settlement_days + 1;
    this.pf = new Float64Array(n);
    this.of = new Float64Array(n);
    this.inc = new Float64Array(n);
    this.cash = new Float64Array(ctx.T + 1);
  }
}

/** The inputs at their expected values: the plan itself. */
export function expectedDraw(ctx: SimContext): Draw {
  return { curve: 1, refund: ctx.assumptions.refund_rate, aov: ctx.assumptions.aov, organic: 1, lambda: ctx.lambda };
}

/** cash.ts's terms at a run's refund rate and AOV. */
export function termsAt(ctx: SimContext, d: Draw): CashTerms {
  return cashTermsOf({ ...ctx.assumptions, refund_rate: d.refund, aov: d.aov });
}

/** One run: the plan under drawn inputs; daily noise from `rng` when given. */
export function runOnce(ctx: SimContext, d: Draw, rng: Rng | null, s: Scratch, out: Outcome): void {
  const { T, theta, spend, paidBase, organicBase } = ctx;
  const terms = termsAt(ctx, d);
  const { pf, of, inc } = s;
  pf.fill(0);
  of.fill(0);
  addReceivables(terms, pf, ctx.gmvTail);
  addReceivables(terms, of, ctx.gmvTail);
  const u = terms.inflowPerGmv - terms.cogsRate - terms.perOrderCost / terms.aov;
  const cap = ctx.capacityOrders * terms.aov;
  const lam = d.lambda;
  const sd = rng ? ctx.u.dailyNoise : 0;
  const fixed = terms.fixedCostPerDay;
  let a = ctx.carry0;
  let a0 = ctx.carry0;
  let profit = 0;
  let organicProfit = 0;
  for (let t = 1; t <= T; t++) {
    const zp = rng ? rng.normal() : 0;
    const zo = rng ? rng.normal() : 0;
    const S = spend[t - 1]!;
    const paid = paidBase[t - 1]! * d.curve * meanOne(sd, zp);
    const ob = organicBase[t - 1]! * d.organic * meanOne(sd, zo);
    a = theta * a + paid;
    a0 = theta * a0;
    const g = Math.min(cap, ob + lam * a + paid);
    const g0 = Math.min(cap, ob + lam * a0);
    profit += u * g - S - fixed;
    organicProfit += u * g0 - fixed;
    addTradeFlows(terms, pf, t, S, g);
    addTradeFlows(terms, of, t, 0, g0);
  }
  let c = terms.openingCash;
  let minCash = Infinity;
  for (let t = 1; t <= T; t++) {
    c += pf[t]!;
    s.cash[t] = c;
    if (c < minCash) minCash = c;
  }
  for (let t = 0; t < inc.length; t++) inc[t] = pf[t]! - of[t]!;
  const capital = capitalMetrics(inc);
  out.profit = profit;
  out.incrementalProfit = profit - organicProfit;
  out.peakCapital = capital.peakCapital;
  out.minCash = T > 0 ? minCash : terms.openingCash;
  out.payback = capital.paybackDay ?? Infinity;
}
