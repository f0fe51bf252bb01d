/**
 * The plan (docs/model.md): day-by-day spend from the day after the last history date. Each day
 * S_t = min(S*, max_daily_spend, ramp, extrapolation cap, capacity cap, cash cap) and the cap
 * that bound is recorded. Cash is projected so the plan never takes cash below the reserve
 * (nor below what zero spend would leave, when organic trading alone breaches it).
 */
import { bisect } from '../numeric';
import { text, type Text } from '../../i18n/text';
import { addDays, weekdayOf } from '../core';
import { addReceivables, addTradeFlows, balances, capitalMetrics, cashTermsOf, flowsLength, type CashTerms } from './cash';
import type { IsoDate } from '../core';
import type { KpiReport, Limit, PlanDay } from '../report';
import { marginalOf, responseOf, spendForGmv, type Curve } from '../transforms';
import type { ResolvedAssumptions } from '../economics';
import type { EventPlanInputs } from './event-plan-inputs';

export interface PlanSetup {
  assumptions: ResolvedAssumptions;
  curve: Curve;
  unitMargin: number;
  sustainableSpend: number;
  lambda: number;
  theta: number;
  /** A at the end of history (carry-over of past paid GMV) under θ. */
  carry0: number;
  /** Lift-free organic GMV per day before weekday factor and drift. */
  organicLevel: number;
  weekdayFactors: readonly number[];
  lastDate: IsoDate;
  horizon: number;
  /** S_0: the spend level the plan ramps from. */
  initialSpend: number;
  /** Spend to ramp from after a day at 0. */
  restartSpend: number;
  /** GMV of the last settlement_days history days, oldest → newest (receivables). */
  gmvTail: readonly number[];
  /** Plan days inside applied event windows, priced per day; absent when none touch the horizon. */
  events?: EventPlanInputs;
}

export interface PlanResult {
  days: PlanDay[];
  /** Per plan day (index t − 1). */
  spend: Float64Array;
  paidGmv: Float64Array;
  /** Lift-free organic base (weekday and drift applied). */
  organicBase: Float64Array;
  gmv: Float64Array;
  organicOnlyGmv: Float64Array;
  limits: Limit[];
  /** Flows by day 0 … T + L (plan incl. receivables; organic-only likewise). */
  flows: Float64Array;
  organicFlows: Float64Array;
  /** Balances by day 0 … T + L. */
  cash: Float64Array;
  organicCash: Float64Array;
  kpis: KpiReport;
  returnOnCapitalAnnualised: number | null;
  incrementalProfit: number;
  /** First day the cash balance is below the reserve (even zero spend cannot prevent it); null if never. */
  shortfallDay: number | null;
  notes: Text[];
  terms: CashTerms;
  capGmv: number;
}

const LIMIT_ORDER: readonly Limit[] = ['target', 'max', 'ramp', 'extrapolation', 'capacity', 'cash'];

/** Organic base for each plan day: level × weekday × (1 + drift)^t. */
function organicBaseSeries(s: PlanSetup): Float64Array {
  const out = new Float64Array(s.horizon);
  const drift = 1 + s.assumptions.organic_drift;
  const dow0 = weekdayOf(s.lastDate);
  let g = 1;
  for (let t = 1; t <= s.horizon; t++) {
    g *= drift;
    out[t - 1] = s.organicLevel * (s.weekdayFactors[(dow0 + t) % 7] ?? 1) * g * (s.events ? s.events.organicMult[t - 1]! : 1);
  }
  return out;
}

export function buildPlan(setup: PlanSetup): PlanResult {
  const A = setup.assumptions;
  const T = setup.horizon;
  const terms = cashTermsOf(A);
  const shape = setup.curve.shape;
  const { lambda, theta } = setup;
  const capGmv = A.capacity_orders_per_day === null ? Infinity : A.capacity_orders_per_day * A.aov;
  const maxDaily = A.max_daily_spend ?? Infinity;
  const extrap = setup.curve.maxSpend !== null ? A.max_extrapolation * setup.curve.maxSpend : Infinity;
  const base = organicBaseSeries(setup);
  const len = flowsLength(terms, T);
  const tol = 1e-9 * Math.max(1, Math.abs(A.cash_available));
  // Event days carry their own curve, capacity and cash terms; normal days the scenario's.
  const ev = setup.events;
  const capAt = (t: number): number => (ev ? ev.capGmv[t - 1]! : capGmv);
  const termsAt = (t: number): CashTerms => (ev ? ev.terms[t - 1]! : terms);
  const shapeAt = (t: number): Curve['shape'] => (ev ? ev.shape[t - 1]! : shape);

  // Organic only: the same merchant with no paid spend over the horizon.
  const organicFlows = new Float64Array(len);
  addReceivables(terms, organicFlows, setup.gmvTail);
  const organicOnlyGmv = new Float64Array(T);
  let a0 = setup.carry0;
  for (let t = 1; t <= T; t++) {
    a0 = theta * a0;
    const g = Math.min(capAt(t), base[t - 1]! + lambda * a0);
    organicOnlyGmv[t - 1] = g;
    addTradeFlows(termsAt(t), organicFlows, t, 0, g);
  }
  const organicCash = balances(terms, organicFlows);
  // The floor the plan keeps: the reserve, or what zero spend leaves when that is lower.
  const floor = new Float64Array(len);
  let organicShortfall: number | null = null;
  for (let d = 1; d < len; d++) {
    floor[d] = Math.min(A.cash_reserve, organicCash[d]!);
    if (organicShortfall === null && d <= T && organicCash[d]! < A.cash_reserve - tol) organicShortfall = d;
  }

  const flows = new Float64Array(len);
  addReceivables(terms, flows, setup.gmvTail);
  const temp = new Float64Array(len);
  const lead = Math.max(terms.prepayDays, terms.inventoryDays);

  /** Does holding spend S from day t to T keep cash ≥ floor on every day from t − lead? */
  const feasible = (t: number, S: number, carry: number): boolean => {
    temp.fill(0);
    const paid = responseOf(S, shape);
    let a = carry;
    for (let j = t; j <= T; j++) {
      const pj = ev && ev.shape[j - 1] !== shape ? responseOf(S, ev.shape[j - 1]!) : paid;
      a = theta * a + pj;
      const g = Math.min(capAt(j), base[j - 1]! + lambda * a + pj);
      addTradeFlows(termsAt(j), temp, j, S, g);
    }
    const d0 = Math.max(1, t - lead);
    let c = terms.openingCash;
    for (let d = 1; d <= T; d++) {
      c += flows[d]! + temp[d]!;
      if (d >= d0 && c < floor[d]! - tol) return false;
    }
    return true;
  };

  const spend = new Float64Array(T);
  const paidGmv = new Float64Array(T);
  const gmv = new Float64Array(T);
  const limits: Limit[] = new Array<Limit>(T);
  let prev = setup.initialSpend;
  let prevChecked = false;
  let carry = setup.carry0;
  let cashBound = 0;
  const caps = new Float64Array(6);
  for (let t = 1; t <= T; t++) {
    const b = base[t - 1]!;
    const capT = capAt(t);
    const shapeT = shapeAt(t);
    caps[0] = ev ? ev.sStar[t - 1]! : setup.sustainableSpend;
    caps[1] = maxDaily;
    caps[2] = (prev > 0 ? prev : setup.restartSpend) * (1 + A.ramp_rate);
    caps[3] = extrap;
    caps[4] = capT === Infinity ? Infinity : spendForGmv((capT - b - lambda * theta * carry) / (1 + lambda), shapeT);
    let s = Infinity;
    let limit: Limit = 'target';
    for (let i = 0; i < 5; i++) {
      if (caps[i]! < s) {
        s = caps[i]!;
        limit = LIMIT_ORDER[i]!;
      }
    }
    if (!(s > 0)) s = 0;
    // Cash cap; skipped when holding yesterday's spend was already shown to be safe.
    if (!(prevChecked && s === prev)) {
      if (feasible(t, s, carry)) {
        prevChecked = true;
      } else if (s > 0 && feasible(t, 0, carry)) {
        s = bisect((x) => feasible(t, x, carry), 0, s, { tolerance: (h) => 1e-6 * (1 + h), maxIter: 40 }).lo;
        limit = 'cash';
        cashBound++;
        prevChecked = true;
      } else {
        s = 0;
        limit = 'cash';
        cashBound++;
        prevChecked = false;
      }
    }
    const paid = responseOf(s, shapeT);
    carry = theta * carry + paid;
    const g = Math.min(capT, b + lambda * carry + paid);
    spend[t - 1] = s;
    paidGmv[t - 1] = paid;
    gmv[t - 1] = g;
    limits[t - 1] = limit;
    addTradeFlows(termsAt(t), flows, t, s, g);
    prev = s;
  }

  const cash = balances(terms, flows);
  return summarise(setup, terms, capGmv, { spend, paidGmv, base, gmv, organicOnlyGmv, limits, flows, organicFlows, cash, organicCash }, organicShortfall, cashBound);
}

/** The day-by-day arrays of a plan (PlanResult's, with the organic base under its short name). */
type Series = Pick<PlanResult, 'spend' | 'paidGmv' | 'gmv' | 'organicOnlyGmv' | 'limits' | 'flows' | 'organicFlows' | 'cash' | 'organicCash'> & {
  base: Float64Array;
};

function summarise(setup: PlanSetup, terms: CashTerms, capGmv: number, x: Series, organicShortfall: number | null, cashBound: number): PlanResult {
  const A = setup.assumptions;
  const T = setup.horizon;
  const ev = setup.events;
  const fixed = A.fixed_cost_per_day;
  let organicEventProfit = 0;
  const days: PlanDay[] = new Array<PlanDay>(T);
  let totalSpend = 0;
  let totalGmv = 0;
  let totalPaid = 0;
  let totalProfit = 0;
  let organicGmvTotal = 0;
  let minCash = Infinity;
  let shortfallDay: number | null = null;
  for (let t = 1; t <= T; t++) {
    const s = x.spend[t - 1]!;
    const paid = x.paidGmv[t - 1]!;
    const g = x.gmv[t - 1]!;
    const u = ev ? ev.unitMargin[t - 1]! : setup.unitMargin;
    const profit = u * g - s - fixed;
    if (ev) organicEventProfit += u * x.organicOnlyGmv[t - 1]!;
    const c = x.cash[t]!;
    totalSpend += s;
    totalGmv += g;
    totalPaid += paid;
    totalProfit += profit;
    organicGmvTotal += x.organicOnlyGmv[t - 1]!;
    if (c < minCash) minCash = c;
    if (shortfallDay === null && c < A.cash_reserve - 1e-9 * Math.max(1, A.cash_available)) shortfallDay = t;
    const m = s > 0 ? marginalOf(s, ev ? ev.shape[t - 1]! : setup.curve.shape) : NaN;
    const e = ev?.days[t - 1];
    days[t - 1] = {
      date: addDays(setup.lastDate, t),
      spend: s,
      paidGmv: paid,
      organicGmv: Math.max(0, g - paid),
      gmv: g,
      orders: g / A.aov,
      profit,
      cash: c,
      roi: s > 0 ? paid / s : null,
      marginalRoi: Number.isFinite(m) ? m : null,
      limit: x.limits[t - 1]!,
      // The 整体ROI target (pay basis) at which the platform would spend s today (docs/model.md).
      roiTarget: s > 0 ? (A.uni_roi_scope === 1 ? paid : g) / s : null,
      ...(e ? { event: e.window.name, phase: e.window.phase } : {}),
    };
  }
  const organicProfit = (ev ? organicEventProfit : setup.unitMargin * organicGmvTotal) - fixed * T;
  const incremental = new Float64Array(x.flows.length);
  for (let d = 0; d < incremental.length; d++) incremental[d] = x.flows[d]! - x.organicFlows[d]!;
  const cap = capitalMetrics(incremental);
  const incrementalProfit = totalProfit - organicProfit;
  const roc = cap.peakCapital > 0 ? incrementalProfit / cap.peakCapital : null;

  const notes: Text[] = [];
  if (shortfallDay !== null) {
    const why = organicShortfall !== null
      ? text(
          `Cash falls below the reserve from day ${shortfallDay} (${addDays(setup.lastDate, shortfallDay)}) even with no paid spend: fixed costs, stock bought ahead and settlement lag take more than organic sales bring in. Add cash, cut fixed costs or shorten settlement.`,
          `即使不付费投放，现金也会从第 ${shortfallDay} 天（${addDays(setup.lastDate, shortfallDay)}）起低于最低储备：固定成本、提前备货和回款周期占用的资金超过自然销售回款。请补充资金、降低固定成本或缩短回款周期。`,
        )
      : text(
          `Cash falls below the reserve from day ${shortfallDay} (${addDays(setup.lastDate, shortfallDay)}): capital already tied up in paid traffic has not settled yet.`,
          `现金从第 ${shortfallDay} 天（${addDays(setup.lastDate, shortfallDay)}）起低于最低储备：已投入付费流量的资金尚未回款。`,
        );
    notes.push(why);
  } else if (cashBound > 0) {
    notes.push(text(`Cash limited spend on ${cashBound} day(s): the plan keeps cash above the reserve.`, `有 ${cashBound} 天的预算受现金约束：计划保证现金不低于最低储备。`));
  }
  const capacityDays = x.limits.filter((l) => l === 'capacity').length;
  if (capacityDays > 0) {
    notes.push(text(`Fulfilment capacity limited spend on ${capacityDays} day(s).`, `有 ${capacityDays} 天的预算受发货与售后能力限制。`));
  }
  const extrapDays = x.limits.filter((l) => l === 'extrapolation').length;
  if (extrapDays > 0) {
    notes.push(text(
      `Spend was capped on ${extrapDays} day(s) at ${A.max_extrapolation}× the largest spend seen in history: the curve is not trusted further.`,
      `有 ${extrapDays} 天的预算被限制在历史最大消耗的 ${A.max_extrapolation} 倍：超出部分曲线不可信。`,
    ));
  }

  const kpis: KpiReport = {
    totalSpend,
    totalGmv,
    totalProfit,
    roi: totalSpend > 0 ? totalPaid / totalSpend : null,
    incrementalRoi: totalSpend > 0 ? (totalGmv - organicGmvTotal) / totalSpend : null,
    peakCapital: cap.peakCapital,
    minCash: T > 0 ? minCash : A.cash_available,
    paybackDay: cap.paybackDay,
    returnOnCapital: roc,
    sustainableSpend: setup.sustainableSpend,
  };
  return {
    days,
    spend: x.spend,
    paidGmv: x.paidGmv,
    organicBase: x.base,
    gmv: x.gmv,
    organicOnlyGmv: x.organicOnlyGmv,
    limits: x.limits,
    flows: x.flows,
    organicFlows: x.organicFlows,
    cash: x.cash,
    organicCash: x.organicCash,
    kpis,
    returnOnCapitalAnnualised: roc === null ? null : (roc * 365) / T,
    incrementalProfit,
    shortfallDay,
    notes,
    terms,
    capGmv,
  };
}
