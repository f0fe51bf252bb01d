/**
 * The 全域 target table as every surface receives it (docs/model.md "The target table"): types
 * only; plan/targets.ts computes it.
 */
import type { Text } from '../../i18n/text';
import type { IsoDate } from '../core';

export type DeliveryMode = 'cost' | 'volume';
export type TargetRule = 'profit' | 'sustainable';

/** Where the settlement rate came from: 净成交金额 / 整体成交金额, the 1-hour refund rate, an assumption, or nothing (rate 1). */
export type SettlementSource = 'net_gmv' | 'refund_1h' | 'assumption' | 'none';

export interface Settlement {
  /** 净成交 share of 整体成交金额, in (0, 1]. */
  rate: number;
  source: SettlementSource;
}

export interface TargetStep {
  /** The day the new target takes effect. */
  date: IsoDate;
  /** 净成交ROI target from that day. */
  target: number;
}

/** The 净成交ROI target in force at the end of the history. */
export interface CurrentTarget {
  target: number;
  source: 'log' | 'recent';
}

export interface Attribution {
  /** Days with 投放贡献成交金额 and spend (the last 30 such days). */
  days: number;
  /** Σ 投放贡献成交金额 / Σ room GMV. */
  attributedShare: number;
  /** Σ incremental GMV (the fitted curve at each day's spend) / Σ room GMV. */
  incrementalShare: number;
  publishedUplift: readonly [number, number];
  note: Text;
}

export interface TargetRow {
  /** 净成交ROI target (the basis the merchant sets). */
  targetNet: number;
  /** Its 支付ROI equivalent: targetNet ÷ settlement rate. */
  targetPay: number;
  /** Which rows these are: the 保本线 row, the grid, the sustainable-spend target. */
  kind: 'break-even' | 'grid' | 'sustainable';
  /** Daily spend the platform is expected to choose: P10 / P50 / P90 over days, and the mean. */
  spendP10: number;
  spendP50: number;
  spendP90: number;
  spendMean: number;
  /** 控成本 budget cap: P90 spend × 1.3, rounded up. */
  budgetCap: number;
  /** Expected room GMV per day (organic + incremental). */
  roomGmv: number;
  /** The ads' incremental profit over the horizon (u × incremental GMV − spend). */
  profitP10: number;
  profitP50: number;
  profitP90: number;
  pLoss: number;
  /** P(a day triggers 成本保障): achieved ROI < 80 % of target with ≥ 10 net orders. */
  pCostGuarantee: number;
  /** Expected 赠款 paid by 成本保障 over the horizon (grant balance, not cash). */
  grants: number;
  /** Lowest projected cash balance over the horizon at this target (grants not counted). */
  cashLow: number;
  /** Expected spend ≥ ¥200 a day and target ≤ the platform's suggestion (when given). */
  effective: boolean;
  /** P90 spend beyond the spend the curve was fitted on × max_extrapolation. */
  extrapolated: boolean;
}

export interface TargetDay {
  date: IsoDate;
  /** 净成交ROI target in force. */
  target: number;
  spendP10: number;
  spendMean: number;
  spendP90: number;
  pCostGuarantee: number;
  /** Expected 赠款 earned that day, and the unexpired grant balance earned in the plan so far. */
  grant: number;
  grantBalance: number;
  effective: boolean;
}

export interface TargetTable {
  mode: DeliveryMode;
  rule: TargetRule;
  settlement: Settlement;
  horizon: number;
  breakEvenNet: number | null;
  suggestedNet: number | null;
  current: CurrentTarget | null;
  rows: TargetRow[];
  /** Index of the recommended row; null when no row passes the rule. */
  recommended: number | null;
  /** Why that row (or why none). */
  ruleText: Text;
  /** The ramp of target steps to the recommended target (empty when it is set on day 1). */
  steps: TargetStep[];
  /** Per plan day under that ramp (empty without a recommendation). */
  days: TargetDay[];
  /** Under 控成本: the budget cap to set; under 放量: the budget the platform spends. */
  budget: number;
  warnings: Text[];
  /** Platform attribution beside the model's incremental share (when 投放贡献成交金额 is exported). */
  attribution?: Attribution | null;
}
