/**
 * What the engine hands every surface: the `adplan plan --json` contract, typed.
 * The CLI prints it, the functions pick cells out of it, the task pane draws it, so the three
 * can never disagree. Numbers are plain numbers; "none" is null, never NaN or Infinity.
 */
import type { Text } from '../../i18n/text';
import type { FittedEventEffect, IsoDate } from '../core';
import type { CarrierBase, ReadinessCheck, Verdict } from './readiness-rows';
import type { TargetTable } from './targets';

export type Limit = 'target' | 'max' | 'ramp' | 'extrapolation' | 'capacity' | 'cash';

export interface BaselineReport {
  days: number;
  organicViews: number;
  /** null when the export has no views: unknown, shown as "—", never 0. */
  cvr: number | null;
  aov: number;
  /** null without views. */
  gpm: number | null;
  refundRate: number | null;
  organicGmvPerDay: number;
  /** null without views. */
  cvrCv: number | null;
  /** Day-to-day variation of organic GMV (weekday and trend removed; whole room: the fit's residual). */
  organicGmvCv: number;
  trend: number;
  weekdayFactors: number[];
  ready: boolean;
  reasons: Text[];
  /** What readiness could not judge, said plainly (e.g. conversion unknown without views). */
  notes: Text[];
  /** The first reason's fix in one sentence; absent when ready. */
  fixFirst?: Text;
  /** Readiness v2: the verdict tier and the ordered checks (value, threshold, source, fix). */
  verdict?: Verdict;
  checks?: ReadinessCheck[];
  /** When the verdict is "fix first" on an organic lever: the same plan with the benchmark value (a what-if). */
  whatIf?: WhatIfReport;
  /** Organic base per carrier when 成交分析 gives 载体 rows (fit/carrier-base.ts). */
  carriers?: CarrierBase[];
}

/** The plan once the first organic lever is fixed, computed with the benchmark value: a what-if, not a forecast. */
export interface WhatIfReport {
  lever: string;
  /** The lever's measured value and the benchmark it was set to. */
  measured: number;
  benchmark: number;
  label: Text;
  /** Organic GMV per day and the first scenario's totals, as planned and in the what-if. */
  organicGmvPerDay: { now: number; whatIf: number };
  totalGmv: { now: number; whatIf: number };
  totalProfit: { now: number; whatIf: number };
}

export type CurveModel = 'hill' | 'power' | 'assumed';

export interface CurveReport {
  model: CurveModel;
  /** hill: gmax, k, a; power: c, b; assumed: gmax, k, a (a = 1). */
  params: Record<string, number>;
  r2: number | null;
  n: number;
  minSpend: number | null;
  maxSpend: number | null;
  residualSd: number | null;
  note?: Text;
  /** Which GMV the curve maps spend to (docs/model.md): "direct" paid GMV, or "whole-room" incremental GMV. */
  basis: CurveBasis;
  /** Whole-room only: expected organic GMV per day O (null when not identified). */
  organicGmvPerDay?: number | null;
  /** Whole-room only: an interval for S* (null when not identified). */
  sStarInterval?: [number, number] | null;
  /** Present when the plan rests on an assumed curve because the data could not identify one. */
  assumed?: AssumedCurveReport;
  /**
   * Whole-room only: spend that follows demand. method target-log / proxy: corrected (control
   * function); diagnostic: tested, and when detected the S* interval was widened (docs/model.md).
   */
  demandCoupling?: { method: 'target-log' | 'proxy' | 'diagnostic' | 'none'; detected: boolean; strength: number; widened: boolean };
  /** What the fit learned per event phase (fitted false: those days were left out). */
  eventEffects?: FittedEventEffect[];
  /** Experiment results the fit was calibrated with, and S* before them (absent when none). */
  calibration?: CalibrationReport;
}

export interface CalibrationReport {
  used: { source: string; first: string; last: string; spendBefore: number; deltaSpend: number; deltaGmv: number; sigma: number }[];
  /** Weight the observational days kept against the experiments (1 = they agreed). */
  dataWeight: number;
  sStarBefore: number | null;
  sStarIntervalBefore: [number, number] | null;
}

/** What an assumed curve rests on, and what would replace it. */
export interface AssumedCurveReport {
  /** Why the curve fitted from the data is not used. */
  why: Text;
  /** The scenario's paid_roi_initial / saturation_spend, or the labelled category defaults. */
  source: 'assumptions' | 'category-defaults';
  paidRoiInitial: number;
  saturationSpend: number;
  /** S* over plausible curves: initial ROI ×⅔ … ×1.5 and half-saturation ×½ … ×2. */
  sStarRange: [number, number];
  /** The test that would identify the curve. */
  identifyBy: Text;
}

export type CurveBasis = 'direct' | 'whole-room';

export interface LiftReport {
  lambda: number;
  theta: number;
  identified: boolean;
  /** Long-run leverage L = λ/(1−θ). */
  leverage: number;
  note: Text;
}

export interface EconomicsReport {
  unitMargin: number;
  /** 1/u: incremental GMV per yuan at which paid traffic breaks even, pay basis (支付). */
  breakEvenRoi: number;
  targetMarginalRoi: number;
  /** (1 − r1h)/u: the same on the 净成交 basis (docs/model.md). */
  breakEvenRoiNet: number;
  /** Whole-room break-even 整体ROI (O + Gp(S_be))/S_be; null when no organic measure applies. */
  roomBreakEvenRoi: number | null;
  /** What to set on the platform at the sustainable spend (docs/model.md). */
  targets: RoiTargets;
}

/** The 全域 lever: 整体ROI targets (pay and 净成交 basis) and the daily budget. */
export interface RoiTargets {
  /** 整体支付ROI target T* = (O + Gp(S*))/S* (room scope; Gp(S*)/S* when uni_roi_scope = attributed); null at S* = 0. */
  roomRoi: number | null;
  /** The 净成交 version T*·(1 − r1h). */
  roomRoiNet: number | null;
  /** The daily budget: the sustainable spend S*. */
  dailyBudget: number;
}

export interface KpiReport {
  totalSpend: number;
  totalGmv: number;
  totalProfit: number;
  roi: number | null;
  incrementalRoi: number | null;
  peakCapital: number;
  minCash: number;
  paybackDay: number | null;
  returnOnCapital: number | null;
  sustainableSpend: number;
  /** return_on_capital × 365 / horizon. */
  returnOnCapitalAnnualised?: number | null;
  /** Σ profit − Σ profit of the organic-only path. */
  incrementalProfit?: number;
}

export interface RiskReport {
  runs: number;
  seed: number;
  profitP10: number;
  profitP50: number;
  profitP90: number;
  peakCapitalP10: number;
  peakCapitalP50: number;
  peakCapitalP90: number;
  minCashP10: number;
  minCashP50: number;
  minCashP90: number;
  paybackDayP10: number | null;
  paybackDayP50: number | null;
  paybackDayP90: number | null;
  pLoss: number;
  pCashShort: number;
  /** P(incremental profit < 0): whether the *paid* spend pays (what it adds over organic-only). */
  pLossIncremental?: number;
  incrementalProfitP10?: number;
  incrementalProfitP50?: number;
  incrementalProfitP90?: number;
}

export interface PlanDay {
  date: IsoDate;
  spend: number;
  paidGmv: number;
  organicGmv: number;
  gmv: number;
  orders: number;
  profit: number;
  cash: number;
  roi: number | null;
  marginalRoi: number | null;
  limit: Limit;
  /** 整体支付ROI target that yields this day's planned spend (null at zero spend). */
  roiTarget: number | null;
}

export interface ScenarioReport {
  name: string;
  economics: EconomicsReport;
  kpis: KpiReport;
  risk?: RiskReport;
  days: PlanDay[];
  /** Plan-level notes: spend held at 0 (organic first), cash below reserve from day N, caps hit. */
  notes: Text[];
  /** Expected organic GMV per day the plan runs on (O of docs/model.md); null when not identified. */
  organicGmvPerDay?: number | null;
  /** The basis of the curve this scenario planned with. */
  curveBasis?: CurveBasis;
  /** Mean daily spend of the last 7 history days (where the plan moves the budget from). */
  recentSpend?: number;
  /** The lift this scenario planned with (the estimate, or the scenario's lift_lambda / lift_theta). */
  lift?: { lambda: number; theta: number; leverage: number };
  /** Tornado on total_profit, sorted by swing (present when risk was run). */
  sensitivity?: SensitivityReportRow[];
  /** Per plan day P10 / P90 of the cash balance across Monte Carlo runs (present when risk was run). */
  cashP10?: number[];
  cashP90?: number[];
  /** 全域 only: the target table, the recommended 净成交ROI target and its ramp (docs/model.md). */
  targets?: TargetTable;
}

/** A tornado row as reported: the engine's row on total_profit (sensitivity.ts), input as a plain key. */
export type SensitivityReportRow = Omit<SensitivityRow, 'input'> & { input: string };

export interface PlanReport {
  baseline: BaselineReport;
  curve: CurveReport;
  lift: LiftReport;
  scenarios: ScenarioReport[];
}

/** One row of the tornado. */
export interface SensitivityRow {
  input: 'paid_curve_level' | 'refund_rate' | 'aov' | 'organic_level' | 'lift_lambda';
  label: Text;
  /** The input at its P10 and P90. */
  low: number;
  high: number;
  /** The metric with the input at P10 / P90 (null: payback never). */
  atLow: number | null;
  atHigh: number | null;
  swing: number;
}
