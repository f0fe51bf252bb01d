/**
 * Back-test (docs/model.md, 复盘 "how much to trust the plan"): refit on the history up to a
 * cut-off, forecast the next 7 days at the spend actually spent, and compare with what happened —
 * against a naive rule a merchant would use (last-14-day ROI × spend + last-14-day organic GMV;
 * on whole-room accounts 整体ROI × spend). Origins every 7 days over the last 28 when the history
 * allows. Errors are on daily total GMV (what the plan table shows), MAPE and bias as fractions.
 */
import { text, type Text } from '../../i18n/text';
import type { Scenario } from '../settings';
import { forecasterOf, forecastScenario } from './backtest-forecast';
import { maxOf, minOf } from '../numeric';
import { AdplanError } from '../core';
import { eventHandlingOf, treatDays } from '../events';
import type { DayRecord, History, IsoDate } from '../core';

/** Held-out block after each origin, and how far back origins go. */
export const BACKTEST_STEP = 7;
export const BACKTEST_ORIGINS = 4;
/** Fewest history days a fit is refitted on. */
export const BACKTEST_MIN_TRAIN = 21;
/** Grade bounds on MAPE. */
export const GOOD_MAPE = 0.15;
export const USABLE_MAPE = 0.3;

export type BacktestGrade = 'good' | 'usable' | 'weak';
export type WeakReason = 'few-days' | 'flat-spend' | 'regime-change' | 'large-error' | 'no-model';

export interface BacktestOrigin {
  /** Last history day the model was fitted on. */
  cutoff: IsoDate;
  days: number;
  mape: number;
  bias: number;
  naiveMape: number;
}

export interface BacktestReport {
  /** Mean absolute percentage error of daily total GMV over all held-out days; null when no origin. */
  mape: number | null;
  /** Σ(forecast − actual) / Σ actual: > 0 the model over-forecasts. */
  bias: number | null;
  naiveMape: number | null;
  /** MAPE of paid GMV (direct accounts, days with spend); null on whole-room accounts. */
  paidMape: number | null;
  grade: BacktestGrade;
  reasons: WeakReason[];
  origins: BacktestOrigin[];
  verdict: Text;
  /** Held-out days left out of the scores (event, pause and stock-out days the fits treat apart); absent when none. */
  excludedDays?: number;
}

interface Errors {
  absPct: number;
  n: number;
  diff: number;
  actual: number;
}

const none = (): Errors => ({ absPct: 0, n: 0, diff: 0, actual: 0 });

function add(e: Errors, forecast: number, actual: number): void {
  if (!(actual > 0)) return;
  e.absPct += Math.abs(forecast - actual) / actual;
  e.n++;
  e.diff += forecast - actual;
  e.actual += actual;
}

/** The naive rule from the last 14 training days: ROI × spend + organic per day. */
export function naiveRule(train: readonly DayRecord[]): (spend: number) => number {
  const w = train.slice(-14);
  const spend = w.reduce((t, d) => t + d.spend, 0);
  const split = w.every((d) => d.organicGmv !== null);
  if (split) {
    const paid = w.reduce((t, d) => t + (d.paidGmv ?? 0), 0);
    const organic = w.reduce((t, d) => t + (d.organicGmv ?? 0), 0) / Math.max(1, w.length);
    const roi = spend > 0 ? paid / spend : 0;
    return (s) => roi * s + organic;
  }
  // Whole room: 整体ROI × spend, the rule merchants set targets with.
  const gmv = w.reduce((t, d) => t + d.gmv, 0);
  const roomRoi = spend > 0 ? gmv / spend : 0;
  const mean = gmv / Math.max(1, w.length);
  return (s) => (roomRoi > 0 && s > 0 ? roomRoi * s : mean);
}

/** Spend barely moved over the paid days (max/min < 1.5): the curve's shape was never tested. */
function flatSpend(days: readonly DayRecord[]): boolean {
  const paid = days.filter((d) => d.spend > 0).map((d) => d.spend);
  if (paid.length < 2) return false;
  return maxOf(paid) < 1.5 * minOf(paid);
}

const pct = (x: number): string => `±${Math.round(x * 100)}%`;

function verdictOf(r: Omit<BacktestReport, 'verdict'>): Text {
  if (r.mape === null || r.naiveMape === null) {
    const why = r.reasons.includes('no-model')
      ? text('no model could be fitted on the earlier days', '较早的数据不足以建立模型')
      : text(`fewer than ${BACKTEST_MIN_TRAIN + BACKTEST_STEP} days of history`, `历史不足 ${BACKTEST_MIN_TRAIN + BACKTEST_STEP} 天`);
    return text(`Back-test not possible: ${why['en-US']}. Treat the plan's numbers as unchecked.`, `无法回测：${why['zh-CN']}。计划中的数字尚未经过检验。`);
  }
  const grade = { good: ['good', '好'], usable: ['usable', '可用'], weak: ['weak', '弱'] }[r.grade];
  const reasons: Record<WeakReason, [string, string]> = {
    'few-days': ['few days held out', '可回测的天数少'],
    'flat-spend': ['spend barely varied, so the curve away from today’s spend is untested', '消耗几乎没有变化，偏离当前消耗时的曲线未经检验'],
    'regime-change': ['the latest week missed far more than earlier ones (something changed)', '最近一周的误差远大于之前（情况有变）'],
    'large-error': ['the error is large', '误差较大'],
    'no-model': ['no model', '无模型'],
  };
  const why = r.reasons.map((x) => reasons[x]);
  const en = `Forecast error on your own history ${pct(r.mape)} (naive rule ${pct(r.naiveMape)}), ${r.origins.length} week(s) held out — forecasts at spends already seen: ${grade[0]}${why.length ? ` (${why.map((w) => w[0]).join('; ')})` : ''}.`;
  const zh = `模型在你的历史上的预测误差 ${pct(r.mape)}（朴素方法 ${pct(r.naiveMape)}），回测 ${r.origins.length} 周——在已花过的消耗水平上的预测：${grade[1]}${why.length ? `（${why.map((w) => w[1]).join('；')}）` : ''}。`;
  return text(en, zh);
}

/**
 * Back-test of the model the plan uses, under scenario `s` (null: the Base preset). Never throws
 * for a short or unfit history: the report says why it could not test.
 */
export function backtest(history: History, s: Scenario | null): BacktestReport {
  const scenario = forecastScenario(s);
  const days = history.days;
  // The fits' day treatment: days they leave out or model apart are not scored against a normal-day forecast.
  const tr = treatDays(history, eventHandlingOf(s?.values.event_handling));
  const apart = new Set(days.filter((_, i) => tr.weight[i] === 0 || tr.group[i]! >= 0).map((d) => d.date));
  let excludedDays = 0;
  const n = days.length;
  const total = none();
  const naive = none();
  const paid = none();
  const origins: BacktestOrigin[] = [];
  let noModel = false;
  for (let k = BACKTEST_ORIGINS; k >= 1; k--) {
    const cut = n - k * BACKTEST_STEP;
    if (cut < BACKTEST_MIN_TRAIN) continue;
    const train = days.slice(0, cut);
    const test = days.slice(cut, cut + BACKTEST_STEP);
    const spend = test.map((d) => d.spend);
    // Held-out days without spend never read the curve: a stand-in lets an organic-only merchant be tested.
    const s0 = spend.every((x) => x === 0) ? { ...scenario, values: { paid_roi_initial: 1, saturation_spend: 1, ...scenario.values } } : scenario;
    let forecast;
    try {
      forecast = forecasterOf({ ...history, days: train }, s0, BACKTEST_STEP).forecast(spend);
    } catch (e) {
      if (!(e instanceof AdplanError)) throw e;
      noModel = true;
      continue;
    }
    const rule = naiveRule(train);
    const o = none();
    const on = none();
    test.forEach((d, i) => {
      if (apart.has(d.date)) {
        excludedDays++;
        return;
      }
      add(o, forecast.total[i]!, d.gmv);
      add(total, forecast.total[i]!, d.gmv);
      add(on, rule(d.spend), d.gmv);
      add(naive, rule(d.spend), d.gmv);
      if (d.spend > 0 && d.paidGmv !== null) add(paid, forecast.incremental[i]!, d.paidGmv);
    });
    if (o.n > 0) {
      origins.push({ cutoff: train[train.length - 1]!.date, days: o.n, mape: o.absPct / o.n, bias: o.diff / o.actual, naiveMape: on.absPct / on.n });
    }
  }
  const mape = total.n > 0 ? total.absPct / total.n : null;
  const reasons: WeakReason[] = [];
  if (origins.length === 0 && noModel) reasons.push('no-model');
  if (origins.length < 2) reasons.push('few-days');
  if (flatSpend(days)) reasons.push('flat-spend');
  if (origins.length >= 2) {
    const last = origins[origins.length - 1]!;
    const earlier = origins.slice(0, -1).reduce((t, o) => t + o.mape, 0) / (origins.length - 1);
    if (Math.abs(last.bias) > Math.max(GOOD_MAPE, 2 * earlier)) reasons.push('regime-change');
  }
  if (mape !== null && mape > USABLE_MAPE) reasons.push('large-error');
  const naiveMape = naive.n > 0 ? naive.absPct / naive.n : null;
  const grade: BacktestGrade =
    mape === null || reasons.length > 0 ? 'weak' : mape <= GOOD_MAPE && (naiveMape === null || mape <= naiveMape) ? 'good' : 'usable';
  const r = {
    mape,
    bias: total.actual > 0 ? total.diff / total.actual : null,
    naiveMape,
    paidMape: paid.n > 0 ? paid.absPct / paid.n : null,
    grade,
    reasons,
    origins,
  };
  return { ...r, verdict: verdictOf(r), ...(excludedDays > 0 ? { excludedDays } : {}) };
}
