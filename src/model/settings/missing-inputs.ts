/**
 * Everything a scenario still needs before a plan can be made, said at once ("还差 2 项才能出方案：
 * 商品成本率、可用资金"), and the labelled category defaults that give a first plan when the user
 * asks for one. Keys the history supplies (退款率 from 退款金额, 客单价) are never asked for.
 */
import { groupDigits } from '../../i18n/number';
import { text, type Text } from '../../i18n/text';
import { ASSUMPTIONS, ASSUMPTION_KEYS, type AssumptionKey, type AssumptionValues, type Scenario } from './assumptions';
import type { History } from '../core';

/** ¥1,234: whole yuan, grouped (the plan's own sentences use plan/action's yuan; settings stays below plan). */
const yuan = (x: number): string => `¥${groupDigits(Math.round(x))}`;

/** What the history supplies for `whenMissing: 'history'` keys (as scenarios.ts resolves them). */
export interface SuppliedByHistory {
  refundRate: number | null;
  aov: number | null;
}

/** What a history supplies: its refund rate when it has refund amounts, its AOV when it has orders. */
export function suppliedByHistory(history: History): SuppliedByHistory {
  const withRefunds = history.days.filter((d) => d.refundAmount !== null);
  const gmvR = withRefunds.reduce((t, d) => t + d.gmv, 0);
  const gmv = history.days.reduce((t, d) => t + d.gmv, 0);
  const orders = history.days.reduce((t, d) => t + d.orders, 0);
  return {
    refundRate: withRefunds.length > 0 && gmvR > 0 ? withRefunds.reduce((t, d) => t + (d.refundAmount ?? 0), 0) / gmvR : null,
    aov: orders > 0 ? gmv / orders : null,
  };
}

/** Mean daily GMV of the last 28 days: the scale of a category default for cash. */
export function recentGmvPerDay(history: History): number {
  const recent = history.days.slice(-28);
  return recent.reduce((t, d) => t + d.gmv, 0) / Math.max(1, recent.length);
}

/** Keys that are required only in some cases (the assumed curve), never asked for up front. */
const NOT_UP_FRONT: ReadonlySet<AssumptionKey> = new Set<AssumptionKey>(['paid_roi_initial', 'saturation_spend']);

export interface MissingInput {
  key: AssumptionKey;
  /** The history was asked first and has no such measure (e.g. no 退款金额 column). */
  historyLacks: boolean;
}

export function missingInputs(values: AssumptionValues, h: SuppliedByHistory): MissingInput[] {
  const out: MissingInput[] = [];
  for (const key of ASSUMPTION_KEYS) {
    if (values[key] !== undefined && values[key] !== null) continue;
    const s = ASSUMPTIONS[key];
    if (s.whenMissing === 'required' && !NOT_UP_FRONT.has(key)) out.push({ key, historyLacks: false });
    if (s.whenMissing === 'history' && key === 'refund_rate' && !(h.refundRate !== null && Number.isFinite(h.refundRate))) out.push({ key, historyLacks: true });
    if (s.whenMissing === 'history' && key === 'aov' && !(h.aov !== null && h.aov > 0)) out.push({ key, historyLacks: true });
  }
  return out;
}

/** "还差 2 项才能出方案：商品成本率、可用资金。…" and what to do (`advice`, else the table). */
export function missingInputsText(m: readonly MissingInput[], advice?: Text): Text {
  const en = m.map((x) => `${ASSUMPTIONS[x.key].en} (${x.key}${x.historyLacks ? ', not in the history' : ''})`).join(', ');
  // zh-CN names the row by its label (the sheet's 中文名 column); the key is the formula side's word.
  const zh = m.map((x) => `${ASSUMPTIONS[x.key].zh}${x.historyLacks ? '（历史数据中没有）' : ''}`).join('、');
  const todo =
    advice ??
    text(
      `Fill ${m.length === 1 ? 'it' : 'them'} in the assumptions table, or ask for a first plan on labelled category defaults.`,
      '请在假设表中填写，或先按标注的行业默认值出一版方案。',
    );
  return text(`${m.length} input${m.length === 1 ? '' : 's'} missing before a plan can be made: ${en}. ${todo['en-US']}`, `还差 ${m.length} 项才能出方案：${zh}。${todo['zh-CN']}`);
}

/**
 * Category defaults for a first plan: a goods cost rate and refund rate typical of live-commerce
 * belts, and cash as two months of the shop's own GMV (so the plan shows what capital it needs).
 */
export const CATEGORY_INPUTS = { cogs_rate: 0.4, refund_rate: 0.2, cashGmvDays: 60, aov: 100 } as const;

export interface DefaultedScenarios {
  scenarios: Scenario[];
  /** The keys filled and their values (empty when nothing was missing). */
  filled: { key: AssumptionKey; value: number }[];
  /** Says which numbers are defaults; null when nothing was filled. */
  label: Text | null;
}

/** Fills each scenario's missing inputs with the category defaults and labels what was filled. */
export function withCategoryDefaults(scenarios: readonly Scenario[], h: SuppliedByHistory, gmvPerDay: number): DefaultedScenarios {
  const filled = new Map<AssumptionKey, number>();
  const valueOf = (key: AssumptionKey): number | null => {
    if (key === 'cash_available') return Math.max(1, Math.round(CATEGORY_INPUTS.cashGmvDays * (Number.isFinite(gmvPerDay) ? gmvPerDay : 0)));
    if (key === 'cogs_rate' || key === 'refund_rate' || key === 'aov') return CATEGORY_INPUTS[key];
    return null;
  };
  const out = scenarios.map((s, i) => {
    // Only the first column needs filling: the others inherit a blank from it.
    const missing = i === 0 ? missingInputs(s.values, h) : [];
    const values: AssumptionValues = { ...s.values };
    for (const m of missing) {
      const v = valueOf(m.key);
      if (v === null) continue;
      values[m.key] = v;
      filled.set(m.key, v);
    }
    return { ...s, values };
  });
  const list = [...filled].map(([key, value]) => ({ key, value }));
  if (list.length === 0) return { scenarios: out, filled: list, label: null };
  const show = (key: AssumptionKey, v: number): string => (ASSUMPTIONS[key].unit === 'rate' ? `${Math.round(v * 100)}%` : yuan(v));
  return {
    scenarios: out,
    filled: list,
    label: text(
      `A first plan on labelled category defaults, not this shop's numbers: ${list.map((x) => `${ASSUMPTIONS[x.key].en} ${show(x.key, x.value)}`).join(', ')}. Replace them with your own in the assumptions table.`,
      `这是按行业默认值出的第一版方案，不是本店的数字：${list.map((x) => `${ASSUMPTIONS[x.key].zh} ${show(x.key, x.value)}`).join('、')}。请在假设表中换成本店的数值。`,
    ),
  };
}
