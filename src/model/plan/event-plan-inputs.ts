/**
 * A plan day inside an event window, priced: its curve (level × response, half-saturation K ×
 * cost: CPMs inflate), its unit margin at the phase's refund rate, its own sustainable spend and
 * marginal-ROI target, its capacity, and its cash terms (goods for warm-up, peak and encore bought
 * event_stock_days before the window). Normal days keep the scenario's numbers exactly.
 */
import { cashTermsOf, type CashTerms } from './cash';
import { unitEconomicsOf, unitMargin, type ResolvedAssumptions } from '../economics';
import type { Curve, CurveShape } from '../transforms';
import { sustainableSpend } from './sustainable-spend';
import { isStocked, type PhaseMultipliers, type PlanEventDay } from '../events';

export interface EventPlanInputs {
  /** Per plan day (index t − 1): the window and multipliers, null on a normal day. */
  days: readonly (PlanEventDay | null)[];
  shape: CurveShape[];
  sStar: Float64Array;
  /** Marginal-ROI target m* of the day (the phase's refunds change u). */
  targetMroi: Float64Array;
  organicMult: Float64Array;
  /** GMV the day can fulfil (Infinity = no limit). */
  capGmv: Float64Array;
  unitMargin: Float64Array;
  terms: CashTerms[];
}

/** The curve of a phase: Gp_e(S) = response × Gp(S / cost). */
export function phaseShape(c: CurveShape, m: PhaseMultipliers): CurveShape {
  if (c.kind === 'power') return { ...c, c: (c.c * m.response) / Math.pow(m.cost, c.b) };
  return { ...c, gmax: c.gmax * m.response, k: c.k * m.cost };
}

export interface EventPlanBase {
  assumptions: ResolvedAssumptions;
  curve: Curve;
  unitMargin: number;
  sustainableSpend: number;
  targetMroi: number;
  leverage: number;
  capGmv: number;
  terms: CashTerms;
}

export function eventPlanInputs(days: readonly (PlanEventDay | null)[], base: EventPlanBase): EventPlanInputs {
  const A = base.assumptions;
  const T = days.length;
  const out: EventPlanInputs = {
    days,
    shape: new Array<CurveShape>(T).fill(base.curve.shape),
    sStar: new Float64Array(T).fill(base.sustainableSpend),
    targetMroi: new Float64Array(T).fill(base.targetMroi),
    organicMult: new Float64Array(T).fill(1),
    capGmv: new Float64Array(T).fill(base.capGmv),
    unitMargin: new Float64Array(T).fill(base.unitMargin),
    terms: new Array<CashTerms>(T).fill(base.terms),
  };
  // One pricing per window (its days share it), except the stock-up lead, which is per day.
  const priced = new Map<PlanEventDay, { shape: CurveShape; sStar: number; target: number; u: number; rho: number }>();
  for (let t = 1; t <= T; t++) {
    const e = days[t - 1];
    if (!e) continue;
    let p = priced.get(e);
    if (!p) {
      const m = e.multipliers;
      const shape = phaseShape(base.curve.shape, m);
      const rho = Math.min(0.99, A.refund_rate * m.refund);
      const u = unitMargin(unitEconomicsOf({ ...A, refund_rate: rho }));
      // No margin at this refund rate: the day plans no paid spend.
      const target = u > 0 ? (1 + A.safety_margin) / (u * (1 + base.leverage)) : Infinity;
      const sStar = u > 0 ? sustainableSpend({ ...base.curve, shape }, target, A.max_extrapolation).spend : 0;
      p = { shape, sStar, target, u, rho };
      priced.set(e, p);
    }
    out.shape[t - 1] = p.shape;
    out.sStar[t - 1] = p.sStar;
    out.targetMroi[t - 1] = p.target;
    out.organicMult[t - 1] = e.multipliers.organic;
    out.capGmv[t - 1] = base.capGmv * e.multipliers.capacity;
    out.unitMargin[t - 1] = p.u;
    const stock = A.event_stock_days > 0 && isStocked(e.window.phase);
    const lead = stock ? Math.max(A.inventory_days, t - (e.windowStart - A.event_stock_days)) : A.inventory_days;
    out.terms[t - 1] = cashTermsOf({ ...A, refund_rate: p.rho, inventory_days: lead });
  }
  return out;
}
