/** The comparison table's rows: what each shows, how to format it, which way is better. */
import type { Text } from '../../i18n/text';
import { kpiLabel } from '../../model/report';
import type { ScenarioReport } from '../../model/report';

export type Better = 'higher' | 'lower';
export type Format = 'money' | 'ratio' | 'percent' | 'day';

export type ComparisonRowId =
  | 'totalGmv'
  | 'totalProfit'
  | 'roi'
  | 'incrementalRoi'
  | 'sustainableSpend'
  | 'peakCapital'
  | 'minCash'
  | 'paybackDay'
  | 'returnOnCapital'
  | 'profitP10'
  | 'profitP50'
  | 'profitP90'
  | 'pLoss'
  | 'pCashShort';

/** Rows labelled by the pane's own messages (not KPIs of the model). */
export type RiskRowId = 'profitP10' | 'profitP50' | 'profitP90' | 'pLoss' | 'pCashShort';

export interface ComparisonRow {
  id: ComparisonRowId;
  /** The KPI's one label (src/model/kpi.ts KPIS); absent for the risk rows, labelled by the pane's messages. */
  label?: Text;
  format: Format;
  better: Better;
  /** null: none (no payback, no ROI without spend, no simulation). */
  value(s: ScenarioReport): number | null;
}

/**
 * Sustainable daily spend counts as "higher is better": it is the budget the scenario can keep
 * at its target marginal ROI, i.e. the room to scale profitably. A payback that never comes is
 * the worst payback.
 */
export const COMPARISON_ROWS: readonly ComparisonRow[] = [
  { id: 'totalGmv', label: kpiLabel('total_gmv'), format: 'money', better: 'higher', value: (s) => s.kpis.totalGmv },
  { id: 'totalProfit', label: kpiLabel('total_profit'), format: 'money', better: 'higher', value: (s) => s.kpis.totalProfit },
  { id: 'roi', label: kpiLabel('roi'), format: 'ratio', better: 'higher', value: (s) => s.kpis.roi },
  { id: 'incrementalRoi', label: kpiLabel('incremental_roi'), format: 'ratio', better: 'higher', value: (s) => s.kpis.incrementalRoi },
  { id: 'sustainableSpend', label: kpiLabel('sustainable_spend'), format: 'money', better: 'higher', value: (s) => s.kpis.sustainableSpend },
  { id: 'peakCapital', label: kpiLabel('peak_capital'), format: 'money', better: 'lower', value: (s) => s.kpis.peakCapital },
  { id: 'minCash', label: kpiLabel('min_cash'), format: 'money', better: 'higher', value: (s) => s.kpis.minCash },
  { id: 'paybackDay', label: kpiLabel('payback_day'), format: 'day', better: 'lower', value: (s) => s.kpis.paybackDay },
  { id: 'returnOnCapital', label: kpiLabel('return_on_capital'), format: 'percent', better: 'higher', value: (s) => s.kpis.returnOnCapital },
  { id: 'profitP10', format: 'money', better: 'higher', value: (s) => s.risk?.profitP10 ?? null },
  { id: 'profitP50', format: 'money', better: 'higher', value: (s) => s.risk?.profitP50 ?? null },
  { id: 'profitP90', format: 'money', better: 'higher', value: (s) => s.risk?.profitP90 ?? null },
  { id: 'pLoss', format: 'percent', better: 'lower', value: (s) => s.risk?.pLoss ?? null },
  { id: 'pCashShort', format: 'percent', better: 'lower', value: (s) => s.risk?.pCashShort ?? null },
];

/**
 * Indexes of the best values (ties all marked). Nothing is marked when fewer than two scenarios
 * have a value or all values are equal: there is no choice to point at. A null payback day
 * ("never") loses to any day.
 */
export function bestIndexes(values: readonly (number | null)[], better: Better, nullIsWorst = false): number[] {
  const worst = better === 'higher' ? -Infinity : Infinity;
  const scored = values.map((v) => (v === null || !Number.isFinite(v) ? (nullIsWorst ? worst : null) : v));
  const present = scored.filter((v): v is number => v !== null);
  if (present.length < 2) return [];
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best) && present.length === values.length) return [];
  if (!Number.isFinite(best)) return [];
  return scored.flatMap((v, i) => (v === best ? [i] : []));
}
