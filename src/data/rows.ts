/**
 * A table's rows as the reader walks them: in order, once, and a few again by index for an
 * issue's value excerpt. A range (custom functions, task pane) is a grid already; a CSV is parsed
 * row by row from its text (csv.ts CsvRows), so a 50 MB export never becomes a cell grid.
 */
import type { Cell } from './types';

export interface RowSource {
  /** Number of rows. */
  readonly count: number;
  /** Row i (0-based), undefined past the end. Cheap for a grid; one row re-parsed for a CSV. */
  at(i: number): readonly Cell[] | undefined;
  /** Rows from `start` on, in order: for a CSV each is parsed when reached and not kept. */
  from(start: number): Iterable<readonly Cell[]>;
}

/** A grid of cells (a range, an .xlsx sheet) as a row source. */
export function gridRows(cells: readonly (readonly Cell[])[]): RowSource {
  return {
    count: cells.length,
    at: (i) => cells[i],
    *from(start) {
      for (let i = start; i < cells.length; i++) yield cells[i] ?? [];
    },
  };
}

/** The first n rows as a grid (header detection looks at no more). */
export function headRows(rows: RowSource, n: number): (readonly Cell[])[] {
  const out: (readonly Cell[])[] = [];
  for (let i = 0; i < Math.min(n, rows.count); i++) out.push(rows.at(i) ?? []);
  return out;
}

export const isRowSource = (x: unknown): x is RowSource =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as RowSource).from === 'function';
