/**
 * The reader of the exports that carry traffic and content measures but no orders (罗盘 流量来源,
 * 短视频 daily) and of the content columns of a sessions export (直播明细 / 单场): a header row
 * found among the first rows, one date column (a session's start time dates it), an optional
 * dimension column (channel, video), measures summed per day × dimension value, averages and
 * rates kept as weighted sums. Total rows (全部, 合计 …) are kept apart, never added to their
 * channels. Every bad cell is an issue naming its cell; the row's other cells are still read.
 */
import { text } from '../../i18n/text';
import type { IsoDate } from '../../model/core';
import { Locator } from '../formats';
import { parseNumber, type NumberKind } from '../cells';
import { clean } from '../cells';
import { parseDateSpan } from '../families';
import { isTotalValue } from '../families';
import { TOTALS_RE } from '../table';
import { excerpt } from '../table';
import { EXPECTED_DATE, expectedNumber } from '../cells';
import { cellText, headerKey, toHalfWidth } from '../cells';
import { LIMITS } from '../formats';
import { freshCounts, unlistedIssues } from './read-context';
import type { RowSource } from '../formats';
import { dateCell1904 } from './walk';
import type { Cell, DataIssue, HistoryReadResult, RangeOrigin } from '../table';

export type MeasureKind = NumberKind | 'seconds';

export interface MeasureSpec<K extends string> {
  key: K;
  /** Header as the export writes it (for messages). */
  zh: string;
  /** `headerKey` forms, in order of preference. */
  aliases: readonly string[];
  kind: MeasureKind;
}

export interface SideSpec<K extends string> {
  /** `headerKey` forms of the date column, in order of preference. */
  date: readonly string[];
  /** `headerKey` forms of the dimension column (channel, video); empty: none. */
  dimension: readonly string[];
  /** `headerKey` forms of a parent level of the dimension (一级渠道 above 二级渠道); its value is kept per part. */
  parent?: readonly string[];
  measures: readonly MeasureSpec<K>[];
}

/** One day × dimension value: Σ of each measure, and how many rows had it. */
export interface SideCell<K extends string> {
  sums: Partial<Record<K, number>>;
  rows: number;
  /** The parent level's value of the part's first row (when the spec has a parent column). */
  parent?: string;
}

export interface SideDay<K extends string> {
  date: IsoDate;
  /** By dimension value as exported ('' without a dimension column); total rows left out. */
  parts: Map<string, SideCell<K>>;
  /** The day's 全部 / 合计 row(s), when the export has one: never added to the parts. */
  total: SideCell<K> | null;
  /** 0-based index of the day's first row. */
  first: number;
}

/** A side export read as a history, before its totals (history.ts adds them with totalsOf). */
export type SideReadResult = Omit<HistoryReadResult, 'totals'>;

export interface SideRead<K extends string> {
  headerIndex: number;
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: Partial<Record<K | 'date' | 'dimension' | 'parent', number>>;
  headers: Partial<Record<K | 'date' | 'dimension' | 'parent', string>>;
  days: SideDay<K>[];
  issues: DataIssue[];
  rowsRead: number;
  rowsSkipped: number;
}

/** 全部, 合计, 小计, Total …: a total, whether in the date cell or the dimension's. */
const isTotal = (raw: string): boolean => isTotalValue(raw) || TOTALS_RE.test(headerKey(raw));

/** Rows scanned for the header. */
const SCAN = 10;

function findColumn(keys: readonly string[], aliases: readonly string[], taken: ReadonlySet<number>): number {
  for (const a of aliases) {
    const i = keys.findIndex((k, col) => k === a && !taken.has(col));
    if (i >= 0) return i;
  }
  return -1;
}

function mapRow<K extends string>(row: readonly Cell[], spec: SideSpec<K>): SideRead<K>['columns'] {
  const keys = row.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
  const taken = new Set<number>();
  const out: SideRead<K>['columns'] = {};
  const put = (k: K | 'date' | 'dimension' | 'parent', aliases: readonly string[]): void => {
    const col = findColumn(keys, aliases, taken);
    if (col < 0) return;
    taken.add(col);
    out[k] = col;
  };
  put('date', spec.date);
  put('dimension', spec.dimension);
  if (spec.parent) put('parent', spec.parent);
  for (const m of spec.measures) put(m.key, m.aliases);
  return out;
}

/** The header row: the first of the top rows with a date column and the most measures. */
export function findSideHeader<K extends string>(cells: readonly (readonly Cell[])[], spec: SideSpec<K>): { index: number; columns: SideRead<K>['columns'] } | null {
  let best: { index: number; columns: SideRead<K>['columns']; n: number } | null = null;
  for (let i = 0; i < Math.min(cells.length, SCAN); i++) {
    const columns = mapRow(cells[i] ?? [], spec);
    if (columns.date === undefined) continue;
    const n = Object.keys(columns).length;
    if (n >= 2 && (!best || n > best.n)) best = { index: i, columns, n };
  }
  return best;
}

/** Seconds from 31, "31", "31秒", "31s", "1分5秒", "1min5s", "00:01:05", "01:05"; minutes when the header says so. */
export function parseSeconds(v: Cell, header: string): { ok: true; value: number | null } | { ok: false } {
  const minutes = /\((分钟|分|min|minutes?)\)$/iu.test(toHalfWidth(header).replace(/\s+/gu, ''));
  if (typeof v === 'number' || (typeof v === 'string' && /^\s*[\d.,]+\s*$/u.test(v))) {
    const p = parseNumber(v, 'count');
    if (!p.ok) return { ok: false };
    return { ok: true, value: p.value === null ? null : minutes ? clean(p.value * 60) : p.value };
  }
  const p = parseNumber(v, 'count');
  if (p.ok && p.value === null) return { ok: true, value: null };
  const s = toHalfWidth(cellText(v)).trim().toLowerCase().replace(/\s+/gu, '');
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/u.exec(s);
  if (clock) return { ok: true, value: Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) };
  const words = /^(?:(\d+(?:\.\d+)?)(?:小时|h))?(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m))?(?:(\d+(?:\.\d+)?)(?:秒|s|sec))?$/u.exec(s);
  if (words && (words[1] ?? words[2] ?? words[3]) !== undefined) {
    return { ok: true, value: clean(Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0)) };
  }
  return { ok: false };
}

/** "62.5%" is 0.625; 62.5 (> 1) or any value under a (%) header is in percentage points. */
function asFraction(raw: Cell, v: number, header: string): number {
  if (typeof raw === 'string' && /[%％]/u.test(raw)) return v;
  return v > 1 || /[%％]/u.test(header) ? clean(v / 100) : v;
}

function add<K extends string>(cell: SideCell<K>, values: Partial<Record<K, number>>): void {
  for (const [k, v] of Object.entries(values) as [K, number][]) cell.sums[k] = clean((cell.sums[k] ?? 0) + v);
  cell.rows++;
}

/**
 * Reads the table. `weights` names, per averaged measure, the measure it is weighted by
 * (人均观看时长 by 观看人数): the sum kept is Σ value × weight, over the rows that have both
 * (`${key}@w` holds Σ weight of those rows).
 */
export function readSideTable<K extends string>(
  rows: RowSource,
  head: readonly (readonly Cell[])[],
  spec: SideSpec<K>,
  origin: RangeOrigin,
  header: { index: number; columns: SideRead<K>['columns'] },
  weights: Partial<Record<K, K>> = {},
): SideRead<K> {
  const loc = new Locator(origin);
  const headRow = head[header.index] ?? [];
  const cols = header.columns;
  const headers: SideRead<K>['headers'] = {};
  for (const [k, c] of Object.entries(cols) as [K | 'date' | 'dimension' | 'parent', number][]) headers[k] = cellText(headRow[c]).trim();
  const issues: DataIssue[] = [];
  let row: readonly Cell[] = [];
  // A hostile file's issues are counted past LIMITS.issuesListed per severity, not kept (docs/data.md "Limits").
  const counts = freshCounts();
  const at = (i: number, col: number, severity: DataIssue['severity'], message: DataIssue['message']): void => {
    const c = counts[severity];
    if (c.listed >= LIMITS.issuesListed) {
      c.unlisted++;
      return;
    }
    c.listed++;
    const raw = row[col];
    issues.push({
      severity,
      ...(loc.sheet ? { sheet: loc.sheet } : {}),
      row: loc.row(i),
      column: cellText(headRow[col]).trim(),
      address: loc.address(i, col),
      ...(raw !== null && raw !== undefined && cellText(raw) !== '' ? { value: excerpt(cellText(raw), 80) } : {}),
      message,
    });
  };
  const days = new Map<IsoDate, SideDay<K>>();
  let rowsRead = 0;
  let rowsSkipped = 0;
  const dateCol = cols.date as number;
  let i = header.index;
  for (const r of rows.from(header.index + 1)) {
    i++;
    row = r;
    if (row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
    const dimRaw = cols.dimension === undefined ? '' : cellText(row[cols.dimension]).trim();
    const dateRaw = dateCell1904(row[dateCol], origin.date1904 === true);
    const span = parseDateSpan(dateRaw);
    if (span.kind === 'range') {
      at(i, dateCol, 'info', text(`a period total (${span.from} to ${span.to}), not a day: excluded`, `期间合计（${span.from} 至 ${span.to}），不是某一天：已排除`));
      continue;
    }
    if (!span.parsed.ok || span.parsed.value === null) {
      if (typeof dateRaw === 'string' && isTotal(dateRaw)) {
        at(i, dateCol, 'info', text('totals row: not a day, excluded', '合计行：不是某一天，已排除'));
        continue;
      }
      rowsRead++;
      rowsSkipped++;
      at(i, dateCol, 'error', text(`${EXPECTED_DATE['en-US']} — row skipped`, `${EXPECTED_DATE['zh-CN']}——该行已跳过`));
      continue;
    }
    rowsRead++;
    const values: Partial<Record<K, number>> = {};
    for (const m of spec.measures) {
      const col = cols[m.key];
      if (col === undefined) continue;
      const raw = row[col];
      const h = headers[m.key] ?? m.zh;
      let v: number | null;
      if (m.kind === 'seconds') {
        const p = parseSeconds(raw, h);
        if (!p.ok) {
          at(i, col, 'warning', text(`${m.zh}: expected a duration (31, 31秒, 00:00:31) — ignored`, `${m.zh}：应为时长（31、31秒、00:00:31）——已忽略`));
          continue;
        }
        v = p.value;
      } else {
        const p = parseNumber(raw, m.kind);
        if (!p.ok) {
          const e = expectedNumber(p.reason, m.key, m.zh);
          at(i, col, 'warning', text(`${e['en-US']} — ignored`, `${e['zh-CN']}——已忽略`));
          continue;
        }
        v = p.value === null ? null : m.kind === 'rate' ? asFraction(raw, p.value, h) : p.value;
      }
      if (v === null) continue;
      if (v < 0) {
        at(i, col, 'warning', text(`${m.zh} cannot be negative (found ${v}) — ignored`, `${m.zh}不能为负数（此处为 ${v}）——已忽略`));
        continue;
      }
      values[m.key] = v;
    }
    // Averages and rates: Σ value × weight over the rows that carry both.
    for (const [k, w] of Object.entries(weights) as [K, K][]) {
      const v = values[k];
      const wt = values[w];
      delete values[k];
      if (v === undefined || wt === undefined) continue;
      (values as Record<string, number>)[k] = v * wt;
      (values as Record<string, number>)[`${k}@w`] = wt;
    }
    const date = span.parsed.value.date;
    let day = days.get(date);
    if (!day) days.set(date, (day = { date, parts: new Map(), total: null, first: i }));
    if (dimRaw !== '' && isTotal(dimRaw)) {
      add((day.total ??= { sums: {}, rows: 0 }), values);
      continue;
    }
    if (dimRaw === '' && cols.dimension !== undefined) {
      // A row without a dimension value (a level's subtotal in a two-level export): not added.
      at(i, cols.dimension, 'info', text('no value in this column: a subtotal row, not added', '该列为空：小计行，不相加'));
      continue;
    }
    let part = day.parts.get(dimRaw);
    if (!part) {
      day.parts.set(dimRaw, (part = { sums: {}, rows: 0 }));
      if (cols.parent !== undefined) part.parent = cellText(row[cols.parent]).trim();
    }
    add(part, values);
  }
  issues.push(...unlistedIssues(counts, loc.sheet));
  const sorted = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { headerIndex: header.index, headerRow: loc.row(header.index), columns: cols, headers, days: sorted, issues, rowsRead, rowsSkipped };
}

/** A weighted mean kept by readSideTable: Σ value × weight / Σ weight, null when no row had both. */
export function weightedMean<K extends string>(c: SideCell<K>, k: K): number | null {
  const num = c.sums[k];
  const den = (c.sums as Record<string, number>)[`${k}@w`];
  return num === undefined || den === undefined || !(den > 0) ? null : clean(num / den);
}

/** A plain sum, null when no row had the measure. */
export const sumOf = <K extends string>(c: SideCell<K> | null | undefined, k: K): number | null => (c ? (c.sums[k] ?? null) : null);
