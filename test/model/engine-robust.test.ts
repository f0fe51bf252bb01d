/**
 * Never NaN, never an uncaught exception: random merchants (short, organic-only, lifted, noisy)
 * under random in-range assumptions either plan with every number finite or fail with an
 * AdplanError that says why.
 */
import fc from 'fast-check';
import type { AssumptionValues } from '../../src/model/settings';
import { buildPlanReport } from '../../src/model/engine';
import { isAdplanError } from '../../src/model/core';
import { generateMerchant } from '../../src/sample/merchant';

const num = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: 1_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000);

function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x && typeof x === 'object') return Object.values(x).every(allFinite);
  return true;
}

const merchant = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  days: fc.integer({ min: 1, max: 120 }),
  paid: fc.boolean(),
  startDay: fc.integer({ min: 0, max: 100 }),
  lambda: num(0, 0.4),
  theta: num(0, 0.8),
  organicViewsPerDay: num(0, 20000),
  paidNoise: num(0, 0.5),
});

const values: fc.Arbitrary<AssumptionValues> = fc.record(
  {
    cogs_rate: num(0, 0.7),
    cash_available: num(0, 300000),
    fee_rate: num(0, 0.1),
    shipping_per_order: num(0, 10),
    fixed_cost_per_day: num(0, 3000),
    settlement_days: fc.integer({ min: 0, max: 40 }),
    prepay_days: fc.integer({ min: 0, max: 5 }),
    inventory_days: fc.integer({ min: 0, max: 30 }),
    capacity_orders_per_day: num(1, 300),
    max_daily_spend: num(0, 5000),
    ramp_rate: num(0.01, 1),
    safety_margin: num(0, 1),
    organic_drift: num(-0.01, 0.01),
    paid_roi_initial: num(0.5, 10),
    saturation_spend: num(10, 5000),
    horizon_days: fc.integer({ min: 1, max: 120 }),
    baseline_days: fc.integer({ min: 1, max: 60 }),
  },
  { requiredKeys: ['cogs_rate', 'cash_available'] },
);

describe('engine robustness (property)', () => {
  it('plans with finite numbers or fails with a clear AdplanError', () => {
    let planned = 0;
    const kinds = new Set<string>();

    fc.assert(
      fc.property(merchant, values, (m, v) => {
        const { history } = generateMerchant(m.seed, {
          days: m.days,
          organicViewsPerDay: m.organicViewsPerDay,
          paidNoise: m.paidNoise,
          lift: { lambda: m.lambda, theta: m.theta },
          spend: m.paid ? { pattern: 'walk', startDay: m.startDay, lowMultiple: 0.25, highMultiple: 4, stepSd: 0.4, pauseProbability: 0.1 } : null,
        });
        try {
          const r = buildPlanReport({ history, scenarios: [{ name: 'A', values: v }, { name: 'B', values: { safety_margin: 0.5 } }], runs: 20, seed: m.seed });
          expect(allFinite(r)).toBe(true);
          planned++;
          expect(r.scenarios).toHaveLength(2);
          for (const s of r.scenarios) expect(s.days).toHaveLength(v.horizon_days ?? 90);
        } catch (e) {
          if (!isAdplanError(e)) throw e;
          kinds.add(e.kind);
          expect(e.text['en-US'].length).toBeGreaterThan(10);
          expect(e.text['zh-CN'].length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300, seed: 21 },
    );
    // Most random merchants plan; the rest fail for stated reasons (no paid history and no
    // assumed-curve keys, no refunds to derive the rate from).
    expect(planned).toBeGreaterThan(150);
    console.log(`planned ${planned} of 300; error kinds: ${[...kinds].join(', ')}`);
  });
});
