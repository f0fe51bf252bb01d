/**
 * Plan invariants (issue 4) on ≥ 1,000 generated cases each: spend ≥ 0, never above any cap, ramp
 * respected, cash ≥ reserve, capacity respected, Σ cash flows = Σ profit once everything has
 * settled, Conservative S* ≤ Base S* ≤ Aggressive S*, same seed ⇒ same output.
 */
import fc from 'fast-check';
import { analyse, planScenario, simulateScenario } from '../../src/model/engine';
import { buildPlan, type PlanSetup } from '../../src/model/plan';
import { responseOf, type Curve } from '../../src/model/transforms';
import { DEFAULT_PRESETS, resolveAssumptions } from '../../src/model/economics';
import type { AssumptionValues } from '../../src/model/settings';
import { generateMerchant } from '../../src/sample/merchant';

const RUNS = 1000;
const rel = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));
/** Uniform on [min, max] (fc.double leans to extremes; plans need ordinary magnitudes). */
const num = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: 1_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000);

export const setupArb = fc
  .record({
    gmax: num(500, 50000),
    k: num(50, 5000),
    a: num(0.3, 1.5),
    maxSpendSeen: fc.option(num(0.2, 2), { nil: null }),
    cogs: num(0, 0.6),
    refund: num(0, 0.5),
    fee: num(0, 0.1),
    shipping: num(0, 10),
    aov: num(30, 300),
    fixed: num(0, 2000),
    cash: num(0, 150000),
    reserveShare: num(0, 1),
    settlement: fc.integer({ min: 0, max: 30 }),
    prepay: fc.integer({ min: 0, max: 5 }),
    inventory: fc.integer({ min: 0, max: 20 }),
    capacity: fc.option(num(5, 500), { nil: null }),
    maxDaily: fc.option(num(0.2, 2), { nil: null }),
    ramp: num(0.01, 1),
    extrap: num(1, 2.5),
    drift: num(-0.02, 0.02),
    organic: num(0, 20000),
    lambda: num(0, 0.5),
    theta: num(0, 0.9),
    carry0: num(0, 5000),
    sStar: num(0, 6000),
    initial: num(0, 2),
    restart: num(0, 1000),
    horizon: fc.integer({ min: 1, max: 45 }),
    tail: fc.array(num(0, 20000), { maxLength: 30 }),
  })
  .map((p): PlanSetup => {
    // Caps drawn relative to S* so that each of them binds in a fair share of cases.
    const maxDaily = p.maxDaily === null ? null : p.maxDaily * p.sStar + 1;
    const maxSpendSeen = p.maxSpendSeen === null ? null : (p.maxSpendSeen * p.sStar + 1) / p.extrap;
    const values: AssumptionValues = {
      cogs_rate: p.cogs,
      refund_rate: p.refund,
      fee_rate: p.fee,
      shipping_per_order: p.shipping,
      return_shipping: p.shipping,
      aov: p.aov,
      fixed_cost_per_day: p.fixed,
      cash_available: p.cash,
      cash_reserve: p.cash * p.reserveShare,
      settlement_days: p.settlement,
      prepay_days: p.prepay,
      inventory_days: p.inventory,
      ramp_rate: p.ramp,
      max_extrapolation: p.extrap,
      organic_drift: p.drift,
      ...(p.capacity !== null ? { capacity_orders_per_day: p.capacity } : {}),
      ...(maxDaily !== null ? { max_daily_spend: maxDaily } : {}),
    };
    const assumptions = resolveAssumptions(values, { refundRate: null, aov: null });
    const curve: Curve = {
      model: 'hill',
      shape: { kind: 'hill', gmax: p.gmax, k: p.k, a: p.a },
      n: 10,
      minSpend: maxSpendSeen === null ? null : maxSpendSeen / 4,
      maxSpend: maxSpendSeen,
      r2: 0.9,
      residualSd: 0.2,
    };
    const u = (1 - p.refund) * (1 - p.fee) - (1 - p.refund) * p.cogs - p.refund * 0.2 * p.cogs - (p.shipping * (1 + p.refund)) / p.aov;
    return {
      assumptions,
      curve,
      unitMargin: u,
      sustainableSpend: p.sStar,
      lambda: p.lambda,
      theta: p.theta,
      carry0: p.carry0,
      organicLevel: p.organic,
      weekdayFactors: [1.1, 0.9, 0.95, 1, 1, 1.05, 1],
      lastDate: '2024-05-31',
      horizon: p.horizon,
      initialSpend: p.initial * p.sStar,
      restartSpend: p.restart,
      gmvTail: p.tail,
    };
  });

function ok(cond: boolean, what: string, day: unknown): void {
  if (!cond) throw new Error(`${what} violated on ${JSON.stringify(day)}`);
}

describe('plan invariants (property, 1,000 cases each)', () => {
  it('spend ≥ 0, every cap respected and the binding one recorded, capacity kept', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        const plan = buildPlan(s);
        const A = s.assumptions;
        const capGmv = A.capacity_orders_per_day === null ? Infinity : A.capacity_orders_per_day * A.aov;
        const extrap = s.curve.maxSpend === null ? Infinity : A.max_extrapolation * s.curve.maxSpend;
        let prev = s.initialSpend;
        plan.days.forEach((d, i) => {
          // Plain checks (not expect) per day: 1,000 cases × 45 days must stay fast.
          const ramp = (prev > 0 ? prev : s.restartSpend) * (1 + A.ramp_rate);
          ok(Number.isFinite(d.spend) && d.spend >= 0, 'spend ≥ 0', d);
          ok(d.spend <= s.sustainableSpend + rel(s.sustainableSpend), 'spend ≤ S*', d);
          ok(d.spend <= (A.max_daily_spend ?? Infinity) + rel(d.spend), 'spend ≤ max_daily_spend', d);
          ok(d.spend <= extrap + rel(d.spend), 'spend ≤ extrapolation cap', d);
          ok(d.spend <= ramp + rel(ramp), 'ramp respected', d);
          ok(d.gmv <= capGmv + rel(capGmv), 'gmv ≤ capacity', d);
          ok(Math.abs(d.paidGmv - responseOf(d.spend, s.curve.shape)) <= 1e-9 * Math.max(1, d.paidGmv), 'paid GMV on the curve', d);
          // The limit named is the cap the spend sits on.
          const capOf: Record<string, number> = { target: s.sustainableSpend, max: A.max_daily_spend ?? Infinity, ramp, extrapolation: extrap };
          const named = capOf[d.limit];
          if (named !== undefined && d.spend > 0) ok(Math.abs(d.spend - named) <= 1e-7 * Math.max(1, d.spend), `spend sits on the ${d.limit} cap`, d);
          if (d.limit === 'capacity' && d.spend > 0) ok(d.gmv >= capGmv * (1 - 1e-7), 'capacity binds at capacity', d);
          ok(plan.limits[i] === d.limit, 'limit recorded', d);
          prev = d.spend;
        });
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it('cash never below the reserve when organic trading alone keeps it there; else the shortfall day is reported', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        const plan = buildPlan(s);
        const A = s.assumptions;
        const tol = 1e-6 * Math.max(1, A.cash_available);
        let organicOk = true;
        for (let d = 1; d <= s.horizon; d++) if (plan.organicCash[d]! < A.cash_reserve - tol) organicOk = false;
        if (organicOk) {
          for (const d of plan.days) expect(d.cash).toBeGreaterThanOrEqual(A.cash_reserve - tol);
          expect(plan.kpis.minCash).toBeGreaterThanOrEqual(A.cash_reserve - tol);
        } else {
          // Paid spend never makes the worst day worse than zero spend would.
          let worstOrganic = Infinity;
          for (let d = 1; d <= s.horizon; d++) worstOrganic = Math.min(worstOrganic, plan.organicCash[d]!);
          expect(plan.kpis.minCash).toBeGreaterThanOrEqual(Math.min(A.cash_reserve, worstOrganic) - tol);
        }
        if (plan.shortfallDay !== null) expect(plan.notes.some((n) => n['en-US'].includes(`day ${plan.shortfallDay}`))).toBe(true);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('Σ cash flows = Σ profit once everything has settled', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        const plan = buildPlan(s);
        const A = s.assumptions;
        const L = A.settlement_days;
        const inflow = (1 - A.refund_rate) * (1 - A.fee_rate - A.commission_rate) + A.refund_rate * A.resale_rate * A.cogs_rate;
        const receivables = s.gmvTail.slice(Math.max(0, s.gmvTail.length - L)).reduce((t, g) => t + inflow * g, 0);
        const settled = plan.cash[s.horizon + L]! - A.cash_available - receivables;
        const profit = plan.days.reduce((t, d) => t + d.profit, 0);
        expect(Math.abs(settled - profit)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(profit), A.cash_available));
      }),
      { numRuns: RUNS, seed: 3 },
    );
  });
});

describe('scenario ordering and determinism (property, 1,000 cases)', () => {
  // A few analysed merchants (fits are the costly part), many economics on top.
  const analyses = [1, 2, 3, 4, 5, 6].map((seed) =>
    analyse(generateMerchant(seed, seed % 2 ? { lift: { lambda: 0.15, theta: 0.5 } } : {}).history),
  );
  const econ = fc.record({
    m: fc.integer({ min: 0, max: analyses.length - 1 }),
    cogs: num(0.1, 0.5),
    fee: num(0, 0.1),
    shipping: num(0, 8),
    cash: num(1000, 500000),
    horizon: fc.integer({ min: 7, max: 60 }),
  });

  it('Conservative S* ≤ Base S* ≤ Aggressive S* for the default presets', () => {
    fc.assert(
      fc.property(econ, (e) => {
        const a = analyses[e.m]!;
        const own: AssumptionValues = { cogs_rate: e.cogs, fee_rate: e.fee, shipping_per_order: e.shipping, cash_available: e.cash };
        const [base, cons, aggr] = DEFAULT_PRESETS.map((p) => planScenario(a, { name: p.name, values: { ...own, ...DEFAULT_PRESETS[0]!.values, ...p.values } }, e.horizon));
        const sb = base!.report.kpis.sustainableSpend;
        expect(cons!.report.kpis.sustainableSpend).toBeLessThanOrEqual(sb * (1 + 1e-9));
        expect(sb).toBeLessThanOrEqual(aggr!.report.kpis.sustainableSpend * (1 + 1e-9));
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it('same seed ⇒ same output', () => {
    const plans = analyses.map((a) => planScenario(a, { name: 'Base', values: { cogs_rate: 0.35, cash_available: 80000 } }, 30));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: plans.length - 1 }), fc.integer(), (i, seed) => {
        const p = plans[i]!;
        const x = simulateScenario(p, 8, seed);
        const y = simulateScenario(p, 8, seed);
        expect(Array.from(x.totalProfit)).toEqual(Array.from(y.totalProfit));
        expect(Array.from(x.peakCapital)).toEqual(Array.from(y.peakCapital));
        expect([x.pLoss, x.pCashShort]).toEqual([y.pLoss, y.pCashShort]);
      }),
      { numRuns: RUNS, seed: 5 },
    );
  });
});
