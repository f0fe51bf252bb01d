/**
 * The plan's P10–P90 band for GMV summed over a review period (docs/model.md uncertainty, applied to
 * GMV instead of profit): one curve-level draw and one organic-level draw per run, independent
 * daily noise on paid and organic GMV. Seeded, so the same review prints the same band.
 */
import { Rng } from '../numeric';
import { quantile, type Uncertainty } from '../simulate';

export const BAND_RUNS = 400;
export const BAND_SEED = 1;

export interface Band {
  p10: number;
  p90: number;
}

/**
 * Bands for each period (`periods[i]` = day indices into `paid`/`organic`) of GMV = paid·curve·noise
 * + organic·level·noise.
 */
export function gmvBands(paid: ArrayLike<number>, organic: ArrayLike<number>, periods: readonly (readonly number[])[], u: Uncertainty): Band[] {
  const rng = new Rng(BAND_SEED);
  const n = paid.length;
  const day = new Float64Array(n);
  const sums = periods.map(() => new Float64Array(BAND_RUNS));
  for (let r = 0; r < BAND_RUNS; r++) {
    const curve = Math.exp(u.curveSd * rng.normal());
    const level = Math.exp(u.organicSd * rng.normal());
    for (let t = 0; t < n; t++) {
      day[t] = paid[t]! * curve * Math.exp(u.dailyNoise * rng.normal()) + organic[t]! * level * Math.exp(u.dailyNoise * rng.normal());
    }
    periods.forEach((idx, p) => {
      let s = 0;
      for (const t of idx) s += day[t]!;
      sums[p]![r] = s;
    });
  }
  return sums.map((x) => {
    x.sort();
    return { p10: quantile(x, 0.1) ?? 0, p90: quantile(x, 0.9) ?? 0 };
  });
}
