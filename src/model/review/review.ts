/**
 * Review (复盘, docs/model.md): the plan made at a date — its scenario, the history before
 * `planStart`, recomputed — against the actual days from `planStart` on, per day and per week:
 * planned vs actual spend, GMV, profit and cash; the GMV gap split into
 *   spend    = forecast at the actual spend − plan         (the budget was executed differently)
 *   response = actual paid − curve at the actual spend      (paid traffic converted differently)
 *   organic  = actual organic − forecast organic            (the organic base moved)
 * which add up to actual − planned GMV; a verdict; and the plan refitted on the whole history.
 */
import { text, type Text } from '../../i18n/text';
import type { Scenario } from '../settings';
import { forecasterFromPlan } from './backtest-forecast';
import { addTradeFlows, addReceivables, balances, flowsLength } from '../plan';
import { dayIndex } from '../core';
import { analyse } from '../fit';
import { planScenario, type ScenarioPlan } from '../plan';
import { AdplanError, isAdplanError } from '../core';
import type { DayRecord, History, IsoDate } from '../core';
import { gmvBands } from './review-band';
import { planChanges, type PlanChange } from './review-changes';
import { splitObserved, splitWholeRoom, type DaySplit } from './review-split';
import { reviewVerdict, type ReviewVerdict } from './review-verdict';
import type { ReviewPeriod } from './types';
export type { ReviewPeriod } from './types';
import { checkAssumption } from '../economics';


export interface ReviewResult {
  /** First plan day. */
  since: IsoDate;
  scenario: string;
  /** Whether the response/organic split was observed (paid GMV exported) or estimated (whole-room). */
  split: 'observed' | 'estimated';
  /** Estimated splits only: whether the review days' spend varied enough to separate response from organic. */
  splitIdentified: boolean;
  days: ReviewPeriod[];
  weeks: ReviewPeriod[];
  total: ReviewPeriod;
  /** The model's P10–P90 of total GMV at the spend actually spent (the verdict's test). */
  forecastGmvP10: number;
  forecastGmvP90: number;
  verdict: ReviewVerdict;
  plan: ScenarioPlan;
  /** The plan refitted on the whole history; null when the refit cannot plan (a note says why). */
  replan: ScenarioPlan | null;
  changes: PlanChange[];
  notes: Text[];
}

function baselineDays(s: Scenario): number {
  const bd = s.values.baseline_days;
  return bd === undefined || bd === null ? 28 : checkAssumption('baseline_days', bd);
}

function inputError(en: string, zh: string): AdplanError {
  return new AdplanError('input', text(en, zh), 'plan_start');
}

/** Spend moved enough to separate response from organic: max/min ≥ 1.5 over spend days, or days with and without spend. */
function spendVaried(days: readonly DayRecord[]): boolean {
  const paid = days.filter((d) => d.spend > 0).map((d) => d.spend);
  if (paid.length === 0) return false;
  if (paid.length < days.length - 2) return true;
  return paid.reduce((a, b) => Math.max(a, b), 0) >= 1.5 * paid.reduce((a, b) => Math.min(a, b), Infinity);
}

/** One reviewed day before aggregation. */
interface Row extends DaySplit {
  t: number;
  actual: DayRecord;
  forecast: number;
}

export function review(history: History, scenario: Scenario, planStart: IsoDate): ReviewResult {
  const before = history.days.filter((d) => d.date < planStart);
  const after = history.days.filter((d) => d.date >= planStart);
  if (before.length === 0) {
    throw inputError(`No history before plan_start ${planStart}: there is nothing the plan could have been made from.`, `计划开始日 ${planStart} 之前没有历史数据:无从得出当时的计划。`);
  }
  if (after.length === 0) {
    throw inputError(`No actual days on or after plan_start ${planStart}: nothing to review yet (the history ends ${history.days[history.days.length - 1]!.date}).`, `计划开始日 ${planStart} 及之后没有实际数据:暂无可复盘的内容(历史数据截至 ${history.days[history.days.length - 1]!.date})。`);
  }
  const lastBefore = before[before.length - 1]!.date;
  const span = dayIndex(after[after.length - 1]!.date) - dayIndex(lastBefore);
  const bd = baselineDays(scenario);
  const horizon = Math.min(730, Math.max(scenario.values.horizon_days ?? 90, span));
  const old = planScenario(analyse({ ...history, days: before }, bd), scenario, horizon);
  const reviewed = after.filter((d) => dayIndex(d.date) - dayIndex(lastBefore) <= horizon);

  // The actual spend path on plan days 1 … span (a missing day spent nothing).
  const spend = new Array<number>(span).fill(0);
  for (const d of reviewed) spend[dayIndex(d.date) - dayIndex(lastBefore) - 1] = d.spend;
  const f = forecasterFromPlan(old).forecast(spend);

  const observed = reviewed.every((d) => d.paidGmv !== null);
  const idx = reviewed.map((d) => dayIndex(d.date) - dayIndex(lastBefore) - 1);
  const splits = observed
    ? reviewed.map((d, i) => splitObserved(d.gmv, d.paidGmv ?? 0, f.incremental[idx[i]!]!, f.organic[idx[i]!]!))
    : splitWholeRoom(
        reviewed.map((d) => d.gmv),
        idx.map((t) => f.incremental[t]!),
        idx.map((t) => f.organic[t]!),
      );
  const splitIdentified = observed || spendVaried(reviewed);
  const rows: Row[] = reviewed.map((d, i) => ({ t: idx[i]!, actual: d, forecast: f.total[idx[i]!]!, ...splits[i]! }));

  // Cash of the actual days on the plan's terms, with the same receivables in the pipe.
  const A = old.assumptions;
  const terms = old.plan.terms;
  const flows = new Float64Array(flowsLength(terms, span));
  addReceivables(terms, flows, old.setup.gmvTail);
  for (const r of rows) addTradeFlows(terms, flows, r.t + 1, r.actual.spend, r.actual.gmv);
  const actualCash = balances(terms, flows);

  const planDays = old.report.days;
  const periodOf = (group: readonly Row[]): Omit<ReviewPeriod, 'plannedGmvP10' | 'plannedGmvP90'> => {
    const sum = (g: (r: Row) => number): number => group.reduce((s, r) => s + g(r), 0);
    const last = group[group.length - 1]!;
    const plannedGmv = sum((r) => planDays[r.t]!.gmv);
    const forecastGmv = sum((r) => r.forecast);
    return {
      start: group[0]!.actual.date,
      days: group.length,
      plannedSpend: sum((r) => planDays[r.t]!.spend),
      actualSpend: sum((r) => r.actual.spend),
      plannedGmv,
      actualGmv: sum((r) => r.actual.gmv),
      forecastGmv,
      plannedProfit: sum((r) => planDays[r.t]!.profit),
      actualProfit: sum((r) => old.unitMargin * r.actual.gmv - r.actual.spend - A.fixed_cost_per_day),
      plannedCash: planDays[last.t]!.cash,
      actualCash: actualCash[last.t + 1]!,
      gapSpend: forecastGmv - plannedGmv,
      gapResponse: sum((r) => r.response),
      gapOrganic: sum((r) => r.organic),
    };
  };
  const weekGroups: Row[][] = [];
  for (const r of rows) {
    const w = Math.floor((dayIndex(r.actual.date) - dayIndex(planStart)) / 7);
    (weekGroups[w] ??= []).push(r);
  }
  const groups = [...rows.map((r) => [r]), ...weekGroups.filter((g) => g.length > 0), rows];
  const planPaid = old.plan.paidGmv;
  const planOrganic = planDays.map((d) => d.gmv - d.paidGmv);
  const bands = gmvBands(planPaid, planOrganic, groups.map((g) => g.map((r) => r.t)), old.uncertainty);
  const [forecastBand] = gmvBands(f.incremental, f.organic, [rows.map((r) => r.t)], old.uncertainty);
  const periods = groups.map((g, i) => ({ ...periodOf(g), plannedGmvP10: bands[i]!.p10, plannedGmvP90: bands[i]!.p90 }));
  const total = periods[periods.length - 1]!;

  const notes: Text[] = [];
  let replan: ScenarioPlan | null = null;
  try {
    replan = planScenario(analyse(history, bd), scenario);
  } catch (e) {
    // The review stands on the old plan; a refit that cannot plan (e.g. a whole-room fit the new days no longer identify) is said, not thrown.
    if (!isAdplanError(e)) throw e;
    notes.push(text(`The refit on the whole history could not plan: ${e.text['en-US']}`, `用全部历史重新拟合无法制定计划：${e.text['zh-CN']}`));
  }
  if (!splitIdentified) {
    notes.push(text(
      'Spend barely varied over the review days: on this whole-room account the split between response and organic is in proportion to the forecast, not measured.',
      '复盘期内消耗几乎没有变化：该全域推广账户的响应偏差与自然偏差按预测比例分摊，并非测得。',
    ));
  }
  if (!observed) {
    notes.push(text(
      'Whole-room account: paid GMV is not exported, so the split between response and organic is estimated from how the gap moved with spend over the review days, not observed.',
      '全域推广账户：没有导出付费成交，响应偏差与自然偏差的拆分是根据复盘期内差额随消耗的变化估计的，并非直接观测。',
    ));
  }
  if (reviewed.length < after.length) {
    notes.push(text(`${after.length - reviewed.length} actual day(s) lie past the plan's ${horizon}-day horizon and are not reviewed.`, `有 ${after.length - reviewed.length} 个实际天超出计划的 ${horizon} 天周期，未纳入复盘。`));
  }
  return {
    since: planStart,
    scenario: scenario.name,
    split: observed ? 'observed' : 'estimated',
    splitIdentified,
    days: periods.slice(0, rows.length),
    weeks: periods.slice(rows.length, periods.length - 1),
    total,
    forecastGmvP10: forecastBand!.p10,
    forecastGmvP90: forecastBand!.p90,
    verdict: reviewVerdict(total, forecastBand!, splitIdentified),
    plan: old,
    replan,
    changes: replan ? planChanges(old, replan) : [],
    notes,
  };
}
