/**
 * The plan-day columns, said once: their stable key (function headers, JSON, the plan sheet),
 * the PlanDay field, a bilingual label and how the number reads (for formats). Every surface
 * that lists plan days maps over this list.
 */
import { text, type Text } from '../../i18n/text';
import type { PlanDay } from './report';

/** How a value reads: the surfaces pick a number format from it. */
export type ValueKind = 'date' | 'money' | 'count' | 'ratio' | 'rate' | 'days' | 'label';

export interface PlanDayColumn<F extends keyof PlanDay = keyof PlanDay> {
  key: string;
  field: F;
  label: Text;
  kind: ValueKind;
}

const col = <F extends keyof PlanDay>(key: string, field: F, label: Text, kind: ValueKind): PlanDayColumn<F> => ({ key, field, label, kind });

export const PLAN_DAY_COLUMNS = [
  col('date', 'date', text('date', '日期'), 'date'),
  col('spend', 'spend', text('spend', '消耗'), 'money'),
  col('paid_gmv', 'paidGmv', text('paid GMV', '付费成交'), 'money'),
  col('organic_gmv', 'organicGmv', text('organic GMV', '自然成交'), 'money'),
  col('gmv', 'gmv', text('GMV', '总成交'), 'money'),
  col('orders', 'orders', text('orders', '订单数'), 'count'),
  col('profit', 'profit', text('profit', '利润'), 'money'),
  col('cash', 'cash', text('cash', '现金余额'), 'money'),
  col('roi', 'roi', text('ROI', '投产比'), 'ratio'),
  col('marginal_roi', 'marginalRoi', text('mROI', '边际投产比'), 'ratio'),
  col('limit', 'limit', text('limit', '约束'), 'label'),
  col('roi_target', 'roiTarget', text('ROI target', '整体ROI目标'), 'ratio'),
] as const;

export type PlanDayKey = (typeof PLAN_DAY_COLUMNS)[number]['key'];

/** One day's value in a column. */
export function planDayValue(d: PlanDay, c: PlanDayColumn): PlanDay[keyof PlanDay] {
  return d[c.field];
}
