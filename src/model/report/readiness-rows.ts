/**
 * The readiness v2 rows and the organic base by carrier as every surface receives them
 * (readiness/checks.ts and fit/carrier-base.ts compute them).
 */
import type { Text } from '../../i18n/text';
import type { CarrierDay } from '../core';

export type CheckId =
  | 'history_days'
  | 'organic_orders'
  | 'paid_share'
  | 'stay'
  | 'uv_value'
  | 'interaction'
  | 'carrier_mix'
  | 'video_save'
  | 'video_completion'
  | 'video_gmv'
  | 'stability'
  | 'refunds'
  | 'unit_margin';

/** pass; warn / fail: the check fires (fail = severe); unknown: not measured; info: shown, never fires. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown' | 'info';

export interface ReadinessCheck {
  id: CheckId;
  name: Text;
  status: CheckStatus;
  /** The measured value (a fraction for rates, seconds, money, days, orders/day); null when unknown. */
  value: number | null;
  /** The threshold the value is compared with (the warn one when there are two); null when none. */
  threshold: number | null;
  valueText: Text;
  thresholdText: Text;
  source: Text;
  /** What to do; null when the check passes. */
  fix: Text | null;
}

export type Verdict = 'ready' | 'fix_first' | 'not_yet';

export interface CarrierBase {
  carrier: CarrierDay['carrier'];
  /** The carrier names as exported that were summed into it (图文 and 其他 are both "other"). */
  names: string[];
  /** Days of the window with 载体 rows. */
  days: number;
  gmvPerDay: number;
  /** Σ 非投放时段 GMV / days; null when the export has no 非投放时段 row for it. */
  organicGmvPerDay: number | null;
  /** Share of the carriers' GMV. */
  share: number;
  /** OLS slope of the carrier's daily GMV / its mean (per day); 0 with fewer than two days. */
  trend: number;
}
