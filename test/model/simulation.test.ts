import { analyse, buildPlanReport, planScenario, scenarioSensitivity, simulateScenario, simulationContext } from '../../src/model/engine';
import { meanOne, quantile, sensitivity, simulate, simulationStat } from '../../src/model/simulate';
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
    const A = ctx.assumptions;
    const r = simulate({ ...ctx, assumptions: { ...A, fixed_cost_per_day: 1e6, cash_reserve: A.cash_available + 1 } }, 50, 3);
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

describe('Monte Carlo centre (issue 11 item 5): the plan is the expected value', () => {
  const ctx = simulationContext(plan);
  const quiet = { curveSd: 0, dailyNoise: 0, refundKappa: 0, aovSd: 0, organicSd: 0, lambdaSe: 0 };
  const noCap = { ...ctx, capacityOrders: Infinity };
  const mean = (x: Float64Array): number => x.reduce((t, v) => t + v, 0) / x.length;
  const se = (x: Float64Array): number => {
    const m = mean(x);
    return Math.sqrt(x.reduce((t, v) => t + (v - m) ** 2, 0) / (x.length - 1) / x.length);
  };

  it.each([
    ['daily noise σ = 0.3', { ...quiet, dailyNoise: 0.3 }],
    ['curve level σ = 0.3', { ...quiet, curveSd: 0.3 }],
    ['organic level σ = 0.3', { ...quiet, organicSd: 0.3 }],
  ])('%s: mean total profit within 4 standard errors of the plan', (_, u) => {
    const r = simulate({ ...noCap, u }, 3000, 7);
    const target = simulate({ ...noCap, u: quiet }, 1, 1).totalProfit[0]!;
    // Median-one multipliers (e^{σz}) would put the mean e^{σ²/2} − 1 ≈ 4.6 % of GMV-driven profit above.
    expect(Math.abs(mean(r.totalProfit) - target)).toBeLessThan(4 * se(r.totalProfit));
    expect(Math.abs(mean(r.incrementalProfit) - plan.plan.incrementalProfit)).toBeLessThan(4 * se(r.incrementalProfit) + 1e-6);
  });

  it('meanOne(σ, z) has mean one and median e^{−σ²/2} (independent quadrature over z)', () => {
    // ∫ e^{σz − σ²/2} φ(z) dz by the trapezoid rule on [−10, 10]: independent of any random stream.
    for (const sd of [0.05, 0.3, 1]) {
      let sum = 0;
      const h = 0.001;
      for (let z = -10; z <= 10; z += h) sum += meanOne(sd, z) * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * h;
      expect(sum).toBeCloseTo(1, 6);
      expect(meanOne(sd, 0)).toBeCloseTo(Math.exp(-sd * sd / 2), 12);
    }
    expect(meanOne(0, 3)).toBe(1);
  });
});

describe('incremental profit distribution (what the paid spend adds)', () => {
  it('without uncertainty every run is the planner\'s incremental profit', () => {
    const ctx = simulationContext(plan);
    const still = simulate({ ...ctx, u: { curveSd: 0, dailyNoise: 0, refundKappa: 0, aovSd: 0, organicSd: 0, lambdaSe: 0 } }, 3, 1);
    for (const p of still.incrementalProfit) expect(p).toBeCloseTo(plan.plan.incrementalProfit, 6);
    expect(still.pLossIncremental).toBe(plan.plan.incrementalProfit < 0 ? 1 : 0);
  });

  it('the risk report carries P(loss) of the paid spend and its P10/P50/P90', () => {
    const report = buildPlanReport({ history: generateMerchant(4).history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.4, cash_available: 100000, shipping_per_order: 5 } }], runs: 400, seed: 3 });
    const risk = report.scenarios[0]!.risk!;
    expect(risk.pLossIncremental).toBeGreaterThanOrEqual(0);
    expect(risk.pLossIncremental).toBeLessThanOrEqual(1);
    expect(risk.incrementalProfitP10!).toBeLessThanOrEqual(risk.incrementalProfitP50!);
    expect(risk.incrementalProfitP50!).toBeLessThanOrEqual(risk.incrementalProfitP90!);
    // Incremental profit excludes the organic business's own profit, so it sits below total profit.
    expect(risk.incrementalProfitP50!).toBeLessThan(risk.profitP50);
    const sim = simulateScenario(planScenario(analyse(generateMerchant(4).history), { name: 'Base', values: { cogs_rate: 0.4, cash_available: 100000, shipping_per_order: 5 } }), 400, 3);
    expect(risk.pLossIncremental).toBe(sim.incrementalProfit.filter((x) => x < 0).length / 400);
  });
});
