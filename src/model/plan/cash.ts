/**
 * Cash (docs/model.md). Each day's trade books its flows on the days they happen:
 *   out at t − prepay_days: spend (ad account top-up);  out at t − inventory_days: k·gmv;
 *   out at t: (s + ρ·r)·orders + fixed cost;           in at t + settlement_days: ((1−ρ)(1−f−c) + ρqk)·gmv,
 * so that Σ flows = Σ profit once everything has settled. Days are 1-based plan days; a flow dated
 * before day 1 (a top-up or stock bought ahead for the first days) is booked on day 1.
 */
import { text } from '../../i18n/text';
import { AdplanError } from '../core';
import type { ResolvedAssumptions } from '../economics';

export interface CashTerms {
  /** (1−ρ)(1−f−c) + ρ·q·k: what settles per yuan of GMV. */
  inflowPerGmv: number;
  cogsRate: number;
  /** s + ρ·r per order. */
  perOrderCost: number;
  aov: number;
  fixedCostPerDay: number;
  settlementDays: number;
  prepayDays: number;
  inventoryDays: number;
  openingCash: number;
  reserve: number;
  /** 1 − grant_share: the part of spend paid in cash (赠款 consumes none, docs/model.md). */
  cashSpendShare: number;
}

export function cashTermsOf(r: ResolvedAssumptions): CashTerms {
  const rho = r.refund_rate;
  return {
    inflowPerGmv: (1 - rho) * (1 - r.fee_rate - r.commission_rate) + rho * r.resale_rate * r.cogs_rate,
    cogsRate: r.cogs_rate,
    perOrderCost: r.shipping_per_order + rho * r.return_shipping,
    aov: r.aov,
    fixedCostPerDay: r.fixed_cost_per_day,
    settlementDays: r.settlement_days,
    prepayDays: r.prepay_days,
    inventoryDays: r.inventory_days,
    openingCash: r.cash_available,
    reserve: r.cash_reserve,
    cashSpendShare: 1 - r.grant_share,
  };
}

/** Length of a flows array for a horizon: days 0 (unused) … T + settlement_days. */
export function flowsLength(terms: CashTerms, horizon: number): number {
  return horizon + terms.settlementDays + 1;
}

/** Books day j's trade (1-based) into `flows`. */
export function addTradeFlows(terms: CashTerms, flows: Float64Array, j: number, spend: number, gmv: number): void {
  const p = j - terms.prepayDays;
  const inv = j - terms.inventoryDays;
  flows[p < 1 ? 1 : p]! -= spend * terms.cashSpendShare;
  flows[inv < 1 ? 1 : inv]! -= terms.cogsRate * gmv;
  flows[j]! -= (terms.perOrderCost * gmv) / terms.aov + terms.fixedCostPerDay;
  flows[j + terms.settlementDays]! += terms.inflowPerGmv * gmv;
}

/**
 * Money already in the pipe: history day −i (i = 0 for the last history day) settles on plan day
 * L − i, for the last L = settlement_days days of history. `gmvTail` is oldest → newest.
 */
export function addReceivables(terms: CashTerms, flows: Float64Array, gmvTail: readonly number[]): void {
  const L = terms.settlementDays;
  const n = gmvTail.length;
  for (let i = 0; i < Math.min(L, n); i++) {
    const g = gmvTail[n - 1 - i]!;
    flows[L - i]! += terms.inflowPerGmv * g;
  }
}

/** Cash balance at the end of each day 1 … flows.length − 1 (index 0 unused, = opening). */
export function balances(terms: CashTerms, flows: Float64Array): Float64Array {
  const out = new Float64Array(flows.length);
  let c = terms.openingCash;
  out[0] = c;
  for (let d = 1; d < flows.length; d++) {
    c += flows[d]!;
    out[d] = c;
  }
  return out;
}

export interface CapitalMetrics {
  /** Max drawdown of cumulative incremental cash flow (≥ 0). */
  peakCapital: number;
  /** 1-based day of the trough; null when nothing was tied up. */
  troughDay: number | null;
  /** First day after the trough with cumulative incremental flow ≥ 0; null if never (within T + L). */
  paybackDay: number | null;
}

/** Peak capital and payback from incremental flows (plan − organic only), days 1 … n − 1. */
export function capitalMetrics(incremental: ArrayLike<number>): CapitalMetrics {
  let cum = 0;
  let peak = 0;
  let dd = 0;
  let trough = -1;
  for (let d = 1; d < incremental.length; d++) {
    cum += incremental[d]!;
    if (cum > peak) peak = cum;
    if (peak - cum > dd) {
      dd = peak - cum;
      trough = d;
    }
  }
  if (!(dd > 1e-9) || trough < 0) return { peakCapital: 0, troughDay: null, paybackDay: null };
  cum = 0;
  for (let d = 1; d < incremental.length; d++) {
    cum += incremental[d]!;
    if (d > trough && cum >= -1e-9) return { peakCapital: dd, troughDay: trough, paybackDay: d };
  }
  return { peakCapital: dd, troughDay: trough, paybackDay: null };
}

function badColumn(name: string, i: number, v: unknown): AdplanError {
  return new AdplanError(
    'input',
    text(`${name}: row ${i + 1} must be a number ≥ 0, got ${String(v)}.`, `${name}：第 ${i + 1} 行应为不小于 0 的数，实际为 ${String(v)}。`),
    name,
  );
}

/**
 * CASHFLOW: the cash model on the user's own daily spend and GMV columns. Returns the balance at
 * the end of each day 1 … T + settlement_days (the tail shows the last settlements arriving).
 */
export function cashflow(spend: readonly number[], gmv: readonly number[], terms: CashTerms): number[] {
  if (spend.length !== gmv.length) {
    throw new AdplanError(
      'input',
      text(
        `spend and gmv must have the same number of rows (got ${spend.length} and ${gmv.length}).`,
        `spend 与 gmv 的行数应相同（实际为 ${spend.length} 和 ${gmv.length}）。`,
      ),
      'gmv',
    );
  }
  const T = spend.length;
  const flows = new Float64Array(flowsLength(terms, T));
  for (let j = 0; j < T; j++) {
    const s = spend[j]!;
    const g = gmv[j]!;
    if (typeof s !== 'number' || !Number.isFinite(s) || s < 0) throw badColumn('spend', j, s);
    if (typeof g !== 'number' || !Number.isFinite(g) || g < 0) throw badColumn('gmv', j, g);
    addTradeFlows(terms, flows, j + 1, s, g);
  }
  return Array.from(balances(terms, flows).subarray(1));
}
