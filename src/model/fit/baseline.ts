/**
 * The organic baseline (docs/model.md): ratio-of-sums metrics over the baseline window, CVR
 * stability, trend and weekday factors.
 */
import { text } from '../../i18n/text';
import { dayIndex, weekdayOf } from '../core';
import { AdplanError } from '../core';
import type { DayRecord, History, IsoDate } from '../core';

export interface BaselineMetrics {
  /** |W|: valid days in the window. */
  days: number;
  /** Valid days in the whole history (readiness judges the history, not just the window). */
  historyDays: number;
  from: IsoDate;
  to: IsoDate;
  organicViews: number;
  /** Organic orders / organic views; null when the export has no views (unknown, not 0). */
  cvr: number | null;
  /** Σ gmv / Σ orders; 0 when the window has no orders. */
  aov: number;
  /** GMV per 1,000 organic views; null without views. */
  gpm: number | null;
  /** null when the export has no refunds. */
  refundRate: number | null;
  organicGmvPerDay: number;
  organicOrdersPerDay: number;
  /** Σ orders (organic and paid) in the window. */
  orders: number;
  /** Day-to-day variation of CVR; null without views. */
  cvrCv: number | null;
  /**
   * Day-to-day variation of organic GMV once weekday and trend are taken out (sd / mean of the
   * residual): the stability readiness judges when views, and so CVR, are unknown.
   */
  organicGmvCv: number;
  /** Relative organic growth per day (on a fitted whole room: the fit's, not the split's). */
  trend: number;
  /** By JS weekday, 0 = Sunday … 6 = Saturday; all 1 when |W| < 28. */
  weekdayFactors: number[];
}

/** Days the engine can use for organic metrics: the organic/paid split is known. */
export function validDays(history: History): DayRecord[] {
  return history.days.filter((d) => d.organicGmv !== null && d.organicOrders !== null);
}


function noDays(): AdplanError {
  return new AdplanError(
    'input',
    text(
      'The history has no usable days (every day is missing its organic/paid split or the table is empty).',
      '历史数据中没有可用的天（表为空，或每一天都无法区分自然与付费成交）。',
    ),
    'history',
  );
}

/**
 * Metrics over the last `windowDays` valid days (all if fewer). CVR and GPM use only days whose
 * organic views are known, numerator and denominator alike.
 */
export function computeBaseline(history: History, windowDays = 28): BaselineMetrics {
  if (!(windowDays >= 1) || !Number.isFinite(windowDays)) {
    throw new AdplanError(
      'input',
      text(`window_days must be a whole number ≥ 1, got ${String(windowDays)}.`, `window_days 应为不小于 1 的整数，实际为 ${String(windowDays)}。`),
      'window_days',
    );
  }
  const valid = validDays(history);
  const w = valid.slice(Math.max(0, valid.length - Math.floor(windowDays)));
  const first = w[0];
  const last = w[w.length - 1];
  if (!first || !last) throw noDays();
  const n = w.length;

  let views = 0;
  let ordersOnViewDays = 0;
  let gmvOnViewDays = 0;
  let gmv = 0;
  let orders = 0;
  let organicGmv = 0;
  let organicOrders = 0;
  let refunds = 0;
  let gmvWithRefunds = 0;
  let refundDays = 0;
  const dailyCvr: number[] = [];
  const trend = relativeTrend(w);
  const factors = weekdayFactors(w);
  for (const d of w) {
    const og = d.organicGmv ?? 0;
    const oo = d.organicOrders ?? 0;
    gmv += d.gmv;
    orders += d.orders;
    organicGmv += og;
    organicOrders += oo;
    if (d.organicViews !== null) {
      views += d.organicViews;
      ordersOnViewDays += oo;
      gmvOnViewDays += og;
      if (d.organicViews > 0) dailyCvr.push(oo / d.organicViews);
    }
    if (d.refundAmount !== null) {
      refunds += d.refundAmount;
      gmvWithRefunds += d.gmv;
      refundDays++;
    }
  }

  return {
    days: n,
    historyDays: valid.length,
    from: first.date,
    to: last.date,
    organicViews: views,
    cvr: views > 0 ? ordersOnViewDays / views : null,
    aov: orders > 0 ? gmv / orders : 0,
    gpm: views > 0 ? (1000 * gmvOnViewDays) / views : null,
    refundRate: refundDays > 0 && gmvWithRefunds > 0 ? refunds / gmvWithRefunds : null,
    organicGmvPerDay: organicGmv / n,
    organicOrdersPerDay: organicOrders / n,
    orders,
    cvrCv: views > 0 ? coefficientOfVariation(dailyCvr) : null,
    organicGmvCv: residualCv(w, trend, factors),
    trend,
    weekdayFactors: factors,
  };
}

/**
 * sd / mean of daily organic GMV after dividing out the weekday factor and the linear trend:
 * what is left is the room's own noise, not its weekly rhythm or its growth.
 */
function residualCv(w: readonly DayRecord[], trend: number, factors: readonly number[]): number {
  const n = w.length;
  if (n < 2) return 0;
  const x0 = dayIndex(w[0]!.date);
  const mid = (dayIndex(w[n - 1]!.date) - x0) / 2;
  const adjusted = w.map((d) => (d.organicGmv ?? 0) / ((factors[weekdayOf(d.date)] ?? 1) * Math.max(0.05, 1 + trend * (dayIndex(d.date) - x0 - mid))));
  return coefficientOfVariation(adjusted);
}

/** Sample sd / mean; 0 with fewer than two values or a zero mean. */
export function coefficientOfVariation(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  if (!(mean > 0)) return 0;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return Math.sqrt(ss / (n - 1)) / mean;
}

/** OLS slope of organic GMV on the calendar day index, divided by mean organic GMV (per day). */
function relativeTrend(w: readonly DayRecord[]): number {
  const n = w.length;
  if (n < 2) return 0;
  const x0 = dayIndex(w[0]!.date);
  let sx = 0;
  let sy = 0;
  for (const d of w) {
    sx += dayIndex(d.date) - x0;
    sy += d.organicGmv ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const d of w) {
    const dx = dayIndex(d.date) - x0 - mx;
    sxy += dx * ((d.organicGmv ?? 0) - my);
    sxx += dx * dx;
  }
  if (!(sxx > 0) || !(my > 0)) return 0;
  return sxy / sxx / my;
}

/** Mean organic GMV per weekday / overall mean, when the window holds ≥ 28 days. */
function weekdayFactors(w: readonly DayRecord[]): number[] {
  const ones = [1, 1, 1, 1, 1, 1, 1];
  if (w.length < 28) return ones;
  const sum = [0, 0, 0, 0, 0, 0, 0];
  const cnt = [0, 0, 0, 0, 0, 0, 0];
  let total = 0;
  for (const d of w) {
    const k = weekdayOf(d.date);
    sum[k]! += d.organicGmv ?? 0;
    cnt[k]!++;
    total += d.organicGmv ?? 0;
  }
  const mean = total / w.length;
  if (!(mean > 0)) return ones;
  return sum.map((s, k) => (cnt[k]! > 0 ? s / cnt[k]! / mean : 1));
}
