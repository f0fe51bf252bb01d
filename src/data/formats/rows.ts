/**
 * A table's rows as the reader walks them: in order, from a given row, and not kept. A range
 * (custom functions, task pane) is a grid already; a CSV is parsed row by row as it is read
 * (csv.ts), so a 50 MB export never becomes a cell grid. Each `from` call is a new pass: the
 * reader makes few (header, optional refund-sign check, the walk, and the value excerpts of
 * issues on earlier rows when there are any).
 */
import type { Cell } from './cell';

export interface RowSource {
  /** Rows from `start` (0-based) on, in order. A caller may stop early. */
  from(start: number): Iterable<readonly Cell[]>;
}

/** A grid of cells (a range, an .xlsx sheet) as a row source. */
export function gridRows(cells: readonly (readonly Cell[])[]): RowSource {
  return {
    *from(start) {
      for (let i = start; i < cells.length; i++) yield cells[i] ?? [];
    },
  };
}

/** The first n rows as a grid (header detection looks at no more). */
export function headRows(rows: RowSource, n: number): (readonly Cell[])[] {
  const out: (readonly Cell[])[] = [];
  if (n <= 0) return out;
  for (const row of rows.from(0)) {
    out.push(row);
    if (out.length >= n) break;
  }
  return out;
}

export const isRowSource = (x: unknown): x is RowSource =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as RowSource).from === 'function';
