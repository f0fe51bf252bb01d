import { analyse, planScenario, scenarioSensitivity, simulateScenario, simulationContext } from '../../src/model/engine';
import { quantile, sensitivity, simulate, simulationStat } from '../../src/model/simulation';
import { generateMerchant } from '../../src/sample/merchant';

const analysis = analyse(generateMerchant(4).history);
const plan = planScenario(analysis, { name: 'Base', values: { cogs_rate: 0.4, cash_available: 100000, shipping_per_order: 5 } });

describe('Monte Carlo (MODEL §9)', () => {
  it('same seed ⇒ identical output; another seed differs', () => {
    const a = simulateScenario(plan, 300, 17);
    const b = simulateScenario(plan, 300, 17);
    const c = simulateScenario(plan, 300, 18);
    expect(a).toEqual(b);
    expect(Array.from(a.totalProfit)).not.toEqual(Array.from(c.totalProfit));
  });

  it('with no uncertainty every run is the plan itself', () => {
    const ctx = simulationContext(plan);
    const still = simulate({ ...ctx, u: { curveSd: 0, dailyNoise: 0, refundKappa: 0, aovSd: 0, organicSd: 0, lambdaSe: 0 } }, 5, 1);
    for (const p of still.totalProfit) expect(p).toBeCloseTo(plan.report.kpis.totalProfit, 6);
    for (const m of still.minCash) expect(m).toBeCloseTo(plan.report.kpis.minCash, 6);
    expect(still.peakCapital[0]).toBeCloseTo(plan.report.kpis.peakCapital, 6);
    expect(still.paybackDay[0]).toBe(plan.report.kpis.paybackDay);
  });

  it('centres on the plan and spreads around it', () => {
    const r = simulateScenario(plan, 2000, 1);
    const p10 = quantile(r.totalProfit, 0.1)!;
    const p50 = quantile(r.totalProfit, 0.5)!;
    const p90 = quantile(r.totalProfit, 0.9)!;
    expect(p10).toBeLessThan(p50);
    expect(p50).toBeLessThan(p90);
    expect(Math.abs(p50 / plan.report.kpis.totalProfit - 1)).toBeLessThan(0.05);
    expect(r.pLoss).toBeGreaterThanOrEqual(0);
    expect(r.pLoss).toBeLessThanOrEqual(1);
    expect(simulationStat(r, 'p_loss')).toBe(r.pLoss);
    expect(simulationStat(r, 'total_profit', 0.9)).toBe(p90);
  });

  it('p_loss and p_cash_short count the runs that lose or run short', () => {
    // Fixed costs far above margin: every run loses; a reserve above all cash: every run is short.
    const ctx = simulationContext(plan);
    const r = simulate({ ...ctx, fixed: 1e6, reserve: ctx.opening + 1 }, 50, 3);
    expect(r.pLoss).toBe(1);
    expect(r.pCashShort).toBe(1);
  });

  it('names the valid metrics and rejects bad percentiles', () => {
    const r = simulateScenario(plan, 10, 1);
    expect(() => simulationStat(r, 'profit')).toThrow(/Valid metrics: total_profit, peak_capital, min_cash, payback_day, p_loss, p_cash_short/);
    expect(() => simulationStat(r, 'total_profit', 1)).toThrow(/between 0 and 1/);
    expect(() => simulateScenario(plan, -1, 1)).toThrow(/runs/);
  });

  it('quantiles: linear interpolation, never on "never"', () => {
    expect(quantile(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(quantile(Float64Array.from([1, 2, Infinity, Infinity]), 0.9)).toBeNull();
    expect(quantile(new Float64Array(0), 0.5)).toBeNull();
  });
});

describe('sensitivity (tornado)', () => {
  it('moves each input alone and sorts by swing', () => {
    const rows = scenarioSensitivity(plan);
    expect(rows.map((r) => r.input).sort()).toEqual(['aov', 'lift_lambda', 'organic_level', 'paid_curve_level', 'refund_rate']);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.swing).toBeGreaterThanOrEqual(rows[i]!.swing);
    const refund = rows.find((r) => r.input === 'refund_rate')!;
    expect(refund.low).toBeLessThan(refund.high);
    // More refunds, less profit; a stronger curve, more profit.
    expect(refund.atHigh!).toBeLessThan(refund.atLow!);
    const curve = rows.find((r) => r.input === 'paid_curve_level')!;
    expect(curve.atHigh!).toBeGreaterThan(curve.atLow!);
    expect(curve.swing).toBeCloseTo(Math.abs(curve.atHigh! - curve.atLow!), 9);
  });

  it('rejects an unknown metric', () => {
    expect(() => sensitivity(simulationContext(plan), 'roi' as 'total_profit')).toThrow(/Unknown metric "roi"/);
  });
});
