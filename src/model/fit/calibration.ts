/**
 * Experiment results as likelihood rows on the Hill curve (docs/experiment.md "Calibration"):
 * a measured lift says Gp(spendBefore + Δspend) − Gp(spendBefore) = ΔGMV ± σ. Each row is a
 * residual on the money scale, weighed against the fit's own residual scale (`scale`, the log
 * sd the data rows are weighed at) so it counts as one observation of sd σ. Parameters are the
 * fits' (ln Gmax, κ = ln K, a) with Gp(S) = exp(ln Gmax − softplus(a·(κ − ln S))).
 */
import type { LiftObservation } from '../core';

export interface LiftRow {
  /** Observed − fitted ΔGMV. */
  r: number;
  /** Weight in the objective: (scale/σ)². */
  w: number;
  /** ∂(fitted ΔGMV)/∂(ln Gmax, κ, a). */
  j: [number, number, number];
}

/** The observations a fit can use: finite, σ > 0, both spends > 0 and different. */
export function usableLifts(obs: readonly LiftObservation[] | undefined): LiftObservation[] {
  return (obs ?? []).filter(
    (o) => [o.spendBefore, o.deltaSpend, o.deltaGmv, o.sigma].every(Number.isFinite) && o.sigma > 0 && o.spendBefore > 0 && o.spendBefore + o.deltaSpend > 0 && o.deltaSpend !== 0,
  );
}

function gpAndGrad(lnGmax: number, kap: number, a: number, s: number): [number, number, number, number] {
  const x = Math.log(s);
  const z = a * (kap - x);
  const sp = (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
  const e = Math.exp(-Math.abs(z));
  const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
  const gp = Math.exp(lnGmax - sp);
  return [gp, gp, -gp * a * sig, -gp * (kap - x) * sig];
}

export function liftRows(obs: readonly LiftObservation[], lnGmax: number, kap: number, a: number, scale: number): LiftRow[] {
  return obs.map((o) => {
    const [g0, d0g, d0k, d0a] = gpAndGrad(lnGmax, kap, a, o.spendBefore);
    const [g1, d1g, d1k, d1a] = gpAndGrad(lnGmax, kap, a, o.spendBefore + o.deltaSpend);
    return { r: o.deltaGmv - (g1 - g0), w: (scale / o.sigma) ** 2, j: [d1g - d0g, d1k - d0k, d1a - d0a] };
  });
}
