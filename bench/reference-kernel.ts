/**
 * The yardstick for simulate_10k_x_90: the same Monte Carlo work written as one flat loop over
 * typed arrays, no abstractions — same draws per run (curve, refund Beta, AOV, organic, λ), two
 * normals per day, the same flows, cash scan and drawdown. The engine must stay within 3× of it.
 */
import { Rng } from '../src/model/numeric';
import type { SimContext } from '../src/model/simulate';

export function referenceKernel(c: SimContext, runs: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const T = c.T;
  const A = c.assumptions;
  const L = A.settlement_days;
  const n = T + L;
  const pf = new Float64Array(n + 1);
  const of = new Float64Array(n + 1);
  const out = new Float64Array(runs * 4);
  const sd = c.u.dailyNoise;
  // Everything the day loop reads, hoisted into locals.
  const { spend, paidBase, organicBase, theta } = c;
  const { fixed_cost_per_day: fixed, cogs_rate: cogsRate, prepay_days: prepay, inventory_days: inventory } = A;
  for (let r = 0; r < runs; r++) {
    const mc = Math.exp(c.u.curveSd * rng.normal() - c.u.curveSd ** 2 / 2);
    const rho = rng.beta(A.refund_rate * c.u.refundKappa, (1 - A.refund_rate) * c.u.refundKappa);
    const aov = A.aov * Math.exp(c.u.aovSd * rng.normal() - c.u.aovSd ** 2 / 2);
    const mo = Math.exp(c.u.organicSd * rng.normal() - c.u.organicSd ** 2 / 2);
    const lam = Math.max(0, c.lambda + c.u.lambdaSe * rng.normal());
    const inflow = (1 - rho) * (1 - A.fee_rate - A.commission_rate) + rho * A.resale_rate * cogsRate;
    const perOrder = (A.shipping_per_order + rho * A.return_shipping) / aov;
    const u = inflow - cogsRate - perOrder;
    const cap = c.capacityOrders * aov;
    pf.fill(0);
    of.fill(0);
    let a = c.carry0;
    let a0 = c.carry0;
    let profit = 0;
    for (let t = 1; t <= T; t++) {
      const paid = paidBase[t - 1]! * mc * Math.exp(sd * rng.normal() - (sd * sd) / 2);
      const ob = organicBase[t - 1]! * mo * Math.exp(sd * rng.normal() - (sd * sd) / 2);
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
    let cash = A.cash_available;
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
