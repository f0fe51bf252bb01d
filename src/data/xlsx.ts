/**
 * .xlsx workbooks through ExcelJS, turned into the 2-D cell arrays the pure readers take.
 * Browser-safe (no fs): ExcelJS loads from bytes.
 */
import { Workbook, type CellValue } from 'exceljs';
import type { Cell } from './types';

export interface SheetCells {
  name: string;
  /** Row 0 is sheet row 1, column 0 is column A. */
  cells: Cell[][];
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

export async function readXlsxBytes(bytes: ArrayBuffer | Uint8Array): Promise<SheetCells[]> {
  const wb = new Workbook();
  // ExcelJS accepts ArrayBuffer/Uint8Array at runtime; its type says Buffer.
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const out: SheetCells[] = [];
  wb.eachSheet((ws) => {
    const cells: Cell[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const line: Cell[] = new Array<Cell>(width).fill(null);
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged title spans columns: only its top-left cell holds the value.
        if (cell.isMerged && cell.master.address !== cell.address) continue;
        line[c - 1] = plainCell(cell.value);
      }
      cells.push(line);
    }
    out.push({ name: ws.name, cells });
  });
  return out;
}
