/**
 * One Levenberg–Marquardt driver for every least-squares fit: the problem supplies the objective
 * with its Gauss–Newton normal equations, a damped solve and the parameters' box; the driver owns
 * the damping schedule and the stopping rules.
 */
export interface LmProblem {
  /** Objective at th; when H and v are given, also J'WJ (row-major) and J'Wr into them. */
  evaluate(th: Float64Array, H: Float64Array | null, v: Float64Array | null): number;
  /** Solves (H + μ·diag H) step = v into `step`; false when singular or not finite. */
  solve(H: Float64Array, mu: number, v: Float64Array, step: Float64Array): boolean;
  /** Puts a proposed point back inside the parameters' bounds, in place. */
  project(th: Float64Array): void;
  /** Relative gain below which a step counts as converged. */
  tolerance: number;
  /**
   * Optional: an accepted step whose largest component is at most this also counts as converged
   * (for problems where Gauss–Newton zig-zags toward the optimum with tiny gains).
   */
  stepTolerance?: number;
}

export interface LmResult {
  th: Float64Array;
  objective: number;
}

const MU_START = 1e-3;
const MU_MIN = 1e-9;
const MU_MAX = 1e8;

export function levenbergMarquardt(pr: LmProblem, start: ArrayLike<number>, maxIter: number): LmResult {
  const p = start.length;
  const H = new Float64Array(p * p);
  const v = new Float64Array(p);
  const step = new Float64Array(p);
  let th = Float64Array.from(start);
  let obj = pr.evaluate(th, H, v);
  let mu = MU_START;
  for (let it = 0; it < maxIter; it++) {
    if (!pr.solve(H, mu, v, step)) break;
    const next = Float64Array.from(th, (x, i) => x + step[i]!);
    pr.project(next);
    const nobj = pr.evaluate(next, null, null);
    if (nobj < obj) {
      const gain = obj - nobj;
      th = next;
      obj = pr.evaluate(th, H, v);
      mu = Math.max(mu / 3, MU_MIN);
      if (gain <= pr.tolerance * (1 + obj)) break;
      if (pr.stepTolerance !== undefined && step.every((x) => Math.abs(x) <= pr.stepTolerance!)) break;
    } else {
      mu *= 4;
      if (mu > MU_MAX) break;
    }
  }
  return { th, objective: obj };
}
