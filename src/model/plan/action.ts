/**
 * The plan's first line: what to set on the platform, in the merchant's terms (docs/model.md).
 * 全域: the 净成交ROI target first, then its 支付 equivalent (each labelled), under 控成本 the
 * budget cap and the spend band the platform is expected to choose, the ramp of target steps,
 * and the 整体ROI 保本线 below which the ads lose money. Direct (标准推广): the budget, the ramp and the
 * paid break-even ROI. Every surface shows this sentence as is.
 */
import { groupDigits } from '../../i18n/number';
import { text, type Text } from '../../i18n/text';
import type { ScenarioReport } from '../report';
import type { TargetTable } from './targets';

/** ¥1,234 (whole yuan, grouped; never NaN). */
export function yuan(x: number): string {
  const v = Number.isFinite(x) ? Math.round(x) : 0;
  return `${v < 0 ? '−' : ''}¥${groupDigits(Math.abs(v))}`;
}

/** Yuan for a sentence: exact below ¥1万, else ¥8.0万 / ¥1.2亿 in Chinese (English stays exact). */
function yuanShort(x: number, lang: 'en-US' | 'zh-CN'): string {
  const a = Math.abs(x);
  if (lang === 'en-US' || !Number.isFinite(x) || a < 1e4) return yuan(x);
  const [v, unit] = a >= 1e8 ? [a / 1e8, '亿'] : [a / 1e4, '万'];
  return `${x < 0 ? '−' : ''}¥${v.toFixed(1)}${unit}`;
}

/** How the plan's budget moves the merchant's recent spend: cut, raise, or hold (within 5 %). */
export interface BudgetMove {
  /** Mean daily spend of the last 7 history days. */
  from: number;
  to: number;
  /** to / from − 1. */
  change: number;
  kind: 'cut' | 'raise' | 'hold';
}

/** Steps smaller than this are a hold: the ramp and rounding move spend by a few percent anyway. */
const HOLD_BAND = 0.05;

/** null when the merchant spends nothing now (a start, not a move). */
export function budgetMove(recent: number, target: number): BudgetMove | null {
  if (!(Number.isFinite(recent) && recent > 0) || !Number.isFinite(target) || target < 0) return null;
  const change = target / recent - 1;
  return { from: recent, to: target, change, kind: Math.abs(change) < HOLD_BAND ? 'hold' : change < 0 ? 'cut' : 'raise' };
}

/** The move in words, one wording for every surface: "从近 7 天的 ¥8.0万/天 降到 ¥4.0万/天（−50%）". */
export function budgetMoveText(m: BudgetMove): Text {
  const pct = `${m.change < 0 ? '−' : '+'}${Math.max(1, Math.round(Math.abs(m.change) * 100))}%`;
  const [fe, fz, te, tz] = [yuanShort(m.from, 'en-US'), yuanShort(m.from, 'zh-CN'), yuanShort(m.to, 'en-US'), yuanShort(m.to, 'zh-CN')];
  if (m.kind === 'hold') return text(`keep the last 7 days' ${fe}/day`, `保持近 7 天的水平 ${fz}/天`);
  const up = m.kind === 'raise';
  return text(`from the last 7 days' ${fe}/day ${up ? 'up' : 'down'} to ${te}/day (${pct})`, `从近 7 天的 ${fz}/天 ${up ? '升到' : '降到'} ${tz}/天（${pct}）`);
}

/** The budget part of the action line: the move from recent spend when there is one, else the budget. */
function budgetPhrase(s: ScenarioReport): Text {
  const budget = s.economics.targets.dailyBudget;
  const m = budgetMove(s.recentSpend ?? 0, budget);
  if (!m) return text(`daily budget ${yuan(budget)}`, `日预算 ${yuan(budget)}`);
  const t = budgetMoveText(m);
  return text(`daily budget ${t['en-US']}`, `日预算${t['zh-CN']}`);
}

/** Payback as a headline: its day within the plan, else said to lie past it (never "day 91" of 90). */
export function paybackText(day: number | null, horizon: number): Text {
  if (day === null || !Number.isFinite(day)) return text('not paid back', '未回本');
  if (day > horizon) return text(`not within the plan (about day ${day})`, `计划期内未回本（约第 ${day} 天）`);
  return text(`day ${day}`, `第 ${day} 天`);
}

const r1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(x >= 10 ? 1 : 2).replace(/\.?0+$/u, '') : '—');

/** Days until the plan first reaches its budget (99 %); null when caps keep it below. */
function rampDays(s: ScenarioReport): number | null {
  const budget = s.economics.targets.dailyBudget;
  const i = s.days.findIndex((d) => d.spend >= 0.99 * budget);
  return i < 0 ? null : i + 1;
}

export function actionText(s: ScenarioReport): Text {
  const e = s.economics;
  const t = e.targets;
  const first = s.days[0]?.spend ?? 0;
  if (!(t.dailyBudget > 0)) {
    return text(
      `Do not pay for traffic yet: at this margin no spend reaches the target marginal ROI ${r1(e.targetMarginalRoi)}. Break-even ROI ${r1(e.breakEvenRoi)} (pay) / ${r1(e.breakEvenRoiNet)} (net).`,
      `暂不投流：按当前利润率，任何消耗都达不到目标边际投产比 ${r1(e.targetMarginalRoi)}。保本投产比 ${r1(e.breakEvenRoi)}（支付）/ ${r1(e.breakEvenRoiNet)}（净成交）。`,
    );
  }
  const days = rampDays(s);
  const budget = budgetPhrase(s);
  const ramp =
    days === null
      ? text(`starting at ${yuan(first)} (cash and caps keep spend below the budget: see the plan)`, `从 ${yuan(first)} 起步（现金与上限使消耗低于预算，见计划）`)
      : days <= 1
        ? text(`from day 1`, `第 1 天起`)
        : text(`ramping from ${yuan(first)} within ${days} days`, `${days} 天内从 ${yuan(first)} 爬坡`);
  if (s.curveBasis === 'whole-room' && s.targets) return targetActionText(s.targets, ramp);
  if (s.curveBasis === 'whole-room' && t.roomRoi !== null) {
    const be = e.roomBreakEvenRoi;
    const net = t.roomRoiNet ?? t.roomRoi;
    const rate = t.roomRoi > 0 ? net / t.roomRoi : 1;
    const beEn = be === null ? '' : `; 整体ROI 保本线 净成交 ${r1(be * rate)} (支付 ${r1(be)}) — below it the ads lose money`;
    const beZh = be === null ? '' : `；整体ROI 保本线 净成交 ${r1(be * rate)}（支付 ${r1(be)}），低于它投流亏钱`;
    return text(
      `Set the 净成交ROI target to ${r1(net)} (支付ROI ${r1(t.roomRoi)}), ${budget['en-US']}, ${ramp['en-US']}${beEn}.`,
      `设置 净成交ROI 目标 ${r1(net)}（支付ROI ${r1(t.roomRoi)}），${budget['zh-CN']}，${ramp['zh-CN']}${beZh}。`,
    );
  }
  // Without 1-hour refund data both bases are equal: say the number once.
  const beNetEn = e.breakEvenRoiNet === e.breakEvenRoi ? '' : ` / ${r1(e.breakEvenRoiNet)} (net)`;
  const beNetZh = e.breakEvenRoiNet === e.breakEvenRoi ? '' : `/ ${r1(e.breakEvenRoiNet)}（净成交）`;
  return text(
    `${budget['en-US'].replace(/^d/u, 'D')}, ${ramp['en-US']}; keep the paid ROI above break-even ${r1(e.breakEvenRoi)} (pay)${beNetEn}${t.roomRoi !== null ? `; the room's ROI at that budget is about ${r1(t.roomRoi)}` : ''}.`,
    `${budget['zh-CN']}，${ramp['zh-CN']}；付费投产比保持在保本线 ${r1(e.breakEvenRoi)}（支付）${beNetZh}之上${t.roomRoi !== null ? `；该预算下整体ROI 约 ${r1(t.roomRoi)}` : ''}。`,
  );
}

const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toString()}%`;

/** What the 支付 equivalent was converted with, said beside it. */
function rateWords(tt: TargetTable): Text {
  const r = pct(tt.settlement.rate);
  switch (tt.settlement.source) {
    case 'net_gmv':
      return text(`at the room's 30-day 净成交 rate ${r}`, `按近 30 天净成交率 ${r}`);
    case 'refund_1h':
      return text(`at 1 − the 30-day 1-hour refund rate, ${r}`, `按 1 − 近 30 天 1 小时退款率 ${r}`);
    case 'assumption':
      return text(`at 1 − refund_1h_rate, ${r}`, `按 1 − 1小时内退款率 ${r}`);
    default:
      return text('no 净成交 data: the two bases are equal', '无净成交数据：两种口径数值相同');
  }
}

/** The 全域 sentence from the target table: the recommended 净成交 target leads. */
export function targetActionText(tt: TargetTable, budgetRamp: Text): Text {
  const row = tt.recommended === null ? null : tt.rows[tt.recommended]!;
  if (!row) return tt.ruleText;
  const rw = rateWords(tt);
  const beNet = tt.breakEvenNet;
  const beEn = beNet === null ? '' : `; 整体ROI 保本线 净成交 ${r1(beNet)} — below it the ads lose money`;
  const beZh = beNet === null ? '' : `；整体ROI 保本线 净成交 ${r1(beNet)}，低于它投流亏钱`;
  const lead = text(
    `Set the 净成交ROI target to ${r1(row.targetNet)} (支付ROI ${r1(row.targetPay)}, ${rw['en-US']})`,
    `设置 净成交ROI 目标 ${r1(row.targetNet)}（支付ROI ${r1(row.targetPay)}，${rw['zh-CN']}）`,
  );
  const last = tt.steps[tt.steps.length - 1];
  const steps =
    tt.steps.length === 0 || !last || tt.current === null
      ? text('', '')
      : text(
          `; step the target from ${r1(tt.current.target)} in ${tt.steps.length} step(s) of at most 10 %, one every 3 days, reaching it on ${last.date}`,
          `；目标从 ${r1(tt.current.target)} 起分 ${tt.steps.length} 步调整，每步不超过 10%，每 3 天一步，${last.date} 到位`,
        );
  if (tt.mode === 'volume') {
    const brEn = budgetRamp['en-US'] ? `, ${budgetRamp['en-US']}` : '';
    const brZh = budgetRamp['zh-CN'] ? `,${budgetRamp['zh-CN']}` : '';
    return text(
      `${lead['en-US']} on 放量 with a daily budget of ${yuan(tt.budget)} (放量 spends the budget)${brEn}${steps['en-US']}${beEn}.`,
      `${lead['zh-CN']}，放量模式，日预算 ${yuan(tt.budget)}（放量会花完预算）${brZh}${steps['zh-CN']}${beZh}。`,
    );
  }
  return text(
    `${lead['en-US']} on 控成本 with a budget cap of ${yuan(tt.budget)}; the platform is expected to spend ${yuan(row.spendP10)}–${yuan(row.spendP90)} a day (P10–P90, about ${yuan(row.spendMean)})${steps['en-US']}${beEn}.`,
    `${lead['zh-CN']}，控成本模式，预算上限 ${yuan(tt.budget)}；平台预计每天消耗 ${yuan(row.spendP10)}–${yuan(row.spendP90)}（P10–P90，约 ${yuan(row.spendMean)}）${steps['zh-CN']}${beZh}。`,
  );
}
