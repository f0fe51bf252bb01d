/**
 * A seeded, pure generator of realistic merchants with known true parameters, so tests (and the
 * sample workbook) can check that the engine recovers them. Returns the History exactly as the
 * reader would produce it (docs/model.md): one record per calendar day, organic/paid split filled.
 */
import type { DayRecord, History, IsoDate } from '../model/core';
import { addDays, weekdayOf } from '../model/core';

export { addDays };
import { Rng } from '../model/numeric';

/** True paid-response curve: Gp(S) = gmax·S^a / (S^a + k^a) (docs/model.md). */
export interface HillTruth {
  gmax: number;
  k: number;
  a: number;
}

/**
 * How daily spend moves once the merchant pays for traffic, inside [low, high] × the curve's k:
 * - `sweep`: a budget test — log spend climbs from low to high and back down (a triangle over the
 *   paid days) plus day-to-day noise of `stepSd`, so the whole band is covered;
 * - `walk`: a random walk in log space with steps of `stepSd`, reflected at the band's edges
 *   (a merchant adjusting budgets by feel; may not cover the band).
 */
export interface SpendScheduleTruth {
  pattern: 'sweep' | 'walk';
  /** First day index (0-based) with paid spend; before it the merchant is organic only. */
  startDay: number;
  /** Spend range as multiples of the true k. */
  lowMultiple: number;
  highMultiple: number;
  /** Daily step sd of log spend. */
  stepSd: number;
  /** Probability a paid day has no spend (campaign paused). */
  pauseProbability: number;
}

export interface MerchantTruth {
  seed: number;
  /** Number of calendar days of history. */
  days: number;
  startDate: IsoDate;
  /** Mean organic live-room views per day (before weekday factor and noise). */
  organicViewsPerDay: number;
  /** Organic conversion: orders / organic views. */
  organicCvr: number;
  aov: number;
  /** Refunded share of GMV. */
  refundRate: number;
  /** Multiplicative organic factors by JS weekday (0 = Sunday … 6 = Saturday). */
  weekday: readonly number[];
  /** Log-sd of daily organic views (market noise). */
  organicNoise: number;
  /** Relative organic growth per day (0 = flat). */
  organicTrend: number;
  curve: HillTruth;
  /** Log-sd of daily paid GMV around the true curve (median-unbiased). */
  paidNoise: number;
  /** null: the merchant never paid for traffic. */
  spend: SpendScheduleTruth | null;
  /** Paid live-room views per yuan of spend. */
  paidViewsPerYuan: number;
  /** Organic lift from paid traffic (docs/model.md): A_t = θA_{t−1} + Gp_t, organic += λ·A_t. */
  lift: { lambda: number; theta: number };
  /** The world changes from a day on (review tests, docs/model.md); absent: it never does. */
  change?: WorldChange;
}

/**
 * "The world changes after D": from day index `fromDay` on, organic demand and the paid curve's
 * level are multiplied by their factors, and the merchant spends `spend` (index 0 = fromDay;
 * past its end, the schedule's spend). Days before `fromDay` are identical to the unchanged merchant
 * of the same seed and length (the random stream is drawn in the same order).
 */
export interface WorldChange {
  fromDay: number;
  organicFactor?: number;
  curveFactor?: number;
  spend?: readonly number[];
}

export const DEFAULT_TRUTH: Omit<MerchantTruth, 'seed'> = {
  days: 90,
  startDate: '2024-03-01',
  organicViewsPerDay: 6000,
  organicCvr: 0.012,
  aov: 120,
  refundRate: 0.2,
  // Live commerce peaks at weekends; averages to 1 over the week.
  weekday: [1.15, 0.92, 0.9, 0.93, 0.97, 1.03, 1.1],
  organicNoise: 0.1,
  organicTrend: 0,
  curve: { gmax: 12000, k: 1500, a: 1 },
  paidNoise: 0.15,
  spend: { pattern: 'sweep', startDay: 30, lowMultiple: 0.25, highMultiple: 4, stepSd: 0.15, pauseProbability: 0 },
  paidViewsPerYuan: 2.5,
  lift: { lambda: 0, theta: 0 },
};

export function hill(s: number, c: HillTruth): number {
  if (!(s > 0)) return 0;
  const sa = Math.pow(s, c.a);
  return (c.gmax * sa) / (sa + Math.pow(c.k, c.a));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clean6 = (x: number): number => Math.round(x * 1e6) / 1e6 || 0;

/** Normal approximation of a Poisson count (λ is tens to hundreds here); never negative. */
function count(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
}


/** The spend path inside the band (see SpendScheduleTruth). */
function spendPath(rng: Rng, truth: MerchantTruth): number[] {
  const out = new Array<number>(truth.days).fill(0);
  const sch = truth.spend;
  if (!sch) return out;
  const lo = Math.log(truth.curve.k * sch.lowMultiple);
  const hi = Math.log(truth.curve.k * sch.highMultiple);
  const start = Math.max(0, sch.startDay);
  const span = Math.max(1, truth.days - 1 - start);
  let x = lo + (hi - lo) * rng.uniform();
  for (let t = start; t < truth.days; t++) {
    if (sch.pattern === 'sweep') {
      const phase = (t - start) / span; // 0 → 1 over the paid days
      const tri = phase <= 0.5 ? 2 * phase : 2 - 2 * phase;
      x = lo + (hi - lo) * tri + sch.stepSd * rng.normal();
    } else {
      x += sch.stepSd * rng.normal();
    }
    // Reflect (repeatedly, for large steps) into [lo, hi].
    for (let i = 0; i < 8 && (x < lo || x > hi); i++) x = x < lo ? 2 * lo - x : 2 * hi - x;
    x = Math.min(hi, Math.max(lo, x));
    if (rng.uniform() < sch.pauseProbability) continue;
    out[t] = round2(Math.exp(x));
  }
  return out;
}

/**
 * A merchant from a seed. Same seed and overrides ⇒ the same merchant, on every machine.
 * Paid noise is median-unbiased (Gp·e^{σz}), so a log-space fit recovers the true curve.
 */
export function generateMerchant(
  seed: number,
  overrides: Partial<MerchantTruth> = {},
): { truth: MerchantTruth; history: History } {
  const truth: MerchantTruth = { ...DEFAULT_TRUTH, ...overrides, seed };
  const rng = new Rng(seed);
  const spends = spendPath(rng, truth);
  const change = truth.change;
  change?.spend?.forEach((s, i) => {
    if (change.fromDay + i < spends.length) spends[change.fromDay + i] = round2(Math.max(0, s));
  });
  const days: DayRecord[] = [];
  let carry = 0;
  const startDow = weekdayOf(truth.startDate);
  for (let t = 0; t < truth.days; t++) {
    const date = addDays(truth.startDate, t);
    const dow = (startDow + t) % 7;
    const spend = spends[t] ?? 0;

    const changed = change !== undefined && t >= change.fromDay;
    const organicViews = Math.round(
      (changed ? (change.organicFactor ?? 1) : 1) *
        truth.organicViewsPerDay *
        (truth.weekday[dow] ?? 1) *
        Math.pow(1 + truth.organicTrend, t) *
        Math.exp(truth.organicNoise * rng.normal()),
    );
    const paidGmvTrue = spend > 0 ? (changed ? (change.curveFactor ?? 1) : 1) * hill(spend, truth.curve) * Math.exp(truth.paidNoise * rng.normal()) : 0;
    carry = truth.lift.theta * carry + paidGmvTrue;
    const liftOrders = (truth.lift.lambda * carry) / truth.aov;

    const organicOrders = count(rng, organicViews * truth.organicCvr + liftOrders);
    const organicGmv = organicOrders * truth.aov * Math.exp(0.05 * rng.normal());
    const paidOrders = spend > 0 ? Math.max(0, Math.round(paidGmvTrue / truth.aov)) : 0;
    const paidGmv = spend > 0 ? round2(paidGmvTrue) : 0;
    const paidViews = spend > 0 ? Math.round(spend * truth.paidViewsPerYuan * Math.exp(0.1 * rng.normal())) : 0;

    const orders = organicOrders + paidOrders;
    const gmv = round2(organicGmv + paidGmv);
    const refundShare = Math.min(0.95, Math.max(0, truth.refundRate * Math.exp(0.1 * rng.normal())));
    const views = organicViews + paidViews;
    days.push({
      date,
      views,
      organicViews,
      paidViews,
      orders,
      gmv,
      refundAmount: round2(gmv * refundShare),
      spend,
      paidGmv,
      paidOrders,
      // As the reader computes them: gmv − paid_gmv cleaned to 1e-6 (no 0.1 + 0.2 residue),
      // orders − paid_orders.
      organicGmv: clean6(gmv - paidGmv),
      organicOrders: orders - paidOrders,
      buyers: Math.round(orders * 0.93),
      impressions: Math.round(views * 6.5),
      clicks: Math.round(views * 0.28),
    });
  }
  return { truth, history: { days, viewsMeasure: 'count' } };
}
