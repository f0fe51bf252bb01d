/**
 * ROI bases (MODEL §12) on a worked example, and the property behind the 整体ROI 保本线:
 * setting the room target at the naive break-even 1/u makes the ads lose money whenever the
 * room sells anything organically.
 */
import fc from 'fast-check';
import { responseOf, type CurveShape } from '../../src/model/transforms';
import { breakEvenSpend, roiBases, roomRoiAt, spendForRoomRoi } from '../../src/model/economics';

describe('worked example (docs/model.md): u = 0.25, O = 10,000/day, Gp = 30,000·S/(S + 4,000)', () => {
  const shape: CurveShape = { kind: 'hill', gmax: 30000, k: 4000, a: 1 };
  const terms = { organic: 10000, gpFactor: 1, scope: 'room' as const };
  // S* where m(S) = 30000·4000/(S + 4000)² = 4: S* = √(3·10⁷) − 4000.
  const sStar = Math.sqrt(3e7) - 4000;
  const b = roiBases(shape, 0.25, 0.1, sStar, terms);

  it('break-even on both bases: 1/u = 4, (1 − r1h)/u = 3.6', () => {
    expect(b.breakEvenRoi).toBeCloseTo(4, 12);
    expect(b.breakEvenRoiNet).toBeCloseTo(3.6, 12);
  });

  it('S_be = 3,500 (Gp/S = 4) and the room break-even 整体ROI = (10,000 + 14,000)/3,500 = 6.857', () => {
    expect(breakEvenSpend(shape, 0.25, 1)).toBeCloseTo(3500, 4);
    expect(responseOf(3500, shape)).toBeCloseTo(14000, 6);
    expect(b.roomBreakEvenRoi).toBeCloseTo(24000 / 3500, 6);
    expect(b.roomBreakEvenRoi!).toBeGreaterThan(b.breakEvenRoi);
  });

  it('target T* = (O + Gp(S*))/S* = 12.25, net 11.02, budget S* = 1,477', () => {
    const tStar = (10000 + (30000 * sStar) / (sStar + 4000)) / sStar;
    expect(tStar).toBeCloseTo(12.247, 3);
    expect(b.targets.roomRoi).toBeCloseTo(tStar, 9);
    expect(b.targets.roomRoiNet).toBeCloseTo(tStar * 0.9, 9);
    expect(b.targets.dailyBudget).toBeCloseTo(1477.2, 1);
    // The platform, given T*, spends S*.
    expect(spendForRoomRoi(tStar, shape, terms)).toBeCloseTo(sStar, 3);
  });

  it('attributed scope: the target counts only what the ads add', () => {
    const a = roiBases(shape, 0.25, 0, sStar, { ...terms, scope: 'attributed' });
    expect(a.roomBreakEvenRoi).toBeCloseTo(4, 6);
    expect(a.targets.roomRoi).toBeCloseTo(responseOf(sStar, shape) / sStar, 9);
  });

  it('no break-even spend when the ads never pay: null, never NaN', () => {
    const weak: CurveShape = { kind: 'hill', gmax: 3000, k: 4000, a: 1 };
    const w = roiBases(weak, 0.25, 0, 0, terms);
    expect(w.roomBreakEvenRoi).toBeNull();
    expect(w.targets.roomRoi).toBeNull();
  });
});

describe('the naive 保本 target loses money', () => {
  it('at T = 1/u the incremental profit u·Gp(S) − S is < 0 whenever O > 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 100, max: 1e5, noNaN: true }),
        fc.double({ min: 1.5, max: 20, noNaN: true }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (u, organic, k, ratio, a) => {
          const shape: CurveShape = { kind: 'hill', gmax: ratio * k, k, a };
          const s = spendForRoomRoi(1 / u, shape, { organic, gpFactor: 1, scope: 'room' });
          if (!(s > 0)) return true; // the target is never reached: the platform does not spend
          expect(roomRoiAt(s, shape, { organic, gpFactor: 1, scope: 'room' })).toBeCloseTo(1 / u, 5);
          return u * responseOf(s, shape) - s < 0;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('docs/model.md worked example: the naive target', () => {
  it('a 整体ROI target of 1/u = 4 spends ¥7,359/day and loses u·O = ¥2,500/day on the ads', () => {
    const shape: CurveShape = { kind: 'hill', gmax: 30000, k: 4000, a: 1 };
    const s = spendForRoomRoi(4, shape, { organic: 10000, gpFactor: 1, scope: 'room' });
    expect(s).toBeCloseTo((6000 + Math.sqrt(7.6e7)) / 2, 3);
    expect(0.25 * responseOf(s, shape) - s).toBeCloseTo(-2500, 4);
  });
});
