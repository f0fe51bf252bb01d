/**
 * assets/sample/formulas-demo.xlsx: the sample merchant laid out the way a provider sets up a
 * merchant's sheet — the export (直播数据), the assumptions table (投放假设), a daily summary
 * (日汇总), a dashboard of ADPLAN formulas (看板) and a live plan (计划). Formulas are stored the
 * way Excel stores JavaScript custom functions (`_xldudf_ADPLAN_…`, each a dynamic array: no `=@`),
 * spills over the result's size, each with its computed value cached so the file reads well even
 * before the add-in loads, and a values-only copy beside each sheet of ADPLAN formulas (日汇总（数值）,
 * 看板（数值）, 计划（数值）) for a merchant without the add-in. The formulas and their examples are FORMULA_EXAMPLES (docs use them too).
 */
import type { Workbook, Worksheet } from 'exceljs';
import { msToSerial } from '../data/formats';
import type { Cell } from '../data/table';
import { readHistory } from '../data/history';
import { columnLetters, columnNumber } from '../data/formats';
import { valuesSheetName, workbookBytes, writeArrayFormula, writeFormula, writeValuesCopy } from '../data/formats';
import { baselineResult } from '../functions/baseline';
import { PLAN_DAY_COLUMNS } from '../model/report';
import { relabelLimits } from '../preview/plan-values-copy';
import { FORMULA_EXAMPLES, DEMO_SHEETS, evaluateExample, type DemoRanges, type ExampleResult } from './formula-examples';
import { historyToCompassCells } from './sheet';
import { buildSampleWorkbook, sampleAssumptionCells } from './workbook';


/** A cell as Excel hands it to a custom function: dates as serial numbers, blanks as null. */
function asExcelSends(c: Cell): Cell {
  if (c instanceof Date) return msToSerial(c.getTime());
  return c === undefined || c === '' ? null : c;
}

function writeResult(ws: Worksheet, at: string, formula: string, result: ExampleResult): void {
  const cell = ws.getCell(at);
  const [row, col] = [Number(cell.row), Number(cell.col)];
  if (Array.isArray(result)) writeArrayFormula(ws, row, col, formula, result);
  else writeFormula(ws, row, col, formula, result);
}

export interface DemoWorkbook {
  workbook: Workbook;
  ranges: DemoRanges;
}

export function buildDemoWorkbook(seed = 1): DemoWorkbook {
  const { workbook, history } = buildSampleWorkbook(seed);
  const historyCells = historyToCompassCells(history, { seed }).map((r) => r.map(asExcelSends));
  const assumptionCells = sampleAssumptionCells().map((r) => r.map((c) => asExcelSends(c)));
  const days = readHistory(historyCells).history.days;

  // 日汇总: one row per day (what FITCURVE and CASHFLOW read), from the same reader.
  const daily = workbook.addWorksheet(DEMO_SHEETS.daily);
  daily.addRow(['日期', '千川消耗', '直接成交金额', '直播间成交金额']);
  for (const d of days) daily.addRow([d.date, d.spend, d.paidGmv ?? 0, d.gmv]);
  daily.getRow(1).font = { bold: true };
  daily.columns.forEach((c) => (c.width = 14));

  // CASHFLOW needs refund_rate and aov in its table: a small one beside the daily columns, with
  // those two taken from the history by BASELINE formulas and the rest from 投放假设.
  const cash = cashTable(assumptionCells, historyCells);

  const ranges: DemoRanges = {
    history: historyCells,
    assumptions: assumptionCells,
    spend: days.map((d) => [d.spend]),
    paidGmv: days.map((d) => [d.paidGmv ?? 0]),
    gmv: days.map((d) => [d.gmv]),
    historyRef: `${DEMO_SHEETS.history}!$A$1:$${columnLetters(historyCells[0]?.length ?? 1)}$${historyCells.length}`,
    assumptionsRef: `${DEMO_SHEETS.assumptions}!$A$1:$${columnLetters(assumptionCells[0]?.length ?? 1)}$${assumptionCells.length}`,
    spendRef: `${DEMO_SHEETS.daily}!$B$2:$B$${days.length + 1}`,
    paidGmvRef: `${DEMO_SHEETS.daily}!$C$2:$C$${days.length + 1}`,
    gmvRef: `${DEMO_SHEETS.daily}!$D$2:$D$${days.length + 1}`,
    cashTable: cash.map((r) => [r.key, r.value]),
    cashTableRef: `${DEMO_SHEETS.daily}!$I$1:$J$${cash.length}`,
  };
  cash.forEach((r, i) => {
    daily.getCell(`I${i + 1}`).value = r.key;
    const historyRef = ranges.historyRef;
    // An ADPLAN call through writeFormula (a one-cell dynamic array: no =@ in Excel 365).
    if (r.source === 'history') writeFormula(daily, i + 1, 10, `=ADPLAN.BASELINE(${historyRef},"${r.key}")`, r.value as number);
    else daily.getCell(`J${i + 1}`).value = r.source === 'assumptions' ? { formula: `${DEMO_SHEETS.assumptions}!D${r.row}`, result: r.value as number } : r.value;
  });
  daily.getColumn(9).width = 20;

  const dash = workbook.addWorksheet(DEMO_SHEETS.dashboard);
  const plan = workbook.addWorksheet(DEMO_SHEETS.plan);
  // The dashboard opens first: move it to the front.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: workbook.worksheets.indexOf(dash), visibility: 'visible' }];
  dash.getCell('A1').value = 'AdPlan 看板 — 样本商家（公式在加载 AdPlan 加载项后实时计算）';
  dash.getCell('A1').font = { bold: true, size: 14 };
  dash.getColumn(1).width = 30;
  dash.getColumn(2).width = 16;
  for (const ex of FORMULA_EXAMPLES) {
    const ws = ex.sheet === 'plan' ? plan : ex.sheet === 'daily' ? daily : dash;
    if (ex.label) {
      const [col, row] = [ex.at.replace(/\d+/gu, ''), Number(ex.at.replace(/\D+/gu, ''))];
      const labelCell = ex.labelAt ?? `${columnLetters(Math.max(1, columnNumber(col) - 1))}${ex.spill ? row - 1 : row}`;
      ws.getCell(labelCell).value = ex.label;
      ws.getCell(labelCell).font = { bold: !!ex.spill };
    }
    writeResult(ws, ex.at, ex.formula(ranges), evaluateExample(ex, ranges));
  }
  // Dates below the spilled header only: a date format on the header cell loses its cached text.
  for (let r = 2; r <= plan.rowCount; r++) plan.getCell(r, 1).numFmt = 'yyyy-mm-dd';
  plan.getColumn(1).width = 12;
  // Beside each sheet of formulas, its values: what a merchant without the add-in reads (the
  // live sheets show #NAME? there once Excel recalculates).
  for (const ws of [daily, dash, plan]) {
    const copy = writeValuesCopy(workbook, ws, valuesSheetName(ws.name, 'zh-CN'));
    // The plan's limit column speaks words in the copy (爬坡, not the function's key `ramp`).
    if (ws === plan) relabelLimits(copy, PLAN_DAY_COLUMNS.findIndex((c) => c.key === 'limit') + 1, 2, 'zh-CN');
  }
  // Recalculate on open, so the live values replace the cached ones once the add-in is loaded.
  workbook.calcProperties = { fullCalcOnLoad: true };
  return { workbook, ranges };
}

interface CashRow {
  key: string;
  value: Cell;
  source: 'header' | 'history' | 'assumptions';
  /** Sheet row in 投放假设 (assumptions rows). */
  row?: number;
}

const CASH_KEYS = ['cogs_rate', 'fee_rate', 'commission_rate', 'shipping_per_order', 'return_shipping', 'resale_rate', 'fixed_cost_per_day', 'cash_available', 'settlement_days', 'prepay_days', 'inventory_days'];

function cashTable(assumptions: Cell[][], history: Cell[][]): CashRow[] {
  const rows: CashRow[] = [{ key: 'key', value: 'Base', source: 'header' }];
  for (const key of ['refund_rate', 'aov']) {
    rows.push({ key, value: baselineResult(history, key, null, 'zh-CN')[0]?.[0] as number, source: 'history' });
  }
  for (const key of CASH_KEYS) {
    const i = assumptions.findIndex((r) => r[0] === key);
    if (i >= 0) rows.push({ key, value: assumptions[i]?.[3] ?? null, source: 'assumptions', row: i + 1 });
  }
  return rows;
}

export async function demoWorkbookBytes(seed = 1): Promise<Uint8Array> {
  const { workbook } = buildDemoWorkbook(seed);
  return workbookBytes(workbook);
}
