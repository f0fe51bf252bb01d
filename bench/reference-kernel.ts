/**
 * The yardstick for simulate_10k_x_90: the same Monte Carlo work written as one flat loop over
 * typed arrays, no abstractions — same draws per run (curve, refund Beta, AOV, organic, λ), two
 * normals per day, the same flows, cash scan and drawdown. The engine must stay within 3× of it.
 */
import { Rng } from '../src/model/random';
import type { SimContext } from '../src/model/simulation';

export function referenceKernel(c: SimContext, runs: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const T = c.T;
  const L = c.L;
  const n = T + L;
  const pf = new Float64Array(n + 1);
  const of = new Float64Array(n + 1);
  const out = new Float64Array(runs * 4);
  const sd = c.u.dailyNoise;
  // Everything the day loop reads, hoisted into locals.
  const { spend, paidBase, organicBase, theta, fixed, cogsRate, prepay, inventory } = c;
  for (let r = 0; r < runs; r++) {
    const mc = Math.exp(c.u.curveSd * rng.normal());
    const rho = rng.beta(c.refundRate * c.u.refundKappa, (1 - c.refundRate) * c.u.refundKappa);
    const aov = c.aov * Math.exp(c.u.aovSd * rng.normal());
    const mo = Math.exp(c.u.organicSd * rng.normal());
    const lam = Math.max(0, c.lambda + c.u.lambdaSe * rng.normal());
    const inflow = (1 - rho) * (1 - c.feeRate - c.commissionRate) + rho * c.resaleRate * c.cogsRate;
    const perOrder = (c.shipping + rho * c.returnShipping) / aov;
    const u = inflow - c.cogsRate - perOrder;
    const cap = c.capacityOrders * aov;
    pf.fill(0);
    of.fill(0);
    let a = c.carry0;
    let a0 = c.carry0;
    let profit = 0;
    for (let t = 1; t <= T; t++) {
      const paid = paidBase[t - 1]! * mc * Math.exp(sd * rng.normal());
      const ob = organicBase[t - 1]! * mo * Math.exp(sd * rng.normal());
      a = theta * a + paid;
      a0 = theta * a0;
      let g = ob + lam * a + paid;
      if (g > cap) g = cap;
      let g0 = ob + lam * a0;
      if (g0 > cap) g0 = cap;
      const S = spend[t - 1]!;
      profit += u * g - S - fixed;
      const p = t - prepay;
      const inv = t - inventory;
      pf[p < 1 ? 1 : p]! -= S;
      pf[inv < 1 ? 1 : inv]! -= cogsRate * g;
      of[inv < 1 ? 1 : inv]! -= cogsRate * g0;
      pf[t]! -= perOrder * g + fixed;
      of[t]! -= perOrder * g0 + fixed;
      pf[t + L]! += inflow * g;
      of[t + L]! += inflow * g0;
    }
    let cash = c.opening;
    let minCash = Infinity;
    let cum = 0;
    let peak = 0;
    let dd = 0;
    for (let t = 1; t <= n; t++) {
      cash += pf[t]!;
      if (t <= T && cash < minCash) minCash = cash;
      cum += pf[t]! - of[t]!;
      if (cum > peak) peak = cum;
      if (peak - cum > dd) dd = peak - cum;
    }
    out[4 * r] = profit;
    out[4 * r + 1] = dd;
    out[4 * r + 2] = minCash;
    out[4 * r + 3] = cum;
  }
  return out;
}
