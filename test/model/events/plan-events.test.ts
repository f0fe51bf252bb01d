/**
 * Plans through an event window follow the phase multipliers: spend, paid and organic GMV, profit
 * and the stock-up lead on a window's days, worked out by hand from the Michaelis–Menten curve
 * (S* = √(Gmax·K/m*) − K), the unit-margin formula and the default multipliers.
 */
import { assumedCurve } from '../../../src/model/transforms';
import { buildPlan, cashTermsOf, eventPlanInputs, eventReports, type PlanSetup } from '../../../src/model/plan';
import { resolveAssumptions } from '../../../src/model/economics';
import { appliedWindows, fittedEventEffects, PHASE_DEFAULTS, planEventDays } from '../../../src/model/events';
import { planFor, simulateScenario } from '../../../src/model/engine';
import { generateMerchant } from '../../../src/sample/merchant';
import { addDays, type EventWindow, type FittedEventEffect } from '../../../src/model/core';

// Economics: f 0.05, k 0.4, q 0.8, no shipping; ρ 0.1 on normal days, 0.15 (× 1.5) at the peak.
const uOf = (rho: number): number => (1 - rho) * 0.95 - (1 - rho) * 0.4 - rho * 0.2 * 0.4;
const U = uOf(0.1); // 0.487
const U_PEAK = uOf(0.15); // 0.4555
const GMAX = 2000;
const K = 500;
const LEVEL = 1000;
/** MM curve: S* solves Gmax·K/(S+K)² = m*. */
const sStar = (gmax: number, k: number, m: number): number => Math.sqrt((gmax * k) / m) - k;
const mm = (s: number, gmax: number, k: number): number => (gmax * s) / (s + k);

function setupWith(windows: EventWindow[], values: Record<string, number> = {}, fitted: FittedEventEffect[] = []): PlanSetup {
  const r = resolveAssumptions(
    { cogs_rate: 0.4, cash_available: 1e7, refund_rate: 0.1, aov: 100, ramp_rate: 10, settlement_days: 0, prepay_days: 0, inventory_days: 0, event_stock_days: 10, ...values },
    { refundRate: 0.1, aov: 100 },
  );
  const curve = assumedCurve(4, K);
  const target = 1.15 / U;
  const S = sStar(GMAX, K, target);
  const setup: PlanSetup = {
    assumptions: r,
    curve,
    unitMargin: U,
    sustainableSpend: S,
    lambda: 0,
    theta: 0,
    carry0: 0,
    organicLevel: LEVEL,
    weekdayFactors: [1, 1, 1, 1, 1, 1, 1],
    lastDate: '2026-10-31',
    horizon: 20,
    initialSpend: S,
    restartSpend: S,
    gmvTail: [],
  };
  const days = planEventDays(appliedWindows(windows, r.event_plan), setup.lastDate, setup.horizon, fitted);
  if (days) {
    setup.events = eventPlanInputs(days, {
      assumptions: r, curve, unitMargin: U, sustainableSpend: S, targetMroi: target, leverage: 0, capGmv: Infinity, terms: cashTermsOf(r),
    });
  }
  return setup;
}

const PEAK: EventWindow = { name: '双11', phase: 'peak', first: '2026-11-08', last: '2026-11-11' };

describe('a plan through a 双11 peak (default multipliers)', () => {
  const plan = buildPlan(setupWith([PEAK]));
  const normal = sStar(GMAX, K, 1.15 / U);
  // Peak: Gmax × 1.5 (response), K × 1.5 (cost), m* at the peak's unit margin.
  const peakS = sStar(GMAX * 1.5, K * 1.5, 1.15 / U_PEAK);

  it('spends S* on normal days and the peak S* on peak days', () => {
    expect(normal).toBeCloseTo(150.75, 1);
    expect(peakS).toBeCloseTo(194.03, 1);
    expect(plan.days[6]!.spend).toBeCloseTo(normal, 6); // 11-07
    for (const i of [7, 8, 9, 10]) expect(plan.days[i]!.spend).toBeCloseTo(peakS, 6); // 11-08 … 11-11
    expect(plan.days[11]!.spend).toBeCloseTo(normal, 6);
  });

  it('prices the peak days with organic × 2, the phase curve and the peak refund rate', () => {
    const d = plan.days[8]!;
    expect(d.date).toBe('2026-11-09');
    expect(d.event).toBe('双11');
    expect(d.phase).toBe('peak');
    expect(d.organicGmv).toBeCloseTo(LEVEL * 2, 6);
    expect(d.paidGmv).toBeCloseTo(mm(peakS, GMAX * 1.5, K * 1.5), 6);
    expect(d.profit).toBeCloseTo(U_PEAK * (LEVEL * 2 + mm(peakS, GMAX * 1.5, K * 1.5)) - peakS, 6);
    const n = plan.days[5]!;
    expect(n.event).toBeUndefined();
    expect(n.organicGmv).toBeCloseTo(LEVEL, 9);
    expect(n.profit).toBeCloseTo(U * (LEVEL + mm(normal, GMAX, K)) - normal, 6);
  });

  it('reports the event: budget and ROI target of the phase, incremental profit and stock-up', () => {
    const [e] = eventReports(setupWith([PEAK]), plan);
    expect(e).toBeDefined();
    const ph = e!.phases[0]!;
    expect(ph).toMatchObject({ phase: 'peak', first: '2026-11-08', last: '2026-11-11', days: 4, multiplierSource: 'default', refundMultiplier: 1.5 });
    expect(ph.budget).toBeCloseTo(4 * peakS, 6);
    const g = LEVEL * 2 + mm(peakS, GMAX * 1.5, K * 1.5);
    expect(ph.roiTarget).toBeCloseTo(g / peakS, 6);
    expect(ph.targetMarginalRoi).toBeCloseTo(1.15 / U_PEAK, 9);
    expect(e!.incrementalProfit).toBeCloseTo(4 * (U_PEAK * mm(peakS, GMAX * 1.5, K * 1.5) - peakS), 6);
    expect(e!.stockUp).toBeCloseTo(4 * 0.4 * g, 6);
    expect(e!.capacityBinds).toBe(false);
  });

  it('buys the peak stock event_stock_days before the window', () => {
    const s = setupWith([PEAK]);
    // The window starts on plan day 8; stock bought on day 8 − 10 (booked on day 1): lead = t − (8 − 10).
    expect(s.events!.terms.slice(7, 11).map((t) => t.inventoryDays)).toEqual([10, 11, 12, 13]);
    expect(s.events!.terms[6]!.inventoryDays).toBe(0);
    const none = setupWith([PEAK], { event_stock_days: 0 });
    expect(none.events!.terms[8]!.inventoryDays).toBe(0);
  });
});

describe('which multipliers and windows apply', () => {
  it("uses the user's multipliers, else the merchant's fitted ones, else the defaults", () => {
    const fitted: FittedEventEffect[] = [{ name: '双 11', phase: 'peak', organic: 1.6, response: 1.2, days: 8, fitted: true }];
    const user = buildPlan(setupWith([{ ...PEAK, organicMultiplier: 3 }], {}, fitted));
    expect(user.days[8]!.organicGmv).toBeCloseTo(LEVEL * 3, 6);
    const fit = buildPlan(setupWith([PEAK], {}, fitted));
    expect(fit.days[8]!.organicGmv).toBeCloseTo(LEVEL * 1.6, 6);
    const s = sStar(GMAX * 1.2, K * PHASE_DEFAULTS.peak.cost, 1.15 / U_PEAK);
    expect(fit.days[8]!.spend).toBeCloseTo(s, 6);
    const unfitted = buildPlan(setupWith([PEAK], {}, [{ ...fitted[0]!, fitted: false }]));
    expect(unfitted.days[8]!.organicGmv).toBeCloseTo(LEVEL * 2, 6);
  });

  it('built-in windows change the plan only under event_plan all; the plan is otherwise the no-event plan', () => {
    const builtin = { ...PEAK, isDefault: true };
    const none = buildPlan(setupWith([]));
    const confirmedOnly = buildPlan(setupWith([builtin]));
    expect(Array.from(confirmedOnly.gmv)).toEqual(Array.from(none.gmv));
    expect(confirmedOnly.kpis).toEqual(none.kpis);
    const all = buildPlan(setupWith([builtin], { event_plan: 1 }));
    expect(all.days[8]!.organicGmv).toBeCloseTo(LEVEL * 2, 6);
    const off = buildPlan(setupWith([PEAK], { event_plan: 2 }));
    expect(off.kpis).toEqual(none.kpis);
  });

  it('capacity × per phase binds: GMV capped at capacity × multiplier × AOV', () => {
    // 12 orders/day × 100 = 1,200 GMV normal; × 1.5 at the peak = 1,800 < 1,000 × 2 organic: no room for paid GMV.
    const s = setupWith([PEAK], { capacity_orders_per_day: 12 });
    s.events = eventPlanInputs(s.events!.days, {
      assumptions: s.assumptions, curve: s.curve, unitMargin: U, sustainableSpend: s.sustainableSpend, targetMroi: 1.15 / U, leverage: 0, capGmv: 1200, terms: cashTermsOf(s.assumptions),
    });
    const plan = buildPlan(s);
    expect(plan.days[8]!.gmv).toBeCloseTo(1800, 6);
    expect(plan.days[8]!.spend).toBe(0);
    // A normal day: paid GMV up to 1,200 − 1,000 = 200, i.e. S = K·200/(Gmax − 200).
    expect(plan.days[5]!.spend).toBeCloseTo((K * 200) / (GMAX - 200), 6);
    const [e] = eventReports(s, plan);
    expect(e!.capacityBinds).toBe(true);
    expect(e!.capacityDays).toBe(4);
  });
});

describe('the fit hand-over and the Monte Carlo per event', () => {
  it('reads fitted effects from a fit result structurally, dropping malformed rows', () => {
    const good: FittedEventEffect = { name: '618', phase: 'peak', organic: 1.8, response: 1.3, days: 4, fitted: true };
    expect(fittedEventEffects({ eventEffects: [good, { name: '618', phase: 'peak' }, null] })).toEqual([good]);
    expect(fittedEventEffects({ curve: 1 })).toEqual([]);
    expect(fittedEventEffects(null)).toEqual([]);
  });

  it("the runs' mean incremental profit of an event is the plan's (mean-one draws, the event's own terms)", () => {
    const history = generateMerchant(5).history;
    const last = history.days[history.days.length - 1]!.date;
    const win: EventWindow = { name: '店庆', phase: 'peak', first: addDays(last, 20), last: addDays(last, 23) };
    const scenarios = [{ name: 'Base', values: { cogs_rate: 0.35, cash_available: 500000 } }];
    const { plans } = planFor({ history: { ...history, events: [win] }, scenarios });
    const p = plans[0]!;
    const [e] = p.report.events!;
    expect(e!.name).toBe('店庆');
    const sim = simulateScenario(p, 2000, 7);
    const runs = sim.eventProfit![0]!;
    const mean = runs.reduce((t, x) => t + x, 0) / runs.length;
    // Draws are mean-one and the event's profit is linear in them (no capacity here): the mean matches within 2 %.
    expect(Math.abs(mean - e!.incrementalProfit)).toBeLessThan(0.02 * Math.abs(e!.incrementalProfit) + 1);
    expect(runs[0]!).toBeLessThan(runs[runs.length - 1]!);
  });
});
