/**
 * .xlsx workbooks through ExcelJS, turned into the 2-D cell arrays the pure readers take.
 * Browser-safe (no fs): ExcelJS loads from bytes. The opener streams workbooks instead
 * (xlsx-stream.ts, same cells); this reader is its test oracle, bounded like ExcelJS's other use
 * (the preview's round-trip, LIMITS.xlsxRoundTripBytes).
 *
 * Bounded by the data, not the sheet's extent: only cells that hold something are visited, rows
 * are as long as their last value (empty rows are []), so a stray cell at ZZ100000 costs one row
 * of 702 cells, not a 70-million-cell grid. The zip is checked against the limits first.
 */
import { Workbook, type CellValue } from 'exceljs';
import { DAYS_1900_TO_1904, MS_PER_DAY } from '../excel-epoch';
import { LIMITS } from '../limits';
import type { RowSource } from '../rows';
import type { PassFacts, SideLimits } from './sheet-facts';
import type { Cell } from '../cell';
import { tooLong } from './xlsx-errors';
import { checkDeclaredSizes, checkZipLimits, zipPartText, type ZipEntry } from '../zip/zip-guard';

/** Excel's sheet visibility: "veryHidden" sheets are hidden even from Excel's Unhide dialog. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetCells {
  name: string;
  /** Row 0 is sheet row 1, column 0 is column A. Rows may be shorter than the widest row. */
  cells: Cell[][];
  /**
   * A CSV's rows parsed on demand: the history reader walks these, so `cells` (built on first
   * use) is only materialised by callers that need a grid (preview, assumptions file).
   */
  rows?: RowSource;
  /** Absent means visible (CSV, tests). */
  state?: SheetState;
  /** The workbook uses the 1904 date system: plain serial numbers in a date column are 1904 serials. */
  date1904?: boolean;
  /** A streamed sheet read narrow (side tables): its first columns only, ending after a number of cells. */
  side?: (limits: SideLimits) => RowSource;
  /** What the last whole pass saw (merged ranges, formulas without a value); null before one. */
  facts?: () => PassFacts | null;
}

/** One ExcelJS value as a plain cell: formulas → cached result, rich text → text, errors → "#N/A". */
export function plainCell(v: CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const r = v.result;
    if (r === undefined || r === null) return null;
    if (typeof r === 'object' && !(r instanceof Date)) return r.error;
    return r;
  }
  if ('hyperlink' in v) {
    const t: unknown = v.text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t) return plainCell(t as CellValue);
    return v.hyperlink;
  }
  if ('error' in v) return v.error;
  return null;
}

function stateOf(s: unknown): SheetState {
  return s === 'hidden' || s === 'veryHidden' ? s : 'visible';
}

const DATE_1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/u;

async function is1904(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<boolean> {
  const xml = await zipPartText(bytes, entries, 'xl/workbook.xml');
  return xml !== null && DATE_1904.test(xml);
}

export async function readXlsxBytes(bytes: ArrayBuffer | Uint8Array, fileName = 'workbook.xlsx'): Promise<SheetCells[]> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const entries = checkZipLimits(u8, fileName, LIMITS.xlsxRoundTripBytes);
  await checkDeclaredSizes(u8, entries, fileName);
  const wb = new Workbook();
  // ExcelJS accepts ArrayBuffer/Uint8Array at runtime; its type says Buffer.
  await wb.xlsx.load(u8 as unknown as Parameters<typeof wb.xlsx.load>[0]);
  // ExcelJS honours date1904="1" but not the equally valid "true": its dates are then 1462 days early.
  const date1904 = Boolean(wb.properties.date1904) || (await is1904(u8, entries));
  const shift = !wb.properties.date1904 && date1904 ? DAYS_1900_TO_1904 * MS_PER_DAY : 0;
  const out: SheetCells[] = [];
  wb.eachSheet((ws) => {
    const cells: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged title spans columns: only its top-left cell holds the value.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const raw = plainCell(cell.value);
        if (raw === null) return;
        const v = shift && raw instanceof Date ? new Date(raw.getTime() + shift) : raw;
        if (typeof v === 'string' && v.length > LIMITS.cellChars) throw tooLong(fileName, ws.name, r, c, v.length);
        while (line.length < c - 1) line.push(null);
        line[c - 1] = v;
      });
      if (line.length === 0) return;
      while (cells.length < r - 1) cells.push([]);
      cells[r - 1] = line;
    });
    out.push({ name: ws.name, cells, state: stateOf(ws.state), ...(date1904 ? { date1904 } : {}) });
  });
  return out;
}
