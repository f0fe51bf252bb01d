import type { Scenario } from '../../src/model/settings';
import { analyse, buildPlanReport, cashflow, planScenario, readinessOf } from '../../src/model/engine';
import { AdplanError } from '../../src/model/core';
import { kpiValue, planByPeriod } from '../../src/model/report';
import { DEFAULT_PRESETS } from '../../src/model/economics';
import { generateMerchant } from '../../src/sample/merchant';

const own = { cogs_rate: 0.4, cash_available: 150000, shipping_per_order: 6, return_shipping: 6 };
const scenarios: Scenario[] = DEFAULT_PRESETS.map((p, i) => ({ name: p.name, values: i === 0 ? { ...own, ...p.values } : { ...p.values } }));
const { history } = generateMerchant(1);

/** Every number anywhere in the report is finite. */
function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x && typeof x === 'object') return Object.values(x).every(allFinite);
  return true;
}

function caught(f: () => unknown): AdplanError {
  try {
    f();
  } catch (e) {
    if (e instanceof AdplanError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('buildPlanReport', () => {
  const report = buildPlanReport({ history, scenarios, runs: 200 });

  it('plans every scenario from the day after the last history date', () => {
    expect(report.scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
    for (const s of report.scenarios) {
      expect(s.days).toHaveLength(90);
      expect(s.days[0]!.date).toBe('2024-05-30'); // history ends 2024-05-29
      expect(s.days[89]!.date).toBe('2024-08-27');
      expect(s.risk?.runs).toBe(200);
      expect(s.risk?.seed).toBe(1);
      expect(s.sensitivity?.length).toBe(5);
      expect(s.cashP10).toHaveLength(90);
    }
    expect(report.curve.model).toBe('hill');
    expect(report.baseline.ready).toBe(true);
    expect(allFinite(report)).toBe(true);
    // JSON round trip keeps numbers as numbers (no NaN/Infinity turned into null).
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('KPIs add up from the days', () => {
    const base = report.scenarios[0]!;
    const sum = (f: (d: (typeof base.days)[number]) => number): number => base.days.reduce((t, d) => t + f(d), 0);
    expect(base.kpis.totalSpend).toBeCloseTo(sum((d) => d.spend), 6);
    expect(base.kpis.totalGmv).toBeCloseTo(sum((d) => d.gmv), 6);
    expect(base.kpis.totalProfit).toBeCloseTo(sum((d) => d.profit), 6);
    expect(base.kpis.roi!).toBeCloseTo(sum((d) => d.paidGmv) / sum((d) => d.spend), 9);
    expect(base.kpis.minCash).toBeCloseTo(Math.min(...base.days.map((d) => d.cash)), 9);
    expect(base.economics.breakEvenRoi).toBeCloseTo(1 / base.economics.unitMargin, 12);
    // m* = (1 + 0.15)/(u·(1 + L)) with the lift this scenario used.
    const L = base.lift!.leverage;
    expect(base.economics.targetMarginalRoi).toBeCloseTo(1.15 / (base.economics.unitMargin * (1 + L)), 12);
  });

  it('is deterministic for a seed and drops risk with runs 0', () => {
    expect(buildPlanReport({ history, scenarios, runs: 50, seed: 9 })).toEqual(buildPlanReport({ history, scenarios, runs: 50, seed: 9 }));
    const quiet = buildPlanReport({ history, scenarios, runs: 0 });
    expect(quiet.scenarios.every((s) => s.risk === undefined && s.sensitivity === undefined)).toBe(true);
  });

  it('plans one named scenario, and lists the valid names for an unknown one', () => {
    const one = buildPlanReport({ history, scenarios, scenario: 'Aggressive', runs: 0, horizonDays: 30 });
    expect(one.scenarios.map((s) => [s.name, s.days.length])).toEqual([['Aggressive', 30]]);
    const e = caught(() => buildPlanReport({ history, scenarios, scenario: 'Bold', runs: 0 }));
    expect(e.kind).toBe('lookup');
    expect(e.text['en-US']).toMatch(/Valid scenarios: Base, Conservative, Aggressive/);
  });

  it('without paid history needs the assumed-curve keys, then plans with them', () => {
    const organic = generateMerchant(2, { spend: null }).history;
    const e = caught(() => buildPlanReport({ history: organic, scenarios: [{ name: 'Base', values: own }], runs: 0 }));
    expect(e.kind).toBe('input');
    expect(e.text['en-US']).toMatch(/No usable paid history \(No paid days.*paid_roi_initial.*saturation_spend/);
    expect(e.text['zh-CN']).toMatch(/初始投产比/);
    const r = buildPlanReport({ history: organic, scenarios: [{ name: 'Base', values: { ...own, paid_roi_initial: 5, saturation_spend: 1500 } }], runs: 0 });
    expect(r.curve.model).toBe('assumed');
    expect(r.curve.params).toEqual({ gmax: 7500, k: 1500, a: 1 });
    // Ramps from 10 % of S* (no spend in the last 7 days, no start_spend).
    const s = r.scenarios[0]!;
    expect(s.days[0]!.spend).toBeCloseTo(0.1 * s.kpis.sustainableSpend * 1.2, 9);
    expect(s.days[0]!.limit).toBe('ramp');
  });

  it('u ≤ 0 is a math error that says so', () => {
    const e = caught(() => buildPlanReport({ history, scenarios: [{ name: 'Base', values: { ...own, cogs_rate: 0.9 } }], runs: 0 }));
    expect(e.kind).toBe('math');
    expect(e.text['en-US']).toMatch(/no ROI breaks even/);
  });

  it('a merchant not ready gets reasons, fix-first and a note on each plan', () => {
    const thin = generateMerchant(3, { organicViewsPerDay: 150 }).history;
    const r = buildPlanReport({ history: thin, scenarios: [{ name: 'Base', values: own }], runs: 0 });
    expect(r.baseline.ready).toBe(false);
    expect(r.baseline.reasons[0]!['en-US']).toMatch(/Organic orders average/);
    expect(r.baseline.fixFirst!['en-US']).toMatch(/natural-recommendation/);
    expect(r.scenarios[0]!.notes[0]!['en-US']).toMatch(/^Not ready to scale paid traffic/);
  });

  it('S* = 0 when paid traffic cannot reach the target: no spend, and why', () => {
    // Assumed curve with initial ROI 3: m(S) ≤ 3 everywhere, below m* = 1.15/u ≈ 3.16.
    const organic = generateMerchant(2, { spend: null }).history;
    const values = { ...own, paid_roi_initial: 3, saturation_spend: 1500 };
    const r = buildPlanReport({ history: organic, scenarios: [{ name: 'Base', values }], runs: 0 });
    const s = r.scenarios[0]!;
    expect(s.kpis.sustainableSpend).toBe(0);
    expect(s.days.every((d) => d.spend === 0 && d.roi === null && d.marginalRoi === null)).toBe(true);
    // The assumed-curve note comes first (every number rests on it), then why there is no spend.
    expect(s.notes[0]!['en-US']).toMatch(/^Every number of this plan rests on an assumed response curve/);
    expect(s.notes[1]!['en-US']).toMatch(/no paid spend yet/);
    expect(s.kpis.roi).toBeNull();
    expect(s.kpis.paybackDay).toBeNull();
    expect(s.kpis.returnOnCapital).toBeNull();
  });
});

describe('granular pieces', () => {
  const a = analyse(history);
  const p = planScenario(a, scenarios[0]!);

  it('KPI lookup by snake_case name', () => {
    expect(kpiValue(p.report, 'total_profit')).toBe(p.report.kpis.totalProfit);
    expect(kpiValue(p.report, 'break_even_roi')).toBe(p.breakEvenRoi);
    expect(kpiValue(p.report, 'sustainable_spend')).toBe(p.report.kpis.sustainableSpend);
    expect(() => kpiValue(p.report, 'profit')).toThrow(/Valid metrics: total_spend, total_gmv/);
  });

  it('weekly periods sum the days and close on the last cash balance', () => {
    const weeks = planByPeriod(p.report.days, 'week');
    expect(weeks).toHaveLength(13); // 90 days = 12 weeks + 6 days
    expect(weeks[0]!.date).toBe(p.report.days[0]!.date);
    const first = p.report.days.slice(0, 7);
    expect(weeks[0]!.spend).toBeCloseTo(first.reduce((t, d) => t + d.spend, 0), 9);
    expect(weeks[0]!.cash).toBe(first[6]!.cash);
    expect(weeks[12]!.profit).toBeCloseTo(p.report.days.slice(84).reduce((t, d) => t + d.profit, 0), 9);
    expect(planByPeriod(p.report.days, 'day')).toEqual(p.report.days);
  });

  it('readiness without assumptions skips the margin check; thresholds come from the scenario', () => {
    expect(readinessOf(a, null).ready).toBe(true);
    const strict = readinessOf(a, { name: 'Strict', values: { min_days: 120 } });
    expect(strict.ready).toBe(false);
    expect(strict.reasons[0]!['en-US']).toMatch(/Only 90 days of usable history \(need ≥ 120\)/);
    expect(() => readinessOf(a, { name: 'Bad', values: { max_cvr_cv: -1 } })).toThrow(/max_cvr_cv/);
  });

  it('CASHFLOW needs AOV and refund rate from the table', () => {
    expect(() => cashflow([100], [400], { name: 'Base', values: own })).toThrow(/refund_rate/);
    const cash = cashflow([100, 100], [400, 400], { name: 'Base', values: { ...own, refund_rate: 0, aov: 100, fee_rate: 0.2, shipping_per_order: 0, settlement_days: 1, prepay_days: 0 } });
    // Day 1: 150000 − 100 − 160; day 2: −260 + 320; day 3: +320.
    expect(cash).toEqual([149740, 149800, 150120]);
  });
});
