/**
 * Portfolio order: tier (scale, steady, organic-first, data-fix), then within a tier by annualised
 * return on capital, highest first; ties by expected profit (highest first), then by file path
 * (code-unit order, not locale, so every machine sorts alike). Missing numbers sort last.
 */
import { isPlanned, TIERS, type MerchantRow } from './types';

const TIER_RANK = new Map(TIERS.map((t, i) => [t, i]));

/** Descending with nulls last. */
function desc(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return a === b ? 0 : a > b ? -1 : 1;
}

/** A row the engine could not plan has no profit: it sorts after the planned ones of its tier. */
function profitOf(r: MerchantRow): number | null {
  return isPlanned(r) ? r.kpis.totalProfit : null;
}

export function compareRows(a: MerchantRow, b: MerchantRow): number {
  return (
    (TIER_RANK.get(a.tier) ?? 0) - (TIER_RANK.get(b.tier) ?? 0) ||
    desc(a.annualReturn, b.annualReturn) ||
    desc(profitOf(a), profitOf(b)) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

export function rankRows(rows: readonly MerchantRow[]): MerchantRow[] {
  return [...rows].sort(compareRows);
}
