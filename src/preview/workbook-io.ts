/**
 * The preview's files: .xlsx/.csv bytes → an in-memory workbook (through the reader's file edge,
 * so the preview reads exactly what the CLI reads), and the in-memory workbook → .xlsx bytes with
 * live ADPLAN formulas. Loaded lazily: ExcelJS stays out of the Excel task pane's bundle.
 */
import { Workbook } from 'exceljs';
import { openSheets } from '../data/open';
import { writeArrayFormula, writeFormula, type CachedValue } from '../data/xlsx-write';
import type { MemoryGateway, MemoryWorkbookInit } from '../taskpane/gateway/memory';
import { isFormulaCell, type WriteCell } from '../taskpane/gateway/types';

function sheetName(name: string): string {
  // Excel's sheet-name limit: a CSV's one sheet is named after a file name that may be longer.
  return name.slice(0, 31);
}

/** Opens a workbook file through the one opener (src/data/open.ts): same checks, same messages as the CLI. */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<MemoryWorkbookInit> {
  const { sheets } = await openSheets(bytes, fileName);
  return { sheets: sheets.map((s) => ({ name: sheetName(s.name), cells: s.cells })) };
}

function plain(c: WriteCell | undefined): CachedValue | null {
  if (c === null || c === undefined || isFormulaCell(c)) return null;
  return c as CachedValue;
}

/** The in-memory workbook as .xlsx: values, formulas (spills as array formulas) and the names. */
export async function saveWorkbook(gw: MemoryGateway): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = 'AdPlan preview';
  for (const sheet of gw.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const covered = new Set<string>();
    sheet.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (!isFormulaCell(c) || !c.spill) return;
        writeArrayFormula(ws, i + 1, j + 1, c.formula, c.spill as (CachedValue | null)[][]);
        c.spill.forEach((r, di) => r.forEach((_, dj) => covered.add(`${i + di},${j + dj}`)));
      }),
    );
    sheet.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (covered.has(`${i},${j}`)) return;
        if (isFormulaCell(c)) writeFormula(ws, i + 1, j + 1, c.formula, c.result as CachedValue | null);
        else {
          const v = plain(c);
          if (v !== null) ws.getCell(i + 1, j + 1).value = v;
        }
      }),
    );
  }
  for (const [name, ref] of Object.entries(gw.names)) {
    const abs = ref.address.replace(/([A-Z]+)(\d+)/gu, '$$$1$$$2');
    wb.definedNames.add(`'${ref.sheet.replace(/'/gu, "''")}'!${abs}`, name);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
