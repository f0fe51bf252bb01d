import fc from 'fast-check';
import { breakEvenRoi, unitMargin, type UnitEconomics } from '../../src/model/economics';
import { AdplanError } from '../../src/model/core';

const worked: UnitEconomics = {
  aov: 120,
  refundRate: 0.2,
  feeRate: 0.05,
  commissionRate: 0,
  cogsRate: 0.4,
  shippingPerOrder: 6,
  returnShipping: 6,
  resaleRate: 0.8,
};

/** What `f` throws; fails the test when it returns normally. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but the call returned normally');
}

describe('unit economics (MODEL.md §3)', () => {
  it('reproduces the worked example: u = 0.364, break-even ROI ≈ 2.747', () => {
    // By hand: 0.8·0.95 − 0.8·0.4 − 0.2·0.2·0.4 − (6 + 0.2·6)/120 = 0.76 − 0.32 − 0.016 − 0.06
    expect(unitMargin(worked)).toBeCloseTo(0.364, 12);
    expect(breakEvenRoi(worked)).toBeCloseTo(1 / 0.364, 12);
    expect(breakEvenRoi(worked).toFixed(3)).toBe('2.747');
  });

  it('needs no AOV when there are no per-order costs', () => {
    const u = unitMargin({ ...worked, aov: null, shippingPerOrder: 0, returnShipping: 0 });
    expect(u).toBeCloseTo(0.76 - 0.32 - 0.016, 12);
  });

  it('names the field of an out-of-range rate', () => {
    expect(() => unitMargin({ ...worked, feeRate: 5 })).toThrow(/fee_rate/);
    // The assertions run only on an error: a call that did not throw must fail the test.
    const e = thrown(() => unitMargin({ ...worked, cogsRate: -0.1 }));
    expect(e).toBeInstanceOf(AdplanError);
    expect((e as AdplanError).kind).toBe('input');
    expect((e as AdplanError).field).toBe('cogs_rate');
    expect((e as AdplanError).text['zh-CN']).toMatch(/cogs_rate/);
  });

  it('requires AOV when shipping is charged', () => {
    expect(() => unitMargin({ ...worked, aov: null })).toThrow(/aov/);
  });

  it('refuses a break-even ROI when u ≤ 0 (math error)', () => {
    const e = thrown(() => breakEvenRoi({ ...worked, cogsRate: 0.9 }));
    expect(e).toBeInstanceOf(AdplanError);
    expect((e as AdplanError).kind).toBe('math');
    expect((e as AdplanError).text['zh-CN']).toContain('保本');
  });

  it('u falls as any cost rises (property)', () => {
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(rate, rate, rate, fc.double({ min: 0, max: 0.5, noNaN: true }), (k, rho, f, dk) => {
        const base = { ...worked, cogsRate: k * 0.5, refundRate: rho, feeRate: f * 0.5 };
        expect(unitMargin({ ...base, cogsRate: base.cogsRate + dk })).toBeLessThanOrEqual(unitMargin(base) + 1e-12);
      }),
      { numRuns: 500 },
    );
  });
});
