/**
 * The target table's columns, said once: stable key (function headers in en-US, JSON), the row
 * field, a bilingual label and how the number reads. The CLI, =ADPLAN.TARGETS and the task pane
 * map over this list, so the three show the same numbers in the same order.
 */
import { text, type Text } from '../../i18n/text';
import type { ValueKind } from '../report';
import type { TargetRow } from './targets';

export type TargetField = Exclude<keyof TargetRow, 'kind' | 'effective' | 'extrapolated'>;

export interface TargetColumn {
  key: string;
  field: TargetField;
  label: Text;
  kind: ValueKind;
  /** Shown in the pane's compact table (fits 320 px). */
  compact?: boolean;
}

const col = (key: string, field: TargetField, label: Text, kind: ValueKind, compact = false): TargetColumn => ({ key, field, label, kind, ...(compact ? { compact } : {}) });

export const TARGET_COLUMNS: readonly TargetColumn[] = [
  col('target_net', 'targetNet', text('净成交ROI target', '净成交ROI目标'), 'ratio', true),
  col('target_pay', 'targetPay', text('支付ROI equivalent', '支付ROI等效'), 'ratio'),
  col('spend_p10', 'spendP10', text('spend/day P10', '日消耗 P10'), 'money'),
  col('spend_p50', 'spendP50', text('spend/day P50', '日消耗 P50'), 'money', true),
  col('spend_p90', 'spendP90', text('spend/day P90', '日消耗 P90'), 'money'),
  col('spend_mean', 'spendMean', text('spend/day mean', '日消耗均值'), 'money'),
  col('budget_cap', 'budgetCap', text('budget cap (控成本)', '预算上限（控成本）'), 'money'),
  col('room_gmv', 'roomGmv', text('room GMV/day', '日均整体成交'), 'money'),
  col('profit_p10', 'profitP10', text('incremental profit P10', '增量利润 P10'), 'money', true),
  col('profit_p50', 'profitP50', text('incremental profit P50', '增量利润 P50'), 'money', true),
  col('profit_p90', 'profitP90', text('incremental profit P90', '增量利润 P90'), 'money'),
  col('p_loss', 'pLoss', text('P(ads lose money)', '投放亏损概率'), 'rate'),
  col('p_cost_guarantee', 'pCostGuarantee', text('P(day triggers 成本保障)', '单日触发成本保障概率'), 'rate'),
  col('grants', 'grants', text('expected 赠款 (grant balance)', '预计赠款（非现金）'), 'money'),
  col('cash_low', 'cashLow', text('cash low point', '现金最低点'), 'money'),
];

export function targetValue(r: TargetRow, c: TargetColumn): number {
  return r[c.field];
}

/** The marker column: which row is recommended, and by which rule. */
export const RECOMMENDED_COLUMN = { key: 'recommended', label: text('recommended', '推荐') } as const;
