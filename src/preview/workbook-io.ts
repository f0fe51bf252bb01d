/**
 * The preview's files: .xlsx/.csv bytes → an in-memory workbook (through the reader's file edge,
 * so the preview reads exactly what the CLI reads). Saving is workbook-save.ts. Loaded lazily:
 * ExcelJS stays out of the Excel task pane's bundle.
 */
import { openSheets } from '../data/formats';
import type { MemoryWorkbookInit } from '../taskpane/gateway/memory';

function sheetName(name: string): string {
  // Excel's sheet-name limit: a CSV's one sheet is named after a file name that may be longer.
  return name.slice(0, 31);
}

/** Opens a workbook file through the one opener (src/data/open.ts): same checks, same messages as the CLI. */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<MemoryWorkbookInit> {
  const { sheets } = await openSheets(bytes, fileName);
  return { sheets: sheets.map((s) => ({ name: sheetName(s.name), cells: s.cells })) };
}
