/** The risk report and SIMULATE's statistics from a Monte Carlo result (docs/model.md). */
import { text } from '../../i18n/text';
import { AdplanError } from '../core';
import type { SimulationResult } from './monte-carlo';
import { quantile } from '../numeric';
import type { RiskReport } from '../report';

export function riskReport(r: SimulationResult): RiskReport {
  const q = (x: Float64Array, p: number): number => quantile(x, p) ?? 0;
  return {
    runs: r.runs,
    seed: r.seed,
    profitP10: q(r.totalProfit, 0.1),
    profitP50: q(r.totalProfit, 0.5),
    profitP90: q(r.totalProfit, 0.9),
    peakCapitalP10: q(r.peakCapital, 0.1),
    peakCapitalP50: q(r.peakCapital, 0.5),
    peakCapitalP90: q(r.peakCapital, 0.9),
    minCashP10: q(r.minCash, 0.1),
    minCashP50: q(r.minCash, 0.5),
    minCashP90: q(r.minCash, 0.9),
    paybackDayP10: quantile(r.paybackDay, 0.1),
    paybackDayP50: quantile(r.paybackDay, 0.5),
    paybackDayP90: quantile(r.paybackDay, 0.9),
    pLoss: r.pLoss,
    pLossIncremental: r.pLossIncremental,
    incrementalProfitP10: q(r.incrementalProfit, 0.1),
    incrementalProfitP50: q(r.incrementalProfit, 0.5),
    incrementalProfitP90: q(r.incrementalProfit, 0.9),
    pCashShort: r.pCashShort,
  };
}

export const SIM_METRICS = ['total_profit', 'peak_capital', 'min_cash', 'payback_day'] as const;
export type SimMetric = (typeof SIM_METRICS)[number];

export function unknownMetric(metric: string, valid: readonly string[]): AdplanError {
  return new AdplanError(
    'lookup',
    text(`Unknown metric "${metric}". Valid metrics: ${valid.join(', ')}.`, `未知指标“${metric}”。可用指标：${valid.join(', ')}。`),
    'metric',
  );
}

/** SIMULATE: a percentile of a metric, or p_loss / p_cash_short. null when it is "never" (payback). */
export function simulationStat(r: SimulationResult, metric: string, stat = 0.5): number | null {
  if (metric === 'p_loss') return r.pLoss;
  if (metric === 'p_cash_short') return r.pCashShort;
  if (!(stat > 0 && stat < 1)) {
    throw new AdplanError('input', text(`stat must be a percentile strictly between 0 and 1, got ${String(stat)}.`, `stat 应为 0 到 1 之间（不含）的分位数，实际为 ${String(stat)}。`), 'stat');
  }
  const pick: Record<SimMetric, Float64Array> = {
    total_profit: r.totalProfit,
    peak_capital: r.peakCapital,
    min_cash: r.minCash,
    payback_day: r.paybackDay,
  };
  const arr = (pick as Record<string, Float64Array | undefined>)[metric];
  if (!arr) throw unknownMetric(metric, [...SIM_METRICS, 'p_loss', 'p_cash_short']);
  return quantile(arr, stat);
}
