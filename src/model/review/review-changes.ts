/**
 * What changed between the plan made at the review's start and the plan refitted on the whole
 * history: the few numbers a 服务商 discusses with the merchant, each with its before and after.
 */
import { text, type Text } from '../../i18n/text';
import type { ScenarioPlan } from '../plan';
import { responseOf } from '../transforms';

export type ChangeKey = 'sustainable_spend' | 'organic_gmv_per_day' | 'paid_gmv_at_old_spend' | 'first_week_spend' | 'total_profit' | 'break_even_roi';

export interface PlanChange {
  key: ChangeKey;
  label: Text;
  before: number;
  after: number;
  /** (after − before)/|before|; null when before is 0. */
  change: number | null;
}

const LABELS: Record<ChangeKey, Text> = {
  sustainable_spend: text('Sustainable daily spend', '可持续日消耗'),
  organic_gmv_per_day: text('Organic GMV per day (lift-free)', '日自然成交（不含撬动）'),
  paid_gmv_at_old_spend: text('Paid (incremental) GMV per day at the old sustainable spend', '原可持续消耗下的日付费（增量）成交'),
  first_week_spend: text('Spend in the first plan week', '计划首周消耗'),
  total_profit: text('Plan total profit', '计划总利润'),
  break_even_roi: text('Break-even ROI', '保本投产比'),
};

const firstWeek = (p: ScenarioPlan): number => p.report.days.slice(0, 7).reduce((s, d) => s + d.spend, 0);

export function planChanges(old: ScenarioPlan, now: ScenarioPlan): PlanChange[] {
  const s0 = old.setup.sustainableSpend;
  const values: [ChangeKey, number, number][] = [
    ['sustainable_spend', s0, now.setup.sustainableSpend],
    ['organic_gmv_per_day', old.setup.organicLevel, now.setup.organicLevel],
    ['paid_gmv_at_old_spend', responseOf(s0, old.curve.shape), responseOf(s0, now.curve.shape)],
    ['first_week_spend', firstWeek(old), firstWeek(now)],
    ['total_profit', old.report.kpis.totalProfit, now.report.kpis.totalProfit],
    ['break_even_roi', old.breakEvenRoi, now.breakEvenRoi],
  ];
  return values.map(([key, before, after]) => ({ key, label: LABELS[key], before, after, change: before !== 0 ? (after - before) / Math.abs(before) : null }));
}
