/** Back-test and review of one 90-day merchant (issue 15: both together ≤ 100 ms). */
import { backtest } from '../src/model/review';
import { review } from '../src/model/review';
import { generateMerchant } from '../src/sample/merchant';

export const REVIEW_TARGET_MS = 100;

const SCENARIO = { name: 'Base', values: { cogs_rate: 0.4, cash_available: 200000, shipping_per_order: 6, return_shipping: 6 } };

export function reviewBenchmarks(): { name: string; runs: number; warmup: number; run: () => unknown }[] {
  const { history } = generateMerchant(1);
  const since = history.days[history.days.length - 14]!.date;
  return [
    { name: 'backtest_90', runs: 30, warmup: 5, run: () => backtest(history, SCENARIO) },
    { name: 'review_90', runs: 30, warmup: 5, run: () => review(history, SCENARIO, since) },
  ];
}
