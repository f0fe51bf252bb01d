/**
 * Organic lift from paid traffic (docs/model.md, 付费撬动自然流):
 *   A_t = θ·A_{t−1} + Gp_t ;  organic_gmv_t = base_t + λ·A_t ;  leverage L = λ/(1−θ).
 * θ on a grid, λ ≥ 0 by least squares with base_t = weekday_t·(μ + τ·t) (a level and a trend, so
 * organic growth that happens to coincide with paid spend is not read as lift). An estimate from
 * co-movement, not proven causality.
 */
import { text, type Text } from '../../i18n/text';
import type { History } from '../core';
import { dayIndex, weekdayOf } from '../core';
import { ols } from '../numeric';

export const THETA_GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** λ must exceed this many standard errors to count as identified. */
export const LIFT_MIN_T = 2.5;
export const LIFT_MIN_PAID_DAYS = 7;

export interface LiftEstimate {
  lambda: number;
  theta: number;
  identified: boolean;
  /** Standard error of λ at the chosen θ; null when not estimated. */
  lambdaSe: number | null;
  leverage: number;
  note: Text;
}

const CAVEAT_EN = 'An estimate from how organic GMV moved with paid GMV, not proven causality.';
const CAVEAT_ZH = '这是根据自然成交随付费成交的共同变化估计的，并非已证实的因果关系。';

/** A_t over the history for a given θ (paid GMV missing counts as 0). */
export function carrySeries(history: History, theta: number): Float64Array {
  const a = new Float64Array(history.days.length);
  let carry = 0;
  history.days.forEach((d, i) => {
    carry = theta * carry + (d.paidGmv ?? 0);
    a[i] = carry;
  });
  return a;
}

export function leverageOf(lambda: number, theta: number): number {
  return theta < 1 ? lambda / (1 - theta) : 0;
}

/** No lift (λ = 0), with the reason said in `note`. */
export function noLift(note: Text): LiftEstimate {
  return { lambda: 0, theta: 0, identified: false, lambdaSe: null, leverage: 0, note };
}

function notIdentified(why: Text): LiftEstimate {
  return noLift(
    text(
      `Organic lift not identified (${why['en-US']}): scenarios that do not set lift_lambda plan with λ = 0. ${CAVEAT_EN}`,
      `未能识别付费对自然流的撬动（${why['zh-CN']}）：假设表未填写撬动系数的方案按没有撬动规划。${CAVEAT_ZH}`,
    ),
  );
}

export function estimateLift(history: History, weekdayFactors: readonly number[]): LiftEstimate {
  const rows: number[] = [];
  history.days.forEach((d, i) => {
    if (d.organicGmv !== null) rows.push(i);
  });
  const paidDays = history.days.filter((d) => d.spend > 0).length;
  if (paidDays < LIFT_MIN_PAID_DAYS || rows.length < 14) {
    return notIdentified(
      text(
        `${paidDays} paid days and ${rows.length} usable days; need ≥ ${LIFT_MIN_PAID_DAYS} and ≥ 14`,
        `${paidDays} 个投放日、${rows.length} 个可用日；至少需要 ${LIFT_MIN_PAID_DAYS} 个和 14 个`,
      ),
    );
  }
  const n = rows.length;
  const y = new Float64Array(n);
  const level = new Float64Array(n);
  const trend = new Float64Array(n);
  const t0 = dayIndex(history.days[rows[0]!]!.date);
  const tMid = (dayIndex(history.days[rows[n - 1]!]!.date) - t0) / 2;
  rows.forEach((i, r) => {
    const d = history.days[i]!;
    const w = weekdayFactors[weekdayOf(d.date)] ?? 1;
    y[r] = d.organicGmv ?? 0;
    level[r] = w;
    trend[r] = w * (dayIndex(d.date) - t0 - tMid);
  });

  let best: { theta: number; lambda: number; se: number; sse: number } | null = null;
  for (const theta of THETA_GRID) {
    const a = carrySeries(history, theta);
    const col = new Float64Array(n);
    rows.forEach((i, r) => {
      col[r] = a[i]!;
    });
    const fit = ols([level, trend, col], y);
    if (!fit) continue;
    let lambda = fit.coef[2]!;
    let se = fit.se[2]!;
    let sse = fit.sse;
    if (!(lambda > 0)) {
      // λ ≥ 0: the constrained optimum sits on the boundary.
      const base = ols([level, trend], y);
      if (!base) continue;
      lambda = 0;
      se = fit.se[2]!;
      sse = base.sse;
    }
    if (!best || sse < best.sse - 1e-9 * Math.max(1, best.sse)) best = { theta, lambda, se, sse };
  }
  if (!best) return notIdentified(text('paid and organic GMV cannot be separated', '无法区分付费与自然成交'));
  const tStat = best.se > 0 && Number.isFinite(best.se) ? best.lambda / best.se : 0;
  if (!(best.lambda > 0) || !(tStat >= LIFT_MIN_T)) {
    return notIdentified(
      text(
        `λ is not clearly above 0: estimate ${best.lambda.toFixed(3)}, ${tStat.toFixed(1)} standard errors; need ≥ ${LIFT_MIN_T}`,
        `撬动系数不显著大于 0：估计值 ${best.lambda.toFixed(3)}，仅 ${tStat.toFixed(1)} 个标准误；需要 ≥ ${LIFT_MIN_T}`,
      ),
    );
  }
  return {
    lambda: best.lambda,
    theta: best.theta,
    identified: true,
    lambdaSe: best.se,
    leverage: leverageOf(best.lambda, best.theta),
    note: text(
      `Estimated organic lift: each yuan of paid GMV brings ${leverageOf(best.lambda, best.theta).toFixed(2)} yuan of organic GMV over time (λ = ${best.lambda.toFixed(3)}, θ = ${best.theta}). ${CAVEAT_EN}`,
      `估计的自然流撬动：每 1 元付费成交随后带来 ${leverageOf(best.lambda, best.theta).toFixed(2)} 元自然成交。${CAVEAT_ZH}`,
    ),
  };
}
