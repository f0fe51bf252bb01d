/**
 * The "Write plan" sheet: the day-by-day plan (live =ADPLAN.PLAN spill or plain values) under a
 * frozen header, the KPI block beside it, and charts of spend and cash. Every number carries its
 * Excel format (money, rate, ratio, count, date); headers, limits and the sheet name follow the
 * pane's language. Pure: the gateway writes what this returns.
 */
import type { Cell } from '../../data/table';
import { dateToExcelSerial } from '../../data/cells';
import { columnLetters, fitWidth, numberFormat, type NumberKind } from '../../data/formats';
import type { Lang } from '../../i18n/text';
import { PLAN_DAY_COLUMNS, planDayValue, type PlanDayColumn, type PlanDayKey, type ValueKind } from '../../model/report';
import type { Limit, PlanDay, ScenarioReport } from '../../model/report';
import { KPI_METRICS as MODEL_KPI_METRICS, kpiLabel, kpiValue, type KpiMetric as ModelKpiMetric } from '../../model/report';
import { rangeA1 } from '../gateway/address';
import type { ChartSpec, NewSheet, RangeFormat, WriteCell } from '../gateway/types';
import { ASSUMPTIONS_NAME, HISTORY_NAME } from '../gateway/types';

/** The plan sheet's KPI block: the model's KPIs, less the ones a merchant reads elsewhere (daily_budget = sustainable_spend). */
const NOT_ON_SHEET = ['return_on_capital_annualised', 'unit_margin', 'target_marginal_roi', 'daily_budget'] as const;
export type KpiMetric = Exclude<ModelKpiMetric, (typeof NOT_ON_SHEET)[number]>;
export const KPI_METRICS: readonly KpiMetric[] = MODEL_KPI_METRICS.filter(
  (m): m is KpiMetric => !(NOT_ON_SHEET as readonly string[]).includes(m),
);

/** Columns in PLAN's order (the spill's): the model's one list. */
export const PLAN_COLUMNS: readonly PlanDayKey[] = PLAN_DAY_COLUMNS.map((c) => c.key);
export type PlanColumn = PlanDayKey;

const NUMBER_KIND: Readonly<Record<ValueKind, NumberKind | null>> = {
  date: 'date', money: 'money', count: 'count', ratio: 'ratio', rate: 'rate', days: 'day', label: null,
};

const KPI_KIND: Readonly<Record<KpiMetric, NumberKind>> = {
  total_spend: 'money', total_gmv: 'money', total_profit: 'money', roi: 'ratio', incremental_roi: 'ratio',
  peak_capital: 'money', min_cash: 'money', payback_day: 'day', return_on_capital: 'rate',
  sustainable_spend: 'money', break_even_roi: 'ratio', roi_target: 'ratio', roi_target_net: 'ratio',
  room_break_even_roi: 'ratio', break_even_roi_net: 'ratio', organic_gmv_per_day: 'money',
};

export interface PlanSheetLabels {
  lang: Lang;
  /** The new sheet's name for this scenario (`投放计划 – 基准`, `Plan – Base`). */
  sheetName: string;
  title: string;
  subtitle: string;
  metric: string;
  value: string;
  kpi: Record<KpiMetric, string>;
  /** What a values-only sheet shows in the limit column. */
  limit: Record<Limit, string>;
  spendChart: string;
  cashChart: string;
}

/** Header row of the plan table (rows 1–2 hold the title); frozen with what is above it. */
export const PLAN_ROW = 4;
/**
 * KPI block beside the plan, one narrow column after the spill (A…N today: never inside it, or
 * Excel shows #SPILL!): metric names, then values. The charts sit under it, inside the print area.
 */
export const KPI_COLUMN = PLAN_DAY_COLUMNS.length + 2;
export const KPI_ROW = PLAN_ROW;
/** Rows each chart under the KPI block covers. */
const CHART_ROWS = 20;

/** The header PLAN spills for this language: stable keys in en-US, labels in zh-CN (docs/functions.md). */
export function planHeader(lang: Lang): string[] {
  return PLAN_DAY_COLUMNS.map((c) => (lang === 'zh-CN' ? c.label['zh-CN'] : c.key));
}

function dayCell(d: PlanDay, c: PlanDayColumn, labels: PlanSheetLabels | null): Cell {
  // Live: the serial number PLAN returns; values-only: a real date. Both formatted yyyy-mm-dd.
  if (c.kind === 'date') return labels ? isoDate(d.date) : dateToExcelSerial(d.date);
  // The function keeps its documented stable keys; a values-only sheet speaks the pane's language.
  if (c.field === 'limit' && labels) return labels.limit[d.limit];
  const v = planDayValue(d, c);
  return v === null || v === undefined ? '' : (v as Cell);
}

function isoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A scenario name inside a formula's string literal. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The rows PLAN spills for this scenario and language: what a live sheet caches. */
export function planSpillRows(s: ScenarioReport, lang: Lang): Cell[][] {
  return [planHeader(lang), ...s.days.map((d) => PLAN_DAY_COLUMNS.map((c) => dayCell(d, c, null)))];
}

export function planSheet(s: ScenarioReport, labels: PlanSheetLabels, valuesOnly: boolean): NewSheet {
  const name = formulaString(s.name);
  const args = `${HISTORY_NAME},${ASSUMPTIONS_NAME}`;
  const rows: WriteCell[][] = [];
  const put = (r: number, c: number, value: WriteCell): void => {
    while (rows.length < r) rows.push([]);
    const row = rows[r - 1];
    if (!row) throw new RangeError(`Row ${r} is not a sheet row`);
    while (row.length < c - 1) row.push(null);
    row[c - 1] = value;
  };
  put(1, 1, labels.title);
  put(2, 1, labels.subtitle);

  const header = planHeader(labels.lang);
  if (valuesOnly) {
    header.forEach((h, j) => put(PLAN_ROW, j + 1, h));
    s.days.forEach((d, i) => PLAN_DAY_COLUMNS.forEach((c, j) => put(PLAN_ROW + 1 + i, j + 1, dayCell(d, c, labels))));
  } else {
    // The formula spills the header and the days; `spill` carries exactly what PLAN returns.
    put(PLAN_ROW, 1, { formula: `=ADPLAN.PLAN(${args},${name})`, spill: planSpillRows(s, labels.lang) });
  }

  put(KPI_ROW, KPI_COLUMN, labels.metric);
  put(KPI_ROW, KPI_COLUMN + 1, labels.value);
  KPI_METRICS.forEach((m, i) => {
    const v = kpiValue(s, m);
    const cell: WriteCell = valuesOnly ? (v ?? '') : { formula: `=ADPLAN.KPI(${args},"${m}",${name})`, result: v ?? '' };
    put(KPI_ROW + 1 + i, KPI_COLUMN, labels.kpi[m]);
    put(KPI_ROW + 1 + i, KPI_COLUMN + 1, cell);
  });

  const last = PLAN_ROW + s.days.length;
  const col = (c: PlanColumn): number => PLAN_COLUMNS.indexOf(c) + 1;
  const formats: RangeFormat[] = [];
  PLAN_DAY_COLUMNS.forEach((c, j) => {
    const kind = NUMBER_KIND[c.kind];
    if (kind && s.days.length > 0) formats.push({ range: rangeA1(PLAN_ROW + 1, j + 1, s.days.length, 1), format: numberFormat(kind, labels.lang) });
  });
  KPI_METRICS.forEach((m, i) => formats.push({ range: rangeA1(KPI_ROW + 1 + i, KPI_COLUMN + 1, 1, 1), format: numberFormat(KPI_KIND[m], labels.lang) }));

  const widths = PLAN_DAY_COLUMNS.map((c, j) => {
    if (c.kind === 'date') return 12;
    if (c.kind === 'label') return fitWidth([header[j] ?? '', ...s.days.map((d) => String(labels.limit[d.limit]))], 8);
    return fitWidth([header[j] ?? '', '¥12,345,678'], 10, 16);
  });
  widths.push(2); // gap before the KPI block
  // Wide enough for the longest KPI label in either language: a sheet written in one language is
  // often read in the other, and a cut label (总消… for 总消耗) is unreadable on paper.
  const both = KPI_METRICS.flatMap((m) => [labels.kpi[m], kpiLabel(m)['zh-CN'], kpiLabel(m)['en-US']]);
  widths.push(fitWidth([labels.metric, ...both], 12, 40));
  widths.push(14);

  // Under the KPI block, inside the printed width: spend (columns) with GMV (line, right axis), then cash.
  const chartRow = KPI_ROW + KPI_METRICS.length + 2;
  const at = (row: number): { anchor: string; to: string } => ({
    anchor: `${columnLetters(KPI_COLUMN)}${row}`,
    to: `${columnLetters(KPI_COLUMN + 2)}${row + CHART_ROWS}`,
  });
  const span = (c: PlanColumn): string => rangeA1(PLAN_ROW, col(c), last - PLAN_ROW + 1, 1);
  const charts: ChartSpec[] = [
    { type: 'column', title: labels.spendChart, values: span('spend'), secondary: { name: header[col('gmv') - 1] ?? 'gmv', values: span('gmv') }, categories: span('date'), ...at(chartRow) },
    { type: 'line', title: labels.cashChart, values: span('cash'), categories: span('date'), ...at(chartRow + CHART_ROWS + 1) },
  ];
  // Printed: the plan, the KPI block and the charts, down to whichever ends lower.
  const printLast = Math.max(last, chartRow + 2 * CHART_ROWS + 1);
  return {
    baseName: labels.sheetName,
    cells: rows,
    charts,
    activate: true,
    formats,
    bold: ['A1', rangeA1(PLAN_ROW, 1, 1, PLAN_COLUMNS.length), rangeA1(KPI_ROW, KPI_COLUMN, 1, 2)],
    freezeRows: PLAN_ROW,
    widths,
    print: { area: `A1:${columnLetters(KPI_COLUMN + 1)}${printLast}`, titleRows: PLAN_ROW },
  };
}
