/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes scalars of any type (numbers,
   text such as "5%", blanks, 1×1 matrices); args.ts coerces and validates them. */
/**
 * The ADPLAN custom functions. Each is a thin wrapper: its JSDoc is the en-US metadata
 * (custom-functions-metadata-plugin generates dist/functions.json from it and appends the
 * CustomFunctions.associate calls), its body coerces arguments and calls the engine through
 * `guard`, which turns every failure into an Excel error value with a message.
 * zh-CN metadata: src/functions/metadata.zh-CN.json (the build fails if an entry is missing).
 */
import { guard } from './runtime';
import { baselineResult } from './baseline';
import { fitCurveSpill, mroiValue, optimalSpendValue, responseValue } from './curve';
import { cashflowSpill, kpiCell, planSpill, readinessSpill, roiTargetCell, sensitivitySpill, simulateCell, targetsSpill } from './planning';
import { backtestResult, reviewSpill } from './review';
import { experimentSpill } from './experiment';
import { breakEvenRoiOf, unitMarginOf } from './unit-economics';
import { eventsSpill } from './events';

/*
 * Fixed choices, declared with @customenum so Excel's formula AutoComplete offers them (the
 * plugin reads enums only from this file). Each value is the English key the function matches,
 * whatever the display language; the zh-CN names and tooltips are in metadata.zh-CN.json
 * ("enums"). test/dist/functions-metadata.test.ts holds every list to the engine's own.
 * Values in double quotes: the plugin reads each initializer with JSON.parse.
 */

/**
 * BASELINE metrics.
 * @customenum {string}
 */
enum BaselineMetric {
  /** Valid days in the window */
  days = "days",
  /** Organic views per day */
  organic_views = "organic_views",
  /** Organic conversion rate (orders per view) */
  cvr = "cvr",
  /** Average order value */
  aov = "aov",
  /** GMV per thousand views */
  gpm = "gpm",
  /** Refunded share of GMV */
  refund_rate = "refund_rate",
  /** Organic GMV per day */
  organic_gmv = "organic_gmv",
  /** Day-to-day variation of the conversion rate */
  cvr_cv = "cvr_cv",
  /** Trend of organic GMV per day */
  trend = "trend",
}

/**
 * FITCURVE models.
 * @customenum {string}
 */
enum CurveModel {
  /** The better fit of hill and power */
  auto = "auto",
  /** Saturating S-curve */
  hill = "hill",
  /** Power law */
  power = "power",
}

/**
 * Plan and review periods.
 * @customenum {string}
 */
enum Period {
  /** One row per day */
  day = "day",
  /** One row per week */
  week = "week",
}

/**
 * KPI metrics (src/model/report KPIS).
 * @customenum {string}
 */
enum KpiMetric {
  /** Total spend */
  total_spend = "total_spend",
  /** Total GMV */
  total_gmv = "total_gmv",
  /** Total profit */
  total_profit = "total_profit",
  /** ROI */
  roi = "roi",
  /** Incremental ROI */
  incremental_roi = "incremental_roi",
  /** Peak capital */
  peak_capital = "peak_capital",
  /** Minimum cash */
  min_cash = "min_cash",
  /** Payback day */
  payback_day = "payback_day",
  /** Return on capital */
  return_on_capital = "return_on_capital",
  /** Return on capital (annualised) */
  return_on_capital_annualised = "return_on_capital_annualised",
  /** Sustainable daily spend */
  sustainable_spend = "sustainable_spend",
  /** Break-even ROI */
  break_even_roi = "break_even_roi",
  /** Unit margin */
  unit_margin = "unit_margin",
  /** Target marginal ROI */
  target_marginal_roi = "target_marginal_roi",
  /** 整体ROI target (pay) */
  roi_target = "roi_target",
  /** 整体ROI target (net) */
  roi_target_net = "roi_target_net",
  /** Whole-room break-even ROI */
  room_break_even_roi = "room_break_even_roi",
  /** Break-even ROI (net) */
  break_even_roi_net = "break_even_roi_net",
  /** Organic GMV per day */
  organic_gmv_per_day = "organic_gmv_per_day",
  /** Daily budget */
  daily_budget = "daily_budget",
}

/**
 * ROITARGET bases.
 * @customenum {string}
 */
enum RoiBasis {
  /** 支付: paid GMV (default) */
  pay = "pay",
  /** 净成交: GMV less refunds within 1 hour */
  net = "net",
}

/**
 * SIMULATE metrics.
 * @customenum {string}
 */
enum SimulateMetric {
  /** Total profit (a percentile) */
  total_profit = "total_profit",
  /** Peak capital (a percentile) */
  peak_capital = "peak_capital",
  /** Minimum cash (a percentile) */
  min_cash = "min_cash",
  /** Payback day (a percentile) */
  payback_day = "payback_day",
  /** Probability of a loss */
  p_loss = "p_loss",
  /** Probability that cash runs short */
  p_cash_short = "p_cash_short",
}

/**
 * SENSITIVITY metrics.
 * @customenum {string}
 */
enum SensitivityMetric {
  /** Total profit (default) */
  total_profit = "total_profit",
  /** Peak capital */
  peak_capital = "peak_capital",
  /** Minimum cash */
  min_cash = "min_cash",
  /** Payback day */
  payback_day = "payback_day",
}

/**
 * BACKTEST metrics.
 * @customenum {string}
 */
enum BacktestMetric {
  /** Mean absolute percentage error of the held-out weeks */
  mape = "mape",
  /** Mean signed error (over- or under-forecast) */
  bias = "bias",
  /** The naive rule's error, for comparison */
  naive_mape = "naive_mape",
  /** The verdict: good, usable or weak */
  grade = "grade",
}

/**
 * Break-even ROI: the GMV per yuan of ad spend at which paid traffic exactly breaks even (1 / unit margin).
 * @customfunction BREAKEVENROI
 * @helpurl https://localhost:3000/help/functions.html#breakevenroi
 * @param cogs_rate Goods cost as a share of the selling price, e.g. 0.4 or 40%.
 * @param [refund_rate] Refunded share of GMV (default 0).
 * @param [fee_rate] Platform technical service fee rate (default 0).
 * @param [commission_rate] Creator commission rate (default 0).
 * @param [shipping_per_order] Outbound shipping cost per order (default 0).
 * @param [aov] Average order value; required when a shipping cost is given.
 * @param [return_shipping] Return shipping cost per refunded order (default 0).
 * @param [resale_rate] Share of refunded goods that can be sold again (default 1).
 * @returns GMV per yuan of spend needed to break even.
 */
export function breakevenroi(
  cogs_rate: any,
  refund_rate?: any,
  fee_rate?: any,
  commission_rate?: any,
  shipping_per_order?: any,
  aov?: any,
  return_shipping?: any,
  resale_rate?: any,
): number {
  return guard(() =>
    breakEvenRoiOf(cogs_rate, refund_rate, fee_rate, commission_rate, shipping_per_order, aov, return_shipping, resale_rate),
  );
}

/**
 * Unit margin: contribution per yuan of GMV after goods, refunds, fees, commission and shipping.
 * @customfunction UNITMARGIN
 * @helpurl https://localhost:3000/help/functions.html#unitmargin
 * @param cogs_rate Goods cost as a share of the selling price, e.g. 0.4 or 40%.
 * @param [refund_rate] Refunded share of GMV (default 0).
 * @param [fee_rate] Platform technical service fee rate (default 0).
 * @param [commission_rate] Creator commission rate (default 0).
 * @param [shipping_per_order] Outbound shipping cost per order (default 0).
 * @param [aov] Average order value; required when a shipping cost is given.
 * @param [return_shipping] Return shipping cost per refunded order (default 0).
 * @param [resale_rate] Share of refunded goods that can be sold again (default 1).
 * @returns Contribution per yuan of GMV (a fraction).
 */
export function unitmargin(
  cogs_rate: any,
  refund_rate?: any,
  fee_rate?: any,
  commission_rate?: any,
  shipping_per_order?: any,
  aov?: any,
  return_shipping?: any,
  resale_rate?: any,
): number {
  return guard(() =>
    unitMarginOf(cogs_rate, refund_rate, fee_rate, commission_rate, shipping_per_order, aov, return_shipping, resale_rate),
  );
}

/**
 * The merchant's organic base conversion model over the last window_days valid days: one metric, or all of them as a table.
 * @customfunction BASELINE
 * @helpurl https://localhost:3000/help/functions.html#baseline
 * @param {any[][]} history The history table including its header row (any column order).
 * @param [metric] days, organic_views, cvr, aov, gpm, refund_rate, organic_gmv, cvr_cv or trend; omit for all.
 * @param [window_days] Baseline window in days (default 28).
 * @returns {any[][]} The metric, or a metric/value table.
 */
export function baseline(history: any[][], metric?: BaselineMetric, window_days?: any): any[][] {
  return guard((lang) => baselineResult(history, metric, window_days, lang));
}

/**
 * Fits the paid response curve (daily spend → paid GMV) from the merchant's paid days.
 * @customfunction FITCURVE
 * @helpurl https://localhost:3000/help/functions.html#fitcurve
 * @param {any[][]} spend Daily ad spend, one column or row.
 * @param {any[][]} paid_gmv Paid GMV on the same days, same size as spend.
 * @param [model] auto (default), hill or power.
 * @returns {any[][]} A parameter/value table: model, parameters, r2, n, min_spend, max_spend, residual_sd.
 */
export function fitcurve(spend: any[][], paid_gmv: any[][], model?: CurveModel): any[][] {
  return guard((lang) => fitCurveSpill(spend, paid_gmv, model, lang));
}

/**
 * Paid GMV the fitted curve expects at a daily spend.
 * @customfunction RESPONSE
 * @helpurl https://localhost:3000/help/functions.html#response
 * @param spend Daily ad spend.
 * @param {any[][]} curve A FITCURVE result.
 * @returns Expected paid GMV per day.
 */
export function responsefn(spend: any, curve: any[][]): any {
  return guard(() => responseValue(spend, curve));
}

/**
 * Marginal ROI (extra paid GMV per extra yuan) at a daily spend.
 * @customfunction MROI
 * @helpurl https://localhost:3000/help/functions.html#mroi
 * @param spend Daily ad spend.
 * @param {any[][]} curve A FITCURVE result.
 * @returns Marginal ROI at that spend.
 */
export function mroi(spend: any, curve: any[][]): any {
  return guard(() => mroiValue(spend, curve));
}

/**
 * The daily spend at which marginal ROI falls to a target, on the falling side of the curve; 0 when no spend reaches it.
 * @customfunction OPTIMALSPEND
 * @helpurl https://localhost:3000/help/functions.html#optimalspend
 * @param {any[][]} curve A FITCURVE result.
 * @param target_mroi Target marginal ROI, e.g. the break-even ROI with a safety margin.
 * @returns Daily spend.
 */
export function optimalspend(curve: any[][], target_mroi: any): any {
  return guard(() => optimalSpendValue(curve, target_mroi));
}

/**
 * Is the merchant ready to scale paid traffic? READY, or NOT READY with one reason per failed check (organic first).
 * @customfunction READINESS
 * @helpurl https://localhost:3000/help/functions.html#readiness
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} [assumptions] The assumptions table (thresholds and unit economics); optional.
 * @param [scenario] Scenario column name (default: the first).
 * @returns {any[][]} READY / NOT READY and the tier (ready / fix first / not yet), the reasons one per row, what could not be judged, then each check with its value, threshold, source and fix.
 */
export function readiness(history: any[][], assumptions?: any[][], scenario?: any): any[][] {
  return guard((lang) => readinessSpill(history, assumptions, scenario, lang));
}

/**
 * The history's flagged days: 大促 phases (from the built-in calendar or your own), pauses, stock-outs, learning days after a spend or target step, anomalies and missing dates.
 * @customfunction EVENTS
 * @helpurl https://localhost:3000/help/functions.html#events
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} [events] Your event calendar (活动, 阶段, 开始日期, 结束日期; optional multipliers); default: the built-in calendar.
 * @returns {any[][]} date, kind, name, phase with a header row; bad calendar rows listed last with their cell.
 */
export function events(history: any[][], events?: any[][]): any[][] {
  return guard((lang) => eventsSpill(history, events, lang));
}

/**
 * The 全域 target table: for each 净成交ROI target (from the 保本线 up), the 支付 equivalent, the daily spend the platform is expected to choose (P10/P50/P90, mean), the 控成本 budget cap, room GMV, the ads' incremental profit P10/P50/P90, P(loss), P(a day triggers 成本保障), expected 赠款, the cash low point, and which row is recommended.
 * @customfunction TARGETS
 * @helpurl https://localhost:3000/help/functions.html#targets
 * @param {any[][]} history The history table including its header row (a 全域 export: spend without a paid split).
 * @param {any[][]} assumptions The assumptions table (key column, one value column per scenario).
 * @param [scenario] Scenario column name (default: the first).
 * @returns {any[][]} The target table with a header row.
 */
export function targets(history: any[][], assumptions: any[][], scenario?: any): any[][] {
  return guard((lang) => targetsSpill(history, assumptions, scenario, lang));
}

/**
 * The day-by-day spend plan: date, spend, paid_gmv, organic_gmv, gmv, orders, profit, cash, roi, marginal_roi, the limit that bound and the 整体ROI target for that day's spend.
 * @customfunction PLAN
 * @helpurl https://localhost:3000/help/functions.html#plan
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} assumptions The assumptions table (key column, one value column per scenario).
 * @param [scenario] Scenario column name (default: the first).
 * @param [horizon_days] Days to plan (default: the horizon_days assumption, else 90).
 * @param [period] day (default) or week.
 * @returns {any[][]} The plan with a header row.
 */
export function plan(history: any[][], assumptions: any[][], scenario?: any, horizon_days?: any, period?: Period): any[][] {
  return guard((lang) => planSpill(history, assumptions, scenario, horizon_days, period, lang));
}

/**
 * One key figure of a scenario's plan, e.g. total_profit, peak_capital, payback_day or sustainable_spend.
 * @customfunction KPI
 * @helpurl https://localhost:3000/help/functions.html#kpi
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} assumptions The assumptions table.
 * @param metric total_profit, peak_capital, payback_day, sustainable_spend, break_even_roi, roi_target, roi_target_net, room_break_even_roi, organic_gmv_per_day …
 * @param [scenario] Scenario column name (default: the first).
 * @param [horizon_days] Days to plan (default: the horizon_days assumption, else 90).
 * @returns The figure; blank where there is none (e.g. no payback).
 */
export function kpi(history: any[][], assumptions: any[][], metric: KpiMetric, scenario?: any, horizon_days?: any): any {
  return guard(() => kpiCell(history, assumptions, metric, scenario, horizon_days));
}

/**
 * The 整体ROI target to set on 千川全域推广 so the platform spends the sustainable daily budget (room GMV per yuan of spend, organic included).
 * @customfunction ROITARGET
 * @helpurl https://localhost:3000/help/functions.html#roitarget
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} assumptions The assumptions table.
 * @param [scenario] Scenario column name (default: the first).
 * @param [basis] pay (default, 支付) or net (净成交: GMV less refunds within 1 hour).
 * @returns The ROI target; blank when no paid spend is worth making.
 */
export function roitarget(history: any[][], assumptions: any[][], scenario?: any, basis?: RoiBasis): any {
  return guard(() => roiTargetCell(history, assumptions, scenario, basis));
}

/**
 * Monte Carlo of a scenario's plan: a percentile of total_profit, peak_capital, min_cash or payback_day, or p_loss / p_cash_short.
 * @customfunction SIMULATE
 * @helpurl https://localhost:3000/help/functions.html#simulate
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} assumptions The assumptions table.
 * @param metric total_profit, peak_capital, min_cash, payback_day, p_loss or p_cash_short.
 * @param [stat] Percentile between 0 and 1 (default 0.5, the median).
 * @param [scenario] Scenario column name (default: the first).
 * @param [runs] Number of runs (default 1000, at most 20000).
 * @param [seed] Random seed (default 1): the same seed gives the same result everywhere.
 * @returns The percentile or probability.
 */
export function simulate(history: any[][], assumptions: any[][], metric: SimulateMetric, stat?: any, scenario?: any, runs?: any, seed?: any): any {
  return guard(() => simulateCell(history, assumptions, metric, stat, scenario, runs, seed));
}

/**
 * Which uncertain inputs matter most: each alone at its P10 and P90, sorted by the swing in the metric (a tornado).
 * @customfunction SENSITIVITY
 * @helpurl https://localhost:3000/help/functions.html#sensitivity
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} assumptions The assumptions table.
 * @param [scenario] Scenario column name (default: the first).
 * @param [metric] total_profit (default), peak_capital, min_cash or payback_day.
 * @returns {any[][]} input, value at P10, value at P90, swing.
 */
export function sensitivity(history: any[][], assumptions: any[][], scenario?: any, metric?: SensitivityMetric): any[][] {
  return guard((lang) => sensitivitySpill(history, assumptions, scenario, metric, lang));
}

/**
 * The cash model run on your own daily spend and GMV columns: the cash balance at the end of each day, until the last settlement.
 * @customfunction CASHFLOW
 * @helpurl https://localhost:3000/help/functions.html#cashflow
 * @param {any[][]} spend Daily ad spend, one column.
 * @param {any[][]} gmv Daily GMV on the same days.
 * @param {any[][]} assumptions The assumptions table (needs aov and refund_rate, cogs_rate, cash_available).
 * @param [scenario] Scenario column name (default: the first).
 * @returns {any[][]} day, cash balance.
 */
export function cashflowfn(spend: any[][], gmv: any[][], assumptions: any[][], scenario?: any): any[][] {
  return guard((lang) => cashflowSpill(spend, gmv, assumptions, scenario, lang));
}

/**
 * How well the model predicts this merchant: refit on earlier days, forecast each held-out week at the spend actually spent, compare with a naive rule.
 * @customfunction BACKTEST
 * @helpurl https://localhost:3000/help/functions.html#backtest
 * @param {any[][]} history The history table including its header row.
 * @param {any[][]} [assumptions] The assumptions table (its first scenario); optional.
 * @param [metric] mape, bias, naive_mape or grade; omit for a metric/value table.
 * @returns {any[][]} The metric, or a metric/value table with the verdict.
 */
export function backtestfn(history: any[][], assumptions?: any[][], metric?: BacktestMetric): any[][] {
  return guard((lang) => backtestResult(history, assumptions, metric, lang));
}

/**
 * Review (复盘) of the plan made at plan_start against the actual days from then on: plan vs actual per week or day, and the GMV gap split into spend, response and organic.
 * @customfunction REVIEW
 * @helpurl https://localhost:3000/help/functions.html#review
 * @param {any[][]} history The history table including its header row, running past plan_start.
 * @param {any[][]} assumptions The assumptions table.
 * @param plan_start The plan's first day; the history before it is what the plan was made from.
 * @param [scenario] Scenario column name (default: the first).
 * @param [period] week (default) or day.
 * @returns {any[][]} period, planned/actual spend, GMV (with the plan's P10–P90), profit, cash, the gap parts, a total row and the verdict.
 */
export function reviewfn(history: any[][], assumptions: any[][], plan_start: any, scenario?: any, period?: Period): any[][] {
  return guard((lang) => reviewSpill(history, assumptions, plan_start, scenario, period, lang));
}

/**
 * Reads a target test (a switchback or target steps run by its 实验计划 table): per step the change in daily spend, in room GMV (with its 90 % interval) and the incremental ROI, then the verdict.
 * @customfunction EXPERIMENT
 * @helpurl https://localhost:3000/help/functions.html#experiment
 * @param {any[][]} history The history table including its header row, covering the test.
 * @param {any[][]} schedule The 实验计划 table: 日期 and ROI目标 columns (optional 剔除), or 开始日期, 结束日期 and ROI目标.
 * @returns {any[][]} step, days, Δspend and its standard error, ΔGMV with its standard error and 90 % interval, incremental ROI and its standard error, then the verdict.
 */
export function experimentfn(history: any[][], schedule: any[][]): any[][] {
  return guard((lang) => experimentSpill(history, schedule, lang));
}
