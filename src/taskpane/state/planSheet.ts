/**
 * The "Write plan" sheet: a KPI block and the day-by-day plan, as live =ADPLAN.* formulas over
 * the named ranges or as plain values for merchants without the add-in, plus charts of spend and
 * cash. Pure: the gateway writes what this returns.
 */
import type { Cell } from '../../data/types';
import type { PlanDay, ScenarioReport } from '../../model/report';
import { PLAN_DAY_COLUMNS, planDayValue, type PlanDayKey } from '../../model/columns';
import { KPI_METRICS as MODEL_KPI_METRICS, kpiValue, type KpiMetric as ModelKpiMetric } from '../../model/kpi';
import { rangeA1 } from '../gateway/address';
import type { ChartSpec, NewSheet, WriteCell } from '../gateway/types';
import { ASSUMPTIONS_NAME, HISTORY_NAME } from '../gateway/types';

/** The plan sheet's KPI block: the model's KPIs, less the ones a merchant reads elsewhere (daily_budget = sustainable_spend). */
const NOT_ON_SHEET = ['return_on_capital_annualised', 'unit_margin', 'target_marginal_roi', 'daily_budget'] as const;
export type KpiMetric = Exclude<ModelKpiMetric, (typeof NOT_ON_SHEET)[number]>;
export const KPI_METRICS: readonly KpiMetric[] = MODEL_KPI_METRICS.filter(
  (m): m is KpiMetric => !(NOT_ON_SHEET as readonly string[]).includes(m),
);

export const PLAN_COLUMNS: readonly PlanDayKey[] = PLAN_DAY_COLUMNS.map((c) => c.key);
export type PlanColumn = PlanDayKey;

export interface PlanSheetLabels {
  title: string;
  subtitle: string;
  metric: string;
  value: string;
  kpi: Record<KpiMetric, string>;
  spendChart: string;
  cashChart: string;
}

const KPI_ROW = 4; // header of the KPI block
const PLAN_ROW = KPI_ROW + KPI_METRICS.length + 3; // header row of the plan table


function dayRow(d: PlanDay): Cell[] {
  return PLAN_DAY_COLUMNS.map((c) => planDayValue(d, c) ?? null);
}

/** A scenario name inside a formula's string literal. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function planSheet(s: ScenarioReport, labels: PlanSheetLabels, valuesOnly: boolean): NewSheet {
  const name = formulaString(s.name);
  const args = `${HISTORY_NAME},${ASSUMPTIONS_NAME}`;
  const rows: WriteCell[][] = [];
  const put = (r: number, row: WriteCell[]): void => {
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = row;
  };
  put(1, [labels.title]);
  put(2, [labels.subtitle]);
  put(KPI_ROW, [labels.metric, labels.value]);
  KPI_METRICS.forEach((m, i) => {
    const v = kpiValue(s, m);
    const cell: WriteCell = valuesOnly ? v : { formula: `=ADPLAN.KPI(${args},"${m}",${name})`, result: v };
    put(KPI_ROW + 1 + i, [labels.kpi[m], cell]);
  });
  const table: Cell[][] = [[...PLAN_COLUMNS], ...s.days.map(dayRow)];
  if (valuesOnly) {
    table.forEach((r, i) => put(PLAN_ROW + i, r));
  } else {
    // The formula spills the header and the days; `spill` carries what it should show.
    put(PLAN_ROW, [{ formula: `=ADPLAN.PLAN(${args},${name})`, spill: table }]);
  }
  const last = PLAN_ROW + s.days.length;
  const col = (c: PlanColumn): number => PLAN_COLUMNS.indexOf(c) + 1;
  const charts: ChartSpec[] = [
    {
      type: 'column',
      title: labels.spendChart,
      values: rangeA1(PLAN_ROW, col('spend'), last - PLAN_ROW + 1, 1),
      categories: rangeA1(PLAN_ROW, col('date'), last - PLAN_ROW + 1, 1),
      anchor: 'M2',
    },
    {
      type: 'line',
      title: labels.cashChart,
      values: rangeA1(PLAN_ROW, col('cash'), last - PLAN_ROW + 1, 1),
      categories: rangeA1(PLAN_ROW, col('date'), last - PLAN_ROW + 1, 1),
      anchor: 'M20',
    },
  ];
  return { baseName: `Plan – ${s.name}`, cells: rows, charts, activate: true };
}

export { PLAN_ROW, KPI_ROW };
