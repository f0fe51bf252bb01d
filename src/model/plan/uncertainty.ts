/**
 * What the Monte Carlo draws around a plan (docs/model.md): the spread of each uncertain input, set
 * once per scenario from the fit and the baseline.
 */
import type { Curve } from '../transforms';
import type { BaselineMetrics, LiftEstimate } from '../fit';

export interface Uncertainty {
  /** Log-sd of the paid curve's level. */
  curveSd: number;
  /** Log-sd of day-to-day noise on paid and organic GMV. */
  dailyNoise: number;
  /** Beta concentration around ρ (≈ effective number of orders behind the refund rate); 0 = ρ fixed. */
  refundKappa: number;
  /** Log-sd of AOV. */
  aovSd: number;
  /** Log-sd of the organic level (organic CVR). */
  organicSd: number;
  /** Standard error of λ (0 = λ fixed). */
  lambdaSe: number;
}

/** Floor of a fitted curve's level sd: a fit never knows its level better than ±10 % (log). */
export const MIN_FITTED_CURVE_SD = 0.1;
/** Residual sd assumed when a fit reports none. */
export const DEFAULT_RESIDUAL_SD = 0.3;
/** Level sd of an assumed (not fitted) curve: a guess is uncertain by about ±50 % (log). */
export const ASSUMED_CURVE_SD = 0.5;
/** Beta concentration of the refund rate: the orders behind it, within these bounds; a default ρ gets the fallback. */
export const REFUND_KAPPA_MIN = 20;
export const REFUND_KAPPA_MAX = 500;
export const REFUND_KAPPA_DEFAULT = 50;
/** Log-sd of AOV over a plan. */
export const AOV_SD = 0.05;
/** Floor of the organic level's sd. */
export const MIN_ORGANIC_SD = 0.05;

/** The uncertainty of one scenario's plan from its curve, the baseline and the lift estimate. */
export function uncertaintyOf(
  curve: Curve,
  baseline: BaselineMetrics,
  lift: LiftEstimate,
  given: { curveUncertainty: number | null; dailyNoise: number; liftLambdaGiven: boolean },
): Uncertainty {
  const fitted = curve.model !== 'assumed';
  return {
    curveSd:
      given.curveUncertainty ??
      (fitted ? Math.max(MIN_FITTED_CURVE_SD, (curve.residualSd ?? DEFAULT_RESIDUAL_SD) / Math.sqrt(Math.max(1, curve.n))) : ASSUMED_CURVE_SD),
    dailyNoise: given.dailyNoise,
    refundKappa: baseline.refundRate !== null ? Math.min(REFUND_KAPPA_MAX, Math.max(REFUND_KAPPA_MIN, baseline.orders)) : REFUND_KAPPA_DEFAULT,
    aovSd: AOV_SD,
    // Without views CVR's variation is unknown: the organic GMV's own day-to-day variation stands in.
    organicSd: Math.max(MIN_ORGANIC_SD, (baseline.cvrCv ?? baseline.organicGmvCv) / Math.sqrt(baseline.days)),
    lambdaSe: !given.liftLambdaGiven && lift.identified ? (lift.lambdaSe ?? 0) : 0,
  };
}
