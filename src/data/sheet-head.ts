/**
 * The first rows of a sheet, all that header detection and sheet scoring look at: from its row
 * source when it streams (a 500 MB sheet is not turned into a grid to read ten rows).
 */
import { HEADER_SCAN_ROWS } from './headers';
import { headRows } from './rows';
import type { Cell } from './types';
import type { SheetCells } from './xlsx';

export function sheetHead(s: SheetCells): (readonly Cell[])[] {
  return s.rows ? headRows(s.rows, HEADER_SCAN_ROWS) : s.cells.slice(0, HEADER_SCAN_ROWS);
}
