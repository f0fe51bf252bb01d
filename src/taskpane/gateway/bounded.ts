/**
 * Reading a sheet by its data, not by its extent: the sizes the Excel gateway works
 * in, how a large read is cut into loads, and the compact grid the pieces are put back into.
 * No Office.js here (excel-read.ts talks to Excel), so every rule is testable on plain arrays.
 */
import type { Cell } from '../../data/table';
import { groupDigits } from '../../i18n/number';
import { text } from '../../i18n/text';
import { AdplanError } from '../../model/core';
import { rangeA1, type RangeRef } from './address';
import type { RangeValues } from './types';

/**
 * Most cells in one context.sync(): values + valueTypes cost ~25 bytes a cell in Office's JSON,
 * so 100,000 cells stay near 2.5 MB, half of Excel on the web's 5 MB response limit.
 */
export const LOAD_CELLS = 100_000;

/**
 * The block read together with a sheet's extent: a table inside it (1,000 rows × 100 columns,
 * 100,000 cells) comes back in the one sync it took before, values and all.
 */
export const FAST_BLOCK = 'A1:CV1000';

/**
 * Most cells one read keeps (the grid handed to the reader): Excel's own limit for one range
 * read (5 million), about 40 MB as JS arrays. A history is a few thousand rows wide of 20 columns.
 */
export const MAX_CELLS = 5_000_000;

/** Rows per block where special cells (ExcelApi 1.9) are unavailable: each block's own used range is asked. */
export const BLOCK_ROWS = 5_000;

/** Columns per band when a block's used part is still large (data at A and at ZZ): each band is asked again. */
export const BAND_COLUMNS = 100;

/** More areas of values than this (a checkerboard) are not listed one by one: blocks instead. */
export const MAX_AREAS = 5_000;

export function cellCount(r: Pick<RangeRef, 'rows' | 'columns'>): number {
  return r.rows * r.columns;
}

/** Office.js gives "" for a blank cell, and some builds 0: the value type tells them apart. */
export function cellOf(v: unknown, type: unknown): Cell {
  if (type === 'Empty') return null;
  if (v === '' || v === undefined || v === null) return null;
  return v as Cell;
}

/** A range cut into row slices of at most `maxCells` cells each (one row at least). */
export function rowSlices(r: RangeRef, maxCells = LOAD_CELLS): RangeRef[] {
  const step = Math.max(1, Math.floor(maxCells / r.columns));
  const out: RangeRef[] = [];
  for (let top = r.row; top < r.row + r.rows; top += step) {
    out.push({ sheet: r.sheet, row: top, column: r.column, rows: Math.min(step, r.row + r.rows - top), columns: r.columns });
  }
  return out;
}

/** The row blocks of a range, for hosts without special cells. */
export function rowBlocks(r: RangeRef, rows = BLOCK_ROWS): RangeRef[] {
  return rowSlices(r, rows * r.columns);
}

/** A range cut into bands of at most `columns` columns, full height. */
export function columnBands(r: RangeRef, columns = BAND_COLUMNS): RangeRef[] {
  const out: RangeRef[] = [];
  for (let left = r.column; left < r.column + r.columns; left += columns) {
    out.push({ sheet: r.sheet, row: r.row, column: left, rows: r.rows, columns: Math.min(columns, r.column + r.columns - left) });
  }
  return out;
}

/** Slices grouped so one sync loads at most `maxCells` cells (a slice alone may fill one). */
export function batches(slices: readonly RangeRef[], maxCells = LOAD_CELLS): RangeRef[][] {
  const out: RangeRef[][] = [];
  let current: RangeRef[] = [];
  let size = 0;
  for (const s of slices) {
    const n = cellCount(s);
    if (current.length > 0 && size + n > maxCells) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function tooLarge(sheet: string, where: string, cells: number): AdplanError {
  const n = groupDigits(cells);
  const limit = groupDigits(MAX_CELLS);
  return new AdplanError(
    'input',
    text(
      `Sheet "${sheet}" holds too much to read (${n} cells in ${where}; limit ${limit}). Move the history to a sheet of its own, or delete cells far from the table.`,
      `工作表“${sheet}”内容过多，无法读取（${where} 中 ${n} 个单元格，上限 ${limit}）。请把历史数据放到单独的工作表，或删除远离表格的单元格。`,
    ),
  );
}

/** Refuses, before loading anything, pieces that hold more cells than one read keeps. */
export function checkPieces(sheet: string, scope: RangeRef, pieces: readonly RangeRef[]): void {
  let total = 0;
  for (const p of pieces) total += cellCount(p);
  if (total > MAX_CELLS) throw tooLarge(sheet, rangeA1(scope.row, scope.column, scope.rows, scope.columns), total);
}

/**
 * Loaded pieces put back where they sit, relative to `origin` (the read's top-left). A row is as
 * long as its last value and rows without one are `[]`, so a stray cell at ZZ100000 costs
 * 100,000 empty rows and one row of 702 cells, never the 70-million-cell rectangle between.
 */
export class Grid {
  private readonly rows: Cell[][] = [];
  private cells = 0;

  constructor(
    private readonly sheet: string,
    private readonly origin: RangeRef,
  ) {}

  add(at: RangeRef, values: readonly (readonly unknown[])[], types: unknown): void {
    const t = Array.isArray(types) ? (types as readonly unknown[][]) : null;
    for (let i = 0; i < values.length; i++) {
      const src = values[i];
      if (!src) continue;
      const r = at.row - this.origin.row + i;
      for (let j = 0; j < src.length; j++) {
        const v = cellOf(src[j], t?.[i]?.[j]);
        if (v !== null) this.put(r, at.column - this.origin.column + j, v);
      }
    }
  }

  private put(r: number, c: number, v: Cell): void {
    if (r < 0 || c < 0) return; // outside the read (cannot happen for pieces of it)
    while (this.rows.length <= r) this.rows.push([]);
    const row = this.rows[r] as Cell[];
    if (row.length <= c) {
      this.cells += c + 1 - row.length;
      if (this.cells > MAX_CELLS) {
        const o = this.origin;
        throw tooLarge(this.sheet, rangeA1(o.row, o.column, o.rows, o.columns), this.cells);
      }
      while (row.length < c) row.push(null);
      row.push(v);
    } else row[c] = v;
  }

  result(): RangeValues {
    return { sheet: this.sheet, row: this.origin.row, column: this.origin.column, values: this.rows };
  }
}
