/**
 * The walk over a history table's rows (history.ts readHistory): each row read and checked
 * (row-read.ts), folded into its day (day-fold.ts) and dropped, so memory follows the days, not
 * the rows (docs/data.md "Memory"). Repeats are looked for within the run of rows of one date; a
 * day whose rows come back later is folded again, whole, by `refold`.
 */
import { text } from '../../i18n/text';
import type { IsoDate } from '../../model/core';
import { DAYS_1900_TO_1904, isoToDays } from '../cells';
import { parseDateSpan } from '../families';
import { dimensionClass, hasDimensions, type DimensionValues } from '../families';
import { Fingerprints } from './fingerprint';
import { MerchantNames } from '../families';
import { cellText } from '../cells';
import { freshCounts, issue, type Ctx } from './read-context';
import { isBlankRow, isTotalsRow, readSession, type RowRead } from './row-read';
import type { Cell } from '../table';

/** A 合计 row: where, and its GMV and orders cells (checked against the days' sums at the end). */
export interface TotalsRow {
  index: number;
  gmv: Cell;
  orders: Cell;
}

/** A 统计日期 range row (20260725-20260729); the first keeps its cell text for the error. */
export interface RangeRow {
  index: number;
  from: string;
  to: string;
  raw: string;
}

/** The rows of one day in one dimension class (dimensions.ts dimensionClass); `dims` is the first row's. */
export interface Group {
  dims: DimensionValues;
  fold: number;
  rows: number;
}

/** A day being read. Plain tables fold into `fold`; dimension tables into one group per value. */
export interface DayAcc {
  date: IsoDate;
  /** First row index of the day. */
  first: number;
  /** A plain table's fold (-1 until the day's first row). */
  fold: number;
  groups: Map<string, Group> | null;
  /** Date-only rows after the first one (the "summed as sessions of one day" warning lists them). */
  moreDateOnly: number[] | null;
  firstDateOnly: number;
  /** Rows dropped as repeats of an earlier row of the day (`timed`: a session row, same start time). */
  repeats: { index: number; of: number; timed: boolean }[] | null;
}

/** A plain serial number in a 1904 workbook's date column, as the 1900-system serial the parser reads. */
export function dateCell1904(c: Cell, date1904: boolean): Cell {
  if (!date1904) return c;
  if (typeof c === 'number') return c + DAYS_1900_TO_1904;
  // Numeric text (a serial saved as text) is a serial too; a yyyymmdd number is a date, not a serial.
  if (typeof c === 'string' && /^\s*\d{1,5}(\.\d+)?\s*$/u.test(c)) return Number(c) + DAYS_1900_TO_1904;
  return c;
}

/** A date cell as it identifies a session: its full date-time, not only the day. */
function dateStamp(c: Cell): string {
  if (c instanceof Date) return String(c.getTime());
  return typeof c === 'string' ? c.trim() : String(c);
}

/** A row repeating the header row (a second copy of the export pasted below the first). Hot: the date cell is tested first, without allocating. */
function isHeaderAgain(row: readonly Cell[], header: readonly Cell[], dateCol: number, headerDate: string): boolean {
  const d = row[dateCol];
  if (headerDate === '' || typeof d !== 'string' || !d.includes(headerDate) || d.trim() !== headerDate) return false;
  return header.every((h, k) => cellText(h).trim() === cellText(row[k]).trim());
}

/** What the walk over the rows found. */
export interface Walk {
  days: Map<IsoDate, DayAcc>;
  /** Days whose rows are not all in one run: folded again, whole, by `refold`. */
  reopened: Set<IsoDate>;
  totalsRows: TotalsRow[];
  rangeRows: RangeRow[];
  rowsRead: number;
  rowsSkipped: number;
  /** Rows read without error (before repeats were dropped). */
  valid: number;
  ordered: boolean;
  merchant: MerchantNames;
}


/** One pass over the rows: each is read, checked and folded into its day, then dropped. */
export function walkRows(ctx: Ctx, flip: boolean): Walk {
  const { map } = ctx;
  const dateCol = map.columns.date as number;
  const headerDate = cellText(ctx.headerRow[dateCol]).trim();
  const dimensional = hasDimensions(ctx.dims);
  // Repeats are looked for within the run of rows of one date (sorted exports list a day's rows
  // together), so only that run's fingerprints are held; a day whose rows come back later is refolded whole.
  let runDate: IsoDate | null = null;
  let run = new Fingerprints();
  const w: Walk = {
    days: new Map(),
    reopened: new Set(),
    totalsRows: [],
    rangeRows: [],
    rowsRead: 0,
    rowsSkipped: 0,
    valid: 0,
    ordered: true,
    merchant: new MerchantNames(ctx.headerRow),
  };
  let asc = true;
  let desc = true;
  let prev = NaN;
  let i = map.headerIndex;
  for (const row of ctx.rows.from(map.headerIndex + 1)) {
    i++;
    ctx.current = { index: i, row };
    if (isBlankRow(row)) continue;
    if (isHeaderAgain(row, ctx.headerRow, dateCol, headerDate)) {
      issue(ctx, 'warning', text('the header row again (a second copy pasted below the first?): not a day, ignored', '表头再次出现（是否把导出粘贴了两遍？）：不是某一天，已忽略'), { index: i, field: 'date' });
      continue;
    }
    w.merchant.add(row);
    const span = parseDateSpan(dateCell1904(row[dateCol], ctx.date1904));
    if (span.kind === 'range') {
      w.rangeRows.push({ index: i, from: span.from, to: span.to, raw: w.rangeRows.length === 0 ? cellText(row[dateCol]) : '' });
      continue;
    }
    const dateCell = span.parsed;
    // Date test first: the totals test normalises every text cell of the row.
    if (!(dateCell.ok && dateCell.value) && isTotalsRow(row)) {
      issue(ctx, 'info', text('totals row: not a day, excluded', '合计行：不是某一天，已排除'), { index: i, field: 'date' });
      const at = (c: number | undefined): Cell => (c === undefined ? null : (row[c] ?? null));
      w.totalsRows.push({ index: i, gmv: at(map.columns.gmv), orders: at(map.columns.orders) });
      continue;
    }
    const r = readSession(ctx, i, row, flip, dateCell);
    if (r === 'note') {
      issue(ctx, 'info', text('a line of text without numbers: ignored', '只有文字没有数字的行：已忽略'), { index: i, field: 'date' });
      continue;
    }
    w.rowsRead++;
    if (r === null) {
      w.rowsSkipped++;
      continue;
    }
    w.valid++;
    // Unordered input (not ascending, not descending as many exports list newest first).
    const n = isoToDays(r.date.date);
    if (n < prev) asc = false;
    if (n > prev) desc = false;
    prev = n;
    let acc = w.days.get(r.date.date);
    if (acc === undefined) {
      acc = newDay(r.date.date, i, dimensional);
      w.days.set(r.date.date, acc);
    } else if (r.date.date !== runDate && !w.reopened.has(acc.date)) {
      // The day's rows are not all together (unsorted, or pasted twice): it is folded again after the walk.
      w.reopened.add(acc.date);
    }
    if (r.date.date !== runDate) {
      runDate = r.date.date;
      run = new Fingerprints();
    }
    if (!w.reopened.has(acc.date)) foldRow(ctx, acc, r, i, run, dateStamp(row[dateCol]));
  }
  ctx.current = null;
  w.ordered = asc || desc;
  return w;
}

function newDay(date: IsoDate, first: number, dimensional: boolean): DayAcc {
  return { date, first, fold: -1, groups: dimensional ? new Map() : null, moreDateOnly: null, firstDateOnly: -1, repeats: null };
}

/**
 * One valid row into its day: a date-only row identical to an earlier one of the day (same
 * numbers and dimension values) is a repeat and dropped; the others are summed.
 */
function foldRow(ctx: Ctx, acc: DayAcc, r: RowRead, index: number, seen: Fingerprints, stamp: string): void {
  // A session row (with a start time) repeats another only with the same start time and numbers:
  // an export pasted twice, never two sessions.
  const timed = r.date.hasTime;
  const of = seen.repeats({ date: timed ? `${r.date.date} ${stamp}` : r.date.date, values: r.values, dims: [r.dims.carrier, r.dims.slot, ...r.dims.entities] }, index);
  if (of !== undefined) {
    (acc.repeats ??= []).push({ index, of, timed });
    return;
  }
  if (!timed) {
    if (acc.firstDateOnly < 0) acc.firstDateOnly = index;
    else (acc.moreDateOnly ??= []).push(index);
  }
  if (acc.groups) {
    const key = dimensionClass(r.dims, ctx.dims);
    let g = acc.groups.get(key);
    if (g === undefined) acc.groups.set(key, (g = { dims: r.dims, fold: ctx.folds.open(), rows: 0 }));
    ctx.folds.add(g.fold, r.values);
    g.rows++;
  } else {
    if (acc.fold < 0) acc.fold = ctx.folds.open();
    ctx.folds.add(acc.fold, r.values);
  }
}

/**
 * The days whose rows were not together, folded again from all their rows in order (one more
 * pass; each row's issues were reported in the walk, so this pass reports none). Only these
 * days' fingerprints are held: for a sorted export, none.
 */
export function refold(ctx: Ctx, w: Walk, flip: boolean): void {
  if (w.reopened.size === 0) return;
  const dimensional = hasDimensions(ctx.dims);
  for (const date of w.reopened) {
    const acc = w.days.get(date) as DayAcc;
    w.days.set(date, newDay(date, acc.first, dimensional));
  }
  const quiet: Ctx = { ...ctx, issues: [], counts: freshCounts(), deferred: [], current: null };
  const seen = new Fingerprints();
  const dateCol = ctx.map.columns.date as number;
  const headerDate = cellText(ctx.headerRow[dateCol]).trim();
  let i = ctx.map.headerIndex;
  for (const row of ctx.rows.from(ctx.map.headerIndex + 1)) {
    i++;
    if (isBlankRow(row) || isHeaderAgain(row, ctx.headerRow, dateCol, headerDate)) continue;
    const span = parseDateSpan(dateCell1904(row[dateCol], ctx.date1904));
    if (span.kind === 'range' || !span.parsed.ok || !span.parsed.value || !w.reopened.has(span.parsed.value.date)) continue;
    quiet.current = { index: i, row };
    const r = readSession(quiet, i, row, flip, span.parsed);
    if (r === null || r === 'note') continue;
    foldRow(ctx, w.days.get(r.date.date) as DayAcc, r, i, seen, dateStamp(row[dateCol]));
  }
}
