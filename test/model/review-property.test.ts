/** Invariants of the review over random worlds (fast-check): the gap parts add up; no NaN/Infinity. */
import fc from 'fast-check';
import { analyse, planScenario } from '../../src/model/engine';
import { review } from '../../src/model/review';
import { splitWholeRoom } from '../../src/model/review';
import { generateMerchant } from '../../src/sample/merchant';

const S = { name: 'Base', values: { cogs_rate: 0.3, cash_available: 500_000, fee_rate: 0.05 } };
const D = 60;

it('for any world after D, every period’s three parts sum to actual − planned GMV (1e-6 relative), all finite', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1000 }),
      fc.double({ min: 0.3, max: 1.5, noNaN: true }),
      fc.double({ min: 0.3, max: 1.5, noNaN: true }),
      fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 3, maxLength: 20 }),
      (seed, organicFactor, curveFactor, spendFactors) => {
        const days = D + spendFactors.length;
        const base = generateMerchant(seed, { days });
        const plan = planScenario(analyse({ ...base.history, days: base.history.days.slice(0, D) }), S, spendFactors.length);
        const spend = plan.report.days.map((d, i) => d.spend * spendFactors[i]!);
        const w = generateMerchant(seed, { days, change: { fromDay: D, organicFactor, curveFactor, spend } });
        const r = review(w.history, S, base.history.days[D]!.date);
        for (const p of [...r.days, ...r.weeks, r.total]) {
          for (const v of Object.values(p)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          const gap = p.actualGmv - p.plannedGmv;
          expect(Math.abs(p.gapSpend + p.gapResponse + p.gapOrganic - gap)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(p.actualGmv), Math.abs(p.plannedGmv)));
        }
      },
    ),
    { numRuns: 12, seed: 15 },
  );
});

it('the whole-room split always adds up to the unforeseen part, whatever the inputs', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true })), { minLength: 1, maxLength: 40 }),
      (rows) => {
        const parts = splitWholeRoom(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]));
        parts.forEach((p, i) => {
          const [actual, inc, org] = rows[i]!;
          expect(Number.isFinite(p.response) && Number.isFinite(p.organic)).toBe(true);
          expect(Math.abs(p.response + p.organic - (actual - inc - org))).toBeLessThanOrEqual(1e-6 * Math.max(1, actual, inc + org));
        });
      },
    ),
    { numRuns: 200, seed: 15 },
  );
});
