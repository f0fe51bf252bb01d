/**
 * Portfolio totals. Money sums cover status "ok" merchants only: not-ready merchants are told to
 * work on organic traffic first, so their plan is not money the provider would put to work.
 * Peak capitals are summed as if they coincided (a prudent upper bound: merchants peak on
 * different days). Expected profit is each plan's total profit (the point plan, not a P50).
 */
import { TIERS, type MerchantRow, type PortfolioSummary, type Tier } from './types';

export function emptySummary(): PortfolioSummary {
  const counts = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  return { merchants: 0, counts, totalPlannedSpend: 0, totalPeakCapital: 0, totalExpectedProfit: 0 };
}

/** Adds one row in place (streaming: rows can be folded in as they arrive). */
export function addToSummary(s: PortfolioSummary, row: MerchantRow): PortfolioSummary {
  s.merchants += 1;
  s.counts[row.tier] += 1;
  if (row.status === 'ok') {
    s.totalPlannedSpend += row.kpis.totalSpend;
    s.totalPeakCapital += row.peakCapital ?? 0;
    s.totalExpectedProfit += row.kpis.totalProfit;
  }
  return s;
}

export function summarise(rows: readonly MerchantRow[]): PortfolioSummary {
  return rows.reduce(addToSummary, emptySummary());
}
