/**
 * Power of a two-arm time-based test on one room (docs/experiment.md "Power"):
 *
 *   days per arm = 2 · (z_{1−α/2} + z_{power})² · CV² · (1+ρ)/(1−ρ) / lift²
 *
 * CV is the room's daily residual noise (log scale ≈ coefficient of variation), ρ its lag-1
 * autocorrelation, lift the GMV difference between the arms as a share of room GMV. With few
 * blocks the test uses a t critical value on contrastDf(blocks) degrees of freedom; `designDays`
 * iterates the formula with it so the promised power holds for the test actually run.
 */
import { normalCdf, normalQuantile, tQuantile } from './student-t';

export const ALPHA = 0.05;
export const POWER = 0.8;

/** (1+ρ)/(1−ρ), ρ clamped to [0, 0.9]: negative autocorrelation is not counted as a gift. */
export function arInflation(rho: number): number {
  const r = Math.min(0.9, Math.max(0, Number.isFinite(rho) ? rho : 0));
  return (1 + r) / (1 - r);
}

/** The multiplier (z_{1−α/2} + z_power); 2.80 at 5 % / 80 %. */
export function zSum(critical = normalQuantile(1 - ALPHA / 2), power = POWER): number {
  return critical + normalQuantile(power);
}

/** Effective days per arm to detect `lift` (fraction) at the given critical value. */
export function daysPerArm(cv: number, rho: number, lift: number, critical?: number): number {
  return (2 * zSum(critical) ** 2 * cv * cv * arInflation(rho)) / (lift * lift);
}

/** The lift detectable with `n` effective days per arm. */
export function detectableLift(cv: number, rho: number, n: number, critical?: number): number {
  return Math.sqrt((2 * zSum(critical) ** 2 * cv * cv * arInflation(rho)) / n);
}

/** Standard error of the arm difference (as a share of GMV) with n effective days per arm. */
export function differenceSe(cv: number, rho: number, n: number): number {
  return Math.sqrt((2 * cv * cv * arInflation(rho)) / n);
}

/**
 * Degrees of freedom of a contrast read from `blocks` blocks: blocks − 3 (two level means and the
 * trend/weekday terms the blocks also carry; blocks − 2 left one-step tests' 90 % intervals at 84 %).
 */
export function contrastDf(blocks: number): number {
  return Math.max(1, blocks - 3);
}

/** The two-sided critical value for a test with `blocks` blocks. */
export function criticalFor(blocks: number): number {
  return tQuantile(1 - ALPHA / 2, contrastDf(blocks));
}

/**
 * Power of the two-sided t test on ν df when the true effect is `ncp` standard errors: the
 * normal approximation of the noncentral t, Φ((ncp − c·(1 − 1/4ν)) / √(1 + c²/2ν)), c the
 * critical value (it accounts for the standard error being estimated from few blocks).
 */
export function tTestPower(ncp: number, df: number): number {
  const c = tQuantile(1 - ALPHA / 2, df);
  return normalCdf((Math.abs(ncp) - c * (1 - 1 / (4 * df))) / Math.sqrt(1 + (c * c) / (2 * df)));
}

/** The effect, in standard errors, that the t test on ν df detects with probability POWER. */
export function ncpFor(df: number): number {
  const c = tQuantile(1 - ALPHA / 2, df);
  return c * (1 - 1 / (4 * df)) + normalQuantile(POWER) * Math.sqrt(1 + (c * c) / (2 * df));
}
