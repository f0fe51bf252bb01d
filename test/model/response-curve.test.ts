import fc from 'fast-check';
import { fitCurve, tryFitCurve } from '../../src/model/fit';
import { AdplanError } from '../../src/model/core';
import {
  assumedCurve,
  curveFromReport,
  marginalOf,
  optimalSpend,
  responseOf,
  solveMarginal,
  spendForGmv,
  toCurveReport,
  type Curve,
  type CurveShape,
} from '../../src/model/transforms';

const hill = (gmax: number, k: number, a: number): CurveShape => ({ kind: 'hill', gmax, k, a });

describe('response curve maths (MODEL §4, §6)', () => {
  it('marginal ROI is the derivative of the response', () => {
    for (const c of [hill(10000, 1000, 0.5), hill(10000, 1000, 1), hill(8000, 500, 1.5), { kind: 'power', c: 20, b: 0.6 } as CurveShape]) {
      for (const s of [50, 400, 1000, 3000]) {
        const h = s * 1e-6;
        const numeric = (responseOf(s + h, c) - responseOf(s - h, c)) / (2 * h);
        expect(marginalOf(s, c)).toBeCloseTo(numeric, 5);
      }
    }
  });

  it('S* for a = 1 matches the closed form √(Gmax·K/m) − K', () => {
    // m(S) = Gmax·K/(S+K)² = m  ⇒  S = √(Gmax·K/m) − K = √(12000·1500/2) − 1500 = 3000 − 1500.
    expect(solveMarginal(hill(12000, 1500, 1), 2)).toBeCloseTo(1500, 6);
    // m(0) = Gmax/K = 8 ≤ 9: no spend reaches the target.
    expect(solveMarginal(hill(12000, 1500, 1), 9)).toBe(0);
  });

  it('takes the falling side of the marginal curve when a > 1', () => {
    const c = hill(10000, 1000, 1.5);
    // m peaks at K·((a−1)/(a+1))^(1/a) = 1000·0.2^(2/3) ≈ 341.99.
    const peak = 1000 * Math.pow(0.2, 1 / 1.5);
    const target = marginalOf(peak, c) * 0.7;
    const s = solveMarginal(c, target);
    expect(s).toBeGreaterThan(peak);
    expect(marginalOf(s, c)).toBeCloseTo(target, 9);
    // The rising side also crosses the target (m(0) = 0 < target): not the one chosen.
    expect(marginalOf(peak / 100, c)).toBeLessThan(target);
  });

  it('power curve: S = (m/(b·c))^(1/(b−1)); linear power above target is bounded by the evidence', () => {
    // 0.5·20·S^(−0.5) = 2 ⇒ S = 25.
    expect(solveMarginal({ kind: 'power', c: 20, b: 0.5 }, 2)).toBeCloseTo(25, 9);
    const linear: Curve = { model: 'power', shape: { kind: 'power', c: 5, b: 1 }, n: 5, minSpend: 100, maxSpend: 400, r2: 0.9, residualSd: 0.1 };
    expect(solveMarginal(linear.shape, 3)).toBe(Infinity);
    expect(optimalSpend(linear, 3)).toBe(800);
    expect(optimalSpend(linear, 6)).toBe(0);
  });

  it('inverts the response', () => {
    const c = hill(10000, 1000, 0.8);
    expect(responseOf(spendForGmv(4000, c), c)).toBeCloseTo(4000, 6);
    expect(spendForGmv(10000, c)).toBe(Infinity);
    expect(spendForGmv(0, c)).toBe(0);
  });

  it('assumed curve: Michaelis–Menten with initial ROI and half-saturation spend', () => {
    const c = assumedCurve(4, 2000);
    expect(c.shape).toEqual({ kind: 'hill', gmax: 8000, k: 2000, a: 1 });
    expect(marginalOf(0, c.shape)).toBe(4);
    expect(responseOf(2000, c.shape)).toBe(4000);
  });

  it('round-trips through its report and rejects bad parameters', () => {
    const c: Curve = { model: 'hill', shape: hill(9000, 800, 0.9), n: 12, minSpend: 200, maxSpend: 3000, r2: 0.8, residualSd: 0.2 };
    expect(curveFromReport(toCurveReport(c))).toEqual(c);
    expect(() => curveFromReport({ ...toCurveReport(c), params: { gmax: 9000, k: -1, a: 1 } })).toThrow(/parameter k/);
  });

  it('rejects a non-positive target', () => {
    expect(() => solveMarginal(hill(1, 1, 1), 0)).toThrow(AdplanError);
  });
});

describe('curve fitting', () => {
  const truth = hill(12000, 1500, 1);
  const spends = [300, 450, 600, 800, 1000, 1300, 1700, 2200, 3000, 4500, 6000];

  it('recovers an exact Hill curve', () => {
    const c = fitCurve(spends, spends.map((s) => responseOf(s, truth)));
    expect(c.model).toBe('hill');
    if (c.shape.kind !== 'hill') throw new Error('hill expected');
    // Within 0.5 %: the weak priors still pull a little, even on exact data.
    expect(Math.abs(c.shape.gmax / 12000 - 1)).toBeLessThan(0.005);
    expect(Math.abs(c.shape.k / 1500 - 1)).toBeLessThan(0.005);
    expect(Math.abs(c.shape.a - 1)).toBeLessThan(0.005);
    expect(c.r2).toBeCloseTo(1, 6);
    expect(c.residualSd).toBeLessThan(1e-3);
    expect([c.n, c.minSpend, c.maxSpend]).toEqual([11, 300, 6000]);
  });

  it('chooses power with few points and fits c·S^b exactly', () => {
    const s = [100, 200, 400, 800];
    const c = fitCurve(s, s.map((x) => 30 * Math.pow(x, 0.7)));
    expect(c.model).toBe('power');
    if (c.shape.kind !== 'power') throw new Error('power expected');
    expect(c.shape.b).toBeCloseTo(0.7, 9);
    expect(c.shape.c).toBeCloseTo(30, 6);
  });

  it('a robust loss: one wild day barely moves the fit', () => {
    const g = spends.map((s) => responseOf(s, truth));
    g[4] = g[4]! * 6;
    const c = fitCurve(spends, g);
    expect(solveMarginal(c.shape, 4) / solveMarginal(truth, 4)).toBeCloseTo(1, 1);
  });

  it('gives a clear reason for degenerate input', () => {
    expect(tryFitCurve([], [])).toEqual({ reason: expect.objectContaining({ 'en-US': expect.stringMatching(/No paid days/) }) });
    expect(() => fitCurve([500], [2000])).toThrow(/Only 1 paid day/);
    expect(() => fitCurve([500, 500, 500, 500], [2000, 2100, 1900, 2000])).toThrow(/same spend \(500\.00\)/);
    expect(() => fitCurve([100, 200, 300], [0, 0, 0])).toThrow(/Paid GMV is 0 on all 3 paid days/);
    expect(() => fitCurve([100, 200], [1])).toThrow(/same length/);
    expect(() => fitCurve([100, -5], [1, 2])).toThrow(/spend: value 2 must be a number ≥ 0/);
    expect(() => fitCurve(spends, spends.map(() => 1), 'cubic' as 'hill')).toThrow(/model must be/);
    // Days without spend are not paid days.
    expect(() => fitCurve([0, 0, 300], [50, 60, 900], 'hill')).toThrow(/Only 1 paid day/);
  });

  it('never returns NaN: any input gives finite parameters or a reason', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true })), { maxLength: 30 }),
        fc.constantFrom('auto', 'hill', 'power') as fc.Arbitrary<'auto' | 'hill' | 'power'>,
        (pts, model) => {
          const r = tryFitCurve(pts.map((p) => p[0]), pts.map((p) => p[1]), model);
          if ('reason' in r) {
            expect(r.reason['en-US'].length).toBeGreaterThan(10);
            return;
          }
          const rep = toCurveReport(r.curve);
          for (const v of Object.values(rep.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
          for (const v of [rep.r2, rep.residualSd, rep.minSpend, rep.maxSpend]) expect(v === null || Number.isFinite(v)).toBe(true);
          expect(Number.isFinite(solveMarginal(r.curve.shape, 2)) || solveMarginal(r.curve.shape, 2) === Infinity).toBe(true);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});
