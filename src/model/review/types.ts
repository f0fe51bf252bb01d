/** The review's shared vocabulary: a period of plan vs actual (review.ts builds them, review-verdict.ts judges them). */
import type { IsoDate } from '../core';

export interface ReviewPeriod {
  start: IsoDate;
  /** Actual days in the period. */
  days: number;
  plannedSpend: number;
  actualSpend: number;
  plannedGmv: number;
  actualGmv: number;
  /** What the plan's model forecast at the spend actually spent. */
  forecastGmv: number;
  plannedProfit: number;
  actualProfit: number;
  /** Closing cash balance of the period. */
  plannedCash: number;
  actualCash: number;
  gapSpend: number;
  gapResponse: number;
  gapOrganic: number;
  /** The plan's P10–P90 band of GMV over the period. */
  plannedGmvP10: number;
  plannedGmvP90: number;
}
