/** Known answers for the one median, clamp, Huber weighting and Levenberg–Marquardt driver. */
import { clamp, HUBER_C, huberWeights, levenbergMarquardt, MAD_TO_SD, maxOf, median, minOf, solveLinear, type LmProblem } from '../../src/model/numeric';

describe('stats', () => {
  it('median of odd, even and empty inputs, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median(new Float64Array([4, 1, 3, 2]))).toBe(2.5);
    expect(median([])).toBe(0);
    expect(median([-2, 10, -7])).toBe(-2);
  });
  it('clamp, min and max', () => {
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-1, 0, 3)).toBe(0);
    expect(clamp(2, 0, 3)).toBe(2);
    expect(maxOf([1, 9, -3])).toBe(9);
    expect(minOf([1, 9, -3])).toBe(-3);
  });
  it('Huber weights: 1 inside c·MAD-scale, c·scale/|r| outside, all 1 for an exact fit', () => {
    const w = new Float64Array(5);
    const scale = huberWeights([1, -1, 1, -1, 10], w);
    expect(scale).toBeCloseTo(MAD_TO_SD, 12);
    expect(Array.from(w.subarray(0, 4))).toEqual([1, 1, 1, 1]);
    expect(w[4]).toBeCloseTo((HUBER_C * MAD_TO_SD) / 10, 12);
    const exact = new Float64Array(3);
    expect(huberWeights([0, 0, 0], exact)).toBe(0);
    expect(Array.from(exact)).toEqual([1, 1, 1]);
  });
});

/** y = a·e^{b·x} in least squares, the textbook small problem, with an optional box on b. */
function expProblem(xs: number[], ys: number[], bMax = Infinity): LmProblem {
  return {
    evaluate(th, H, v) {
      const [a, b] = [th[0]!, th[1]!];
      let obj = 0;
      if (H && v) {
        H.fill(0);
        v.fill(0);
      }
      xs.forEach((x, i) => {
        const e = Math.exp(b * x);
        const r = ys[i]! - a * e;
        obj += r * r;
        if (H && v) {
          const j = [e, a * x * e];
          for (let p = 0; p < 2; p++) {
            v[p]! += j[p]! * r;
            for (let q = 0; q < 2; q++) H[p * 2 + q]! += j[p]! * j[q]!;
          }
        }
      });
      return obj;
    },
    solve(H, mu, v, step) {
      const M = Float64Array.from(H);
      for (let i = 0; i < 2; i++) M[i * 2 + i] = H[i * 2 + i]! * (1 + mu);
      const x = solveLinear(M, v, 2);
      if (!x || !x.every(Number.isFinite)) return false;
      step.set(x);
      return true;
    },
    project(th) {
      th[1] = Math.min(th[1]!, bMax);
    },
    tolerance: 1e-15,
  };
}

describe('levenbergMarquardt', () => {
  const xs = [0, 0.5, 1, 1.5, 2, 2.5, 3];
  const ys = xs.map((x) => 2 * Math.exp(0.5 * x));

  it('recovers a = 2, b = 0.5 from exact data, from a far start', () => {
    const r = levenbergMarquardt(expProblem(xs, ys), [1, 0.1], 200);
    expect(r.th[0]).toBeCloseTo(2, 6);
    expect(r.th[1]).toBeCloseTo(0.5, 6);
    expect(r.objective).toBeLessThan(1e-10);
  });

  // Projection keeps the box; on a bound it gets near (not exactly to) the constrained optimum:
  // the fits use their boxes as guards, with optima inside them.
  it('stays in the box: with b ≤ 0.3 it ends on the bound, a within 1 % of the best a for it', () => {
    const r = levenbergMarquardt(expProblem(xs, ys, 0.3), [1, 0.1], 200);
    expect(r.th[1]).toBeCloseTo(0.3, 12);
    // Best a at fixed b: Σ y e^{bx} / Σ e^{2bx}.
    const e = xs.map((x) => Math.exp(0.3 * x));
    const aBest = ys.reduce((s, y, i) => s + y * e[i]!, 0) / e.reduce((s, v) => s + v * v, 0);
    expect(Math.abs(r.th[0]! / aBest - 1)).toBeLessThan(0.01);
  });

  it('never moves to a worse point: the objective does not rise above the start', () => {
    const pr = expProblem(xs, ys);
    const start = [50, -3];
    const r = levenbergMarquardt(pr, start, 5);
    expect(r.objective).toBeLessThanOrEqual(pr.evaluate(Float64Array.from(start), null, null));
  });
});
