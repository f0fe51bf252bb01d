/**
 * The first rows of a sheet, all that header detection and sheet scoring look at: from its row
 * source when it streams (a 500 MB sheet is not turned into a grid to read ten rows).
 */
import { HEADER_SCAN_ROWS } from './headers';
import { headRows } from '../formats';
import type { Cell } from './types';
import type { SheetCells } from '../formats';

export function sheetHead(s: SheetCells): (readonly Cell[])[] {
  return sheetTop(s, HEADER_SCAN_ROWS);
}

/**
 * Rows a small side table can hold (an assumptions table, a 单场 channel or key | value sheet):
 * a workbook's other sheets are scored and searched over their top this far, so a second sheet
 * of 500,000 order lines is read a few thousand rows deep, never turned into a grid.
 */
export const SIDE_TABLE_ROWS = 5_000;

/** The first `n` rows of a sheet, from its row source when it streams. */
export function sheetTop(s: SheetCells, n: number): (readonly Cell[])[] {
  return s.rows ? headRows(s.rows, n) : s.cells.slice(0, n);
}

/** Columns a side table is read over: a key, its labels and units, and the scenario columns. */
export const SIDE_TABLE_COLUMNS = 64;

/**
 * Cells a side read visits (kept or not) before it stops: a sheet 16,384 columns wide is read
 * a dozen rows deep instead of being parsed whole, for each of its scorings.
 */
export const SIDE_TABLE_CELLS = 200_000;

const sideTables = new WeakMap<SheetCells, Cell[][]>();

/**
 * A side sheet's top as a grid, bounded whatever its shape (docs/data.md "Limits"): at most
 * SIDE_TABLE_ROWS rows of SIDE_TABLE_COLUMNS columns, the read ending after SIDE_TABLE_CELLS cells.
 * Kept per sheet, so scoring a sheet and then reading it costs one read.
 */
export function sideTable(s: SheetCells): Cell[][] {
  const known = sideTables.get(s);
  if (known) return known;
  const source = s.side ? s.side({ columns: SIDE_TABLE_COLUMNS, cells: SIDE_TABLE_CELLS }) : (s.rows ?? null);
  const out: Cell[][] = [];
  let cells = 0;
  const rows: Iterable<readonly Cell[]> = source ? source.from(0) : s.cells;
  for (const row of rows) {
    out.push(row.slice(0, SIDE_TABLE_COLUMNS));
    cells += Math.max(1, row.length);
    if (out.length >= SIDE_TABLE_ROWS || cells >= SIDE_TABLE_CELLS) break;
  }
  sideTables.set(s, out);
  return out;
}
