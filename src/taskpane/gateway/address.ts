/** A1 addresses: the gateway, the issue links and the plan writer all speak them. */
import { columnLetters, columnNumber } from '../../data/formats';
import { LIMITS } from '../../data/formats';

/** Excel's last column (XFD): a whole-row reference (3:5) spans all of them. */
export const SHEET_COLUMNS = 16_384;

export interface CellPos {
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column. */
  column: number;
}

export interface RangeRef extends CellPos {
  sheet?: string;
  rows: number;
  columns: number;
}

export { columnLetters, columnNumber };

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, rows: number, columns: number): string {
  const first = cellA1(row, column);
  if (rows <= 1 && columns <= 1) return first;
  return `${first}:${cellA1(row + Math.max(rows, 1) - 1, column + Math.max(columns, 1) - 1)}`;
}

/** Absolute form ($A$1:$C$9), as Excel stores names. */
export function absoluteA1(row: number, column: number, rows: number, columns: number): string {
  return rangeA1(row, column, rows, columns).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** 'Plan – Base'!A1 — quotes whenever the name is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCell(a1: string): CellPos | null {
  const m = CELL.exec(a1.trim());
  if (!m?.[1] || !m[2]) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const WHOLE_ROWS = /^\$?(\d+):\$?(\d+)$/;

/** "A:R" (Excel's address of whole columns) and "3:5" (whole rows) as the cells they span. */
function wholeLines(rest: string): { start: CellPos; end: CellPos } | null {
  const c = WHOLE_COLUMNS.exec(rest);
  if (c?.[1] && c[2]) return { start: { row: 1, column: columnNumber(c[1]) }, end: { row: LIMITS.rows, column: columnNumber(c[2]) } };
  const r = WHOLE_ROWS.exec(rest);
  if (r?.[1] && r[2]) return { start: { row: Number(r[1]), column: 1 }, end: { row: Number(r[2]), column: SHEET_COLUMNS } };
  return null;
}

/**
 * Parses "Sheet1!B2:D9", "'My sheet'!B2", "B2:D9"; null when it is not an A1 range. With
 * `wholeLines`, also whole columns "A:R" and rows "3:5" (a selection or name Excel reports so):
 * only for callers that bound their reads by the data, never to size an allocation.
 */
export function parseRange(address: string, opts: { wholeLines?: boolean } = {}): RangeRef | null {
  let sheet: string | undefined;
  let rest = address.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith('=')) sheet = sheet.slice(1);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const lines = opts.wholeLines ? wholeLines(rest.trim()) : null;
  const [a, b] = rest.split(':');
  const start = lines?.start ?? (a === undefined ? null : parseCell(a));
  const end = lines?.end ?? (b === undefined ? start : parseCell(b));
  if (!start || !end) return null;
  return {
    sheet,
    row: Math.min(start.row, end.row),
    column: Math.min(start.column, end.column),
    rows: Math.abs(end.row - start.row) + 1,
    columns: Math.abs(end.column - start.column) + 1,
  };
}
