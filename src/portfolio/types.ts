/**
 * One merchant's line in the portfolio: everything the summary, the JSON and the workbook need,
 * and nothing more (the full PlanReport is dropped in the worker so memory stays flat).
 */
import type { Text } from '../i18n/text';
import type { KpiReport, RiskReport } from '../model/report';

export type Tier = 'scale' | 'steady' | 'cut-back' | 'organic-first' | 'data-fix';

/** Display and ranking order of the tiers: most fundable first. */
export const TIERS: readonly Tier[] = ['scale', 'steady', 'cut-back', 'organic-first', 'data-fix'];

export type MerchantStatus = 'ok' | 'not_ready' | 'error';

/**
 * A merchant's line: planned (the engine produced a plan) or not planned (the file could not be
 * read, or the engine's maths said "not ready"). Status "ok" is always planned and "error" never;
 * "not_ready" is either (readiness checks failed on a plan, or a math error before one), so code
 * narrows on `status` where that says it, else on `kpis !== null` (isPlanned).
 */
export type MerchantRow = PlannedRow | UnplannedRow;

interface RowBase {
  /** Path as shown to the user: as given on the command line, then inside that folder ('/' separators). */
  file: string;
  tier: Tier;
  /** Why this tier, in both languages (the error itself for status "error"). */
  reason: Text;
  /**
   * Shown instead of a name-less path: the shop / 抖音号 name the export carries, else the file's
   * base name (a folder is added when two clash).
   */
  merchant?: string;
}

export interface UnplannedRow extends RowBase {
  status: Exclude<MerchantStatus, 'ok'>;
  kpis: null;
  risk: null;
  peakCapital: null;
  annualReturn: null;
  currentSpend: null;
  scenario: null;
  backtestMape?: undefined;
  targets?: undefined;
}

export interface PlannedRow extends RowBase {
  status: Exclude<MerchantStatus, 'error'>;
  /** The chosen scenario's KPIs. */
  kpis: KpiReport;
  /** The chosen scenario's risk; null with --runs 0. */
  risk: RiskReport | null;
  /**
   * The capital the plan may tie up, the one number every view and the reason show: the P90 when
   * risk was simulated (never below the plan's own), else the plan's (tiers.ts peakCapitalOf).
   */
  peakCapital: number | null;
  /**
   * Return on capital of the paid spend × 365 / horizon; null when not meaningful (no capital at
   * work, a plan shorter than MIN_ANNUALISE_DAYS, or a figure beyond MAX_ANNUAL_RETURN: see
   * docs/portfolio.md).
   */
  annualReturn: number | null;
  /** Mean spend of the last 7 history days (the plan's starting point); null when not read. */
  currentSpend: number | null;
  /** Scenario actually planned (the chosen one, or the table's first). */
  scenario: string;
  /** Back-test MAPE of daily GMV (docs/model.md): how well the model predicts this merchant; null when untestable. */
  backtestMape: number | null;
  /** What to set (docs/model.md): 整体ROI targets on both bases, the daily budget and the 保本线. */
  targets: MerchantTargets;
}

export function isPlanned(row: MerchantRow): row is PlannedRow {
  return row.kpis !== null;
}

export interface MerchantTargets {
  basis: 'direct' | 'whole-room';
  roomRoi: number | null;
  roomRoiNet: number | null;
  dailyBudget: number | null;
  roomBreakEvenRoi: number | null;
}

export interface PortfolioSummary {
  merchants: number;
  counts: Record<Tier, number>;
  /** Sums over status "ok" merchants (the ones a provider would fund). */
  totalPlannedSpend: number;
  totalPeakCapital: number;
  totalExpectedProfit: number;
}
