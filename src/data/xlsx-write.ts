/**
 * Writing workbooks that Excel opens with live ADPLAN formulas (the demo workbook, the browser
 * preview's "Download workbook"). Excel stores a JavaScript custom function call as
 * `_xldudf_ADPLAN_KPI(…)`; a spilled result is written as an array formula over exactly the
 * result's size (ExcelJS writes no dynamic-array metadata), with the values cached so the file
 * reads well before the add-in loads. Browser-safe.
 */
import type { CellFormulaValue, Worksheet } from 'exceljs';
import { columnLetters } from './address';

/** `=ADPLAN.KPI(…)` → `_xldudf_ADPLAN_KPI(…)` (no leading "="), nested calls included. */
export function toFileFormula(formula: string): string {
  return formula.replace(/^=/u, '').replace(/ADPLAN\.([A-Z]+)\(/gu, '_xldudf_ADPLAN_$1(');
}

export type CachedValue = string | number | boolean | Date;

interface ArrayFormulaValue extends CellFormulaValue {
  // ExcelJS supports these at runtime (worksheet.fillFormula) but its types omit them.
  shareType: 'array';
  ref: string;
}

function cached(v: CachedValue | null | undefined): CachedValue {
  return v === null || v === undefined ? '' : v;
}

/** A single-cell formula with its cached result. */
export function writeFormula(ws: Worksheet, row: number, col: number, formula: string, result: CachedValue | null | undefined): void {
  ws.getCell(row, col).value = { formula: toFileFormula(formula), result: cached(result) };
}

/** A formula whose result spills over `values` (anchor first), as an array formula with cached values. */
export function writeArrayFormula(ws: Worksheet, row: number, col: number, formula: string, values: readonly (readonly (CachedValue | null | undefined)[])[]): void {
  const rows = Math.max(1, values.length);
  const cols = Math.max(1, ...values.map((r) => r.length));
  const ref = `${columnLetters(col)}${row}:${columnLetters(col + cols - 1)}${row + rows - 1}`;
  const master: ArrayFormulaValue = { formula: toFileFormula(formula), shareType: 'array', ref, result: cached(values[0]?.[0]) };
  ws.getCell(row, col).value = master;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (i > 0 || j > 0) ws.getCell(row + i, col + j).value = cached(values[i]?.[j]);
    }
  }
}
