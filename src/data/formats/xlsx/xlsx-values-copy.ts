/**
 * The values-only copy written beside a live sheet: every formula replaced by its cached result,
 * with the same number formats, fonts, widths, frozen rows, page setup and charts. Excel
 * recalculates the live sheet on open, and without the AdPlan add-in its `_xldudf_ADPLAN_…`
 * calls become #NAME?; the copy is what a merchant without the add-in reads. Browser-safe.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { text, type Lang } from '../../../i18n/text';
import { addChart, chartsOf } from './xlsx-write';

/** The copy's name: the live sheet's name and this suffix (`看板（数值）`, `Plan – Base (values)`). */
export const VALUES_SHEET_SUFFIX = text(' (values)', '（数值）');

/** `name` + the suffix in `lang`, within Excel's 31 characters. */
export function valuesSheetName(name: string, lang: Lang): string {
  const suffix = VALUES_SHEET_SUFFIX[lang];
  return `${name.slice(0, 31 - suffix.length)}${suffix}`;
}

/** The live sheet's name, when `name` is a values copy's; null otherwise. */
export function liveSheetOf(name: string): string | null {
  for (const suffix of Object.values(VALUES_SHEET_SUFFIX)) if (name.endsWith(suffix)) return name.slice(0, -suffix.length);
  return null;
}

function valueOf(v: CellValue): CellValue {
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    const r = (v as { result?: CellValue }).result;
    return r === undefined ? null : r;
  }
  return v;
}

/** Adds `name` as a values-only copy of `ws`, placed right after it; returns the copy. */
export function writeValuesCopy(wb: Workbook, ws: Worksheet, name: string): Worksheet {
  const copy = wb.addWorksheet(name);
  // Right after the live sheet: the sheets after it move one place on. ExcelJS orders sheets by
  // `orderNo` at runtime; its typings omit the field.
  const order = (w: Worksheet): { orderNo: number } => w as unknown as { orderNo: number };
  const at = order(ws).orderNo;
  for (const other of wb.worksheets) if (other !== copy && order(other).orderNo > at) order(other).orderNo++;
  order(copy).orderNo = at + 1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const to = copy.getCell(r, c);
      to.value = valueOf(cell.value);
      if (cell.numFmt) to.numFmt = cell.numFmt;
      if (cell.font) to.font = cell.font;
      if (cell.alignment) to.alignment = cell.alignment;
    });
  });
  (ws.columns ?? []).forEach((col, j) => {
    if (col.width !== undefined) copy.getColumn(j + 1).width = col.width;
  });
  copy.views = ws.views.map((v) => ({ ...v }));
  copy.pageSetup = { ...ws.pageSetup };
  for (const chart of chartsOf(ws)) addChart(copy, chart);
  return copy;
}
