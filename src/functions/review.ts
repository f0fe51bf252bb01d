/**
 * BACKTEST and REVIEW (docs/model.md): how well the model predicts this merchant, and a plan made at
 * a date against what happened after it. Each distinct (history, assumptions, scenario, …) is
 * computed once per session (content memo), like PLAN and KPI.
 */
import { dateToExcelSerial, parseDate } from '../data/cells';
import { text, type Lang } from '../i18n/text';
import { backtest, type BacktestReport } from '../model/review';
import { AdplanError } from '../model/core';
import type { IsoDate } from '../model/core';
import { GAP_LABELS, review, type ReviewPeriod, type ReviewResult } from '../model/review';
import { inheritScenarios } from '../model/economics';
import { assumptionsArgKeyed, choiceArg, historyArgKeyed, optionalText, scenarioArg } from './inputs';
import { Memo, contentKey } from './memo';
import { toNumberCell, toSpill, type Spill } from './spill';

export const BACKTEST_METRICS = ['mape', 'bias', 'naive_mape', 'grade'] as const;

const backtests = new Memo<BacktestReport>(32);
const reviews = new Memo<ReviewResult>(16);

function backtestOf(history: unknown, assumptions: unknown, scenario: unknown): BacktestReport {
  const { key: hKey, read } = historyArgKeyed(history);
  const omitted = !Array.isArray(assumptions) && optionalText(assumptions) === null;
  const table = omitted ? null : assumptionsArgKeyed(assumptions);
  const s = table ? scenarioArg(scenario, inheritScenarios(table.scenarios)) : null;
  return backtests.get(contentKey(hKey, table?.key ?? null, s?.name ?? null), () => backtest(read.history, s));
}

/** No metric: a metric/value table (with paid_mape, origins and the verdict); a metric: that value. */
export function backtestResult(history: unknown, assumptions: unknown, metric: unknown, lang: Lang): Spill {
  const b = backtestOf(history, assumptions, null);
  if (optionalText(metric) !== null) {
    const m = choiceArg(metric, 'metric', BACKTEST_METRICS);
    if (m === 'grade') return [[b.grade]];
    const v = m === 'mape' ? b.mape : m === 'bias' ? b.bias : b.naiveMape;
    return [[toNumberCell(v)]];
  }
  const header = lang === 'zh-CN' ? ['指标', '数值'] : ['metric', 'value'];
  return toSpill([
    header,
    ['mape', b.mape],
    ['bias', b.bias],
    ['naive_mape', b.naiveMape],
    ['paid_mape', b.paidMape],
    ['grade', b.grade],
    ['origins', b.origins.length],
    ['verdict', b.verdict[lang]],
  ]);
}

/** plan_start as Excel hands it: a date serial, a Date, or text such as 2024-05-16. */
function planStartArg(v: unknown): IsoDate {
  const x = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? (v[0] as unknown[])[0] : v;
  const cell = typeof x === 'number' || typeof x === 'string' || x instanceof Date ? x : null;
  const p = parseDate(cell);
  if (p.ok && p.value) return p.value.date;
  throw new AdplanError(
    'input',
    text(`plan_start must be a date (the plan's first day, e.g. 2024-05-16), got ${String(x ?? 'nothing')}.`, `plan_start 应为日期（计划第一天，如 2024-05-16），实际为 ${String(x ?? '空')}。`),
    'plan_start',
  );
}

const REVIEW_HEADER = {
  'en-US': ['period', 'planned_spend', 'actual_spend', 'planned_gmv', 'actual_gmv', 'gmv_p10', 'gmv_p90', 'planned_profit', 'actual_profit', 'planned_cash', 'actual_cash', 'gap_spend', 'gap_response', 'gap_organic'],
  'zh-CN': ['期间', '计划消耗', '实际消耗', '计划成交', '实际成交', '成交P10', '成交P90', '计划利润', '实际利润', '计划现金', '实际现金', GAP_LABELS.spend['zh-CN'], GAP_LABELS.response['zh-CN'], GAP_LABELS.organic['zh-CN']],
} as const;

const row = (p: ReviewPeriod, label: string | number) => [
  label,
  p.plannedSpend,
  p.actualSpend,
  p.plannedGmv,
  p.actualGmv,
  p.plannedGmvP10,
  p.plannedGmvP90,
  p.plannedProfit,
  p.actualProfit,
  p.plannedCash,
  p.actualCash,
  p.gapSpend,
  p.gapResponse,
  p.gapOrganic,
];

/** The review: a row per day or week (dated by its first day), a total row, then the verdict. */
export function reviewSpill(history: unknown, assumptions: unknown, planStart: unknown, scenario: unknown, period: unknown, lang: Lang): Spill {
  const p = choiceArg(period, 'period', ['week', 'day'] as const, 'week');
  const { key: hKey, read } = historyArgKeyed(history);
  const table = assumptionsArgKeyed(assumptions);
  const s = scenarioArg(scenario, inheritScenarios(table.scenarios));
  const since = planStartArg(planStart);
  const r = reviews.get(contentKey(hKey, table.key, s.name, since), () => review(read.history, s, since));
  const rows = (p === 'week' ? r.weeks : r.days).map((x) => row(x, dateToExcelSerial(x.start)));
  return toSpill([[...REVIEW_HEADER[lang]], ...rows, row(r.total, lang === 'zh-CN' ? '合计' : 'total'), [r.verdict.message[lang]]]);
}
