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
