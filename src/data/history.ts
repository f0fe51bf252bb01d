/**
 * readHistory: the one reader of a merchant's history table (DATA.md, MODEL.md §1).
 * Rows → typed sessions (cell errors reported) → calendar days → organic/paid split → checks.
 * Pure: no Office, no file system.
 */
import { excerpt } from './excerpt';
import { text, type Text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import type { DayRecord, History, IsoDate } from '../model/history';
import { Locator } from './address';
import { civilFromDays, isMissing, isoToDays, parseNumber, type DateValue, type NumberKind, type Parsed } from './cells';
import { parseDateSpan } from './date-span';
import { MerchantNames } from './merchant-name';
import { dimensionColumns, dimensionValues, hasDimensions, isBreakdown, selectDay, type DimensionColumns, type DimensionValues } from './dimensions';
import { recognizeFamily, type Family } from './families';
import { COUNT_FIELDS, CORE_NUMERIC, FIELD_SPEC, INFO_NUMERIC, RATE_FIELDS, TOTALS_RE, VIEW_FIELDS } from './fields';
import { detectHeader, HEADER_SCAN_ROWS, gmvMeasureOf, unitScale, viewsMeasureOf, type ColumnMapping } from './headers';
import { EXPECTED_DATE, expectedNumber } from './messages';
import { cellText, headerKey } from './normalize';
import { gridRows, headRows, isRowSource, type RowSource } from './rows';
import type { Cell, DataIssue, HistoryField, HistoryReadResult, HistoryTotals, RangeOrigin } from './types';

type NumericField = Exclude<HistoryField, 'date'>;
const NUMERIC: readonly NumericField[] = [...CORE_NUMERIC, ...INFO_NUMERIC] as NumericField[];

/** Sums of money and counts, cleaned of binary fractions (0.1 + 0.2) so totals are exact to the cent. */
export function clean(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/** Where each mapped numeric field sits in a session's values (-1: no such column). One per table. */
type Layout = Readonly<Record<NumericField, number>>;

/**
 * The mapped values of every session of one table, row after row in ctx.numeric order (NaN for an
 * empty cell), in one growing Float64Array: no array per row, so the hundreds of thousands of
 * rows of a large export cost 8 bytes a value until the days are summed.
 */
class ValueStore {
  buf: Float64Array;
  private end = 0;
  constructor(
    readonly layout: Layout,
    private readonly width: number,
  ) {
    this.buf = new Float64Array(Math.max(1, width) * 1024);
  }
  /** Appends one row's values; returns where they start. */
  add(values: readonly number[]): number {
    if (this.end + this.width > this.buf.length) {
      const grown = new Float64Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    const off = this.end;
    for (let k = 0; k < this.width; k++) this.buf[off + k] = values[k] as number;
    this.end += this.width;
    return off;
  }
}

interface Session {
  index: number; // 0-based row in the range
  /** Shared by every row of the same date and kind (one object per day, not per row). */
  date: DateValue;
  /** Where this row's values start in store.buf. */
  off: number;
  store: ValueStore;
  dims: DimensionValues;
}

/** A value from a row's values: undefined when the table has no such column, null when the cell is empty. */
function valueAt(values: ArrayLike<number>, off: number, layout: Layout, f: NumericField): number | null | undefined {
  const p = layout[f];
  if (p < 0) return undefined;
  const v = values[off + p] as number;
  return Number.isNaN(v) ? null : v;
}

/** A session's value: undefined when the table has no such column, null when the cell is empty. */
const get = (s: Pick<Session, 'off' | 'store'>, f: NumericField): number | null | undefined => valueAt(s.store.buf, s.off, s.store.layout, f);

interface Ctx {
  loc: Locator;
  map: ColumnMapping;
  /** The table's rows: walked once in order, a few re-read by index for an issue's value. */
  rows: RowSource;
  headerRow: readonly Cell[];
  /** The row being read (its issues need not re-read it). */
  current: { index: number; row: readonly Cell[] } | null;
  issues: DataIssue[];
  /** The mapped numeric fields with their column, computed once per table. */
  numeric: { field: NumericField; col: number; core: boolean; count: boolean; scale: number; kind: NumberKind }[];
  layout: Layout;
  store: ValueStore;
  /** One DateValue per date and kind, shared by its rows. */
  dates: Map<string, DateValue>;
  dims: DimensionColumns;
  family: Family;
}

function issue(
  ctx: Ctx,
  severity: DataIssue['severity'],
  message: Text,
  at?: { index: number; field?: HistoryField; col?: number },
): DataIssue {
  const out: DataIssue = { severity, message };
  if (ctx.loc.sheet !== undefined) out.sheet = ctx.loc.sheet;
  if (at) {
    out.row = ctx.loc.row(at.index);
    const col = at.col ?? (at.field !== undefined ? ctx.map.columns[at.field] : undefined);
    if (col !== undefined) {
      out.address = ctx.loc.address(at.index, col);
      out.column = cellText(ctx.headerRow[col]).trim();
      if (at.index !== ctx.map.headerIndex) {
        const row = ctx.current?.index === at.index ? ctx.current.row : ctx.rows.at(at.index);
        out.value = excerpt(cellText(row?.[col]), 80);
      }
    }
  }
  ctx.issues.push(out);
  return out;
}

const skipped = (t: Text): Text => text(`${t['en-US']} — row skipped`, `${t['zh-CN']}——该行已跳过`);

function isBlankRow(row: readonly Cell[]): boolean {
  // Desktop Excel may send 0 for blank cells: a row of nothing but blanks and zeros is empty.
  return row.every((c) => isMissing(c) || c === 0 || (typeof c === 'string' && c.trim() === ''));
}

/** Characters every totals marker starts with (simplified, traditional, English): a cheap pre-test before headerKey. */
const TOTALS_HINT = /[合总總汇彙匯小全tTsS]/u;

function isTotalsRow(row: readonly Cell[]): boolean {
  return row.some((c) => typeof c === 'string' && TOTALS_HINT.test(c) && TOTALS_RE.test(headerKey(c)));
}

/** Refund columns are sometimes exported as negative amounts: a whole column ≤ 0 is a sign convention. */
function refundsNegative(ctx: Ctx): boolean {
  const col = ctx.map.columns.refund_amount;
  if (col === undefined) return false;
  let neg = 0;
  for (const row of ctx.rows.from(ctx.map.headerIndex + 1)) {
    const p = parseNumber(row[col], 'money');
    if (!p.ok || p.value === null) continue;
    if (p.value > 0) return false;
    if (p.value < 0) neg++;
  }
  return neg > 0;
}

/**
 * A rate written without a % sign is in percentage points when its header says (%) or when it
 * exceeds 1 (a share of GMV cannot): "1.20" under 1小时内退款率(%) is 1.2 %. "1.20%" is already 0.012.
 */
function ratePoints(raw: Cell, v: number, header: string | undefined): boolean {
  if (typeof raw === 'string' && /[%％]/u.test(raw)) return false;
  return v > 1 || (header !== undefined && /[%％]/u.test(header));
}

interface Pending {
  severity: 'error' | 'warning';
  message: Text;
  field: HistoryField;
}

function readSession(ctx: Ctx, index: number, row: readonly Cell[], flipRefunds: boolean, d: Parsed<DateValue | null>): Session | null | 'note' {
  const values: number[] = [];
  let rowError = false;
  let anyValue = false;
  // Cell problems wait until the date is known, so a row's issues come out date first. Lazy: most rows have none.
  let pending: Pending[] | null = null;
  const report = (core: boolean, message: Text, field: HistoryField): void => {
    (pending ??= []).push(
      core
        ? { severity: 'error', message: skipped(message), field }
        : { severity: 'warning', message: text(`${message['en-US']} — ignored`, `${message['zh-CN']}——已忽略`), field },
    );
  };
  for (const { field: f, col, core, count, scale, kind } of ctx.numeric) {
    const p = parseNumber(row[col], kind);
    if (!p.ok) {
      anyValue = true;
      if (core) rowError = true;
      report(core, expectedNumber(p.reason, f, FIELD_SPEC[f].zh), f);
      values.push(NaN);
      continue;
    }
    let v = p.value;
    if (v === null) {
      values.push(NaN);
      continue;
    }
    anyValue = true;
    if (scale !== 1) v = clean(v * scale);
    if (kind === 'rate' && ratePoints(row[col], v, ctx.map.headers[f])) v = clean(v / 100);
    if (f === 'refund_amount' && flipRefunds) v = -v;
    if (v < 0) {
      if (core) rowError = true;
      report(core, text(`${f} cannot be negative (found ${v})`, `${FIELD_SPEC[f].zh}不能为负数（此处为 ${v}）`), f);
      if (!core) v = null;
    } else if (count && !Number.isInteger(v)) {
      (pending ??= []).push({
        severity: 'warning',
        message: text(`${f} is a count but ${v} is not a whole number`, `${FIELD_SPEC[f].zh}是计数，但 ${v} 不是整数`),
        field: f,
      });
    }
    values.push(v ?? NaN);
  }
  const value = (f: NumericField): number | null | undefined => valueAt(values, 0, ctx.layout, f);

  if (!d.ok || d.value === null) {
    // A line of text with no numbers under it (a note, a source line) is not a day.
    if (!anyValue) return 'note';
    issue(ctx, 'error', skipped(d.ok ? text('the date is missing', '缺少日期') : EXPECTED_DATE), { index, field: 'date' });
    rowError = true;
  }
  const bad = new Set<HistoryField>();
  for (const x of pending ?? []) {
    issue(ctx, x.severity, x.message, { index, field: x.field });
    bad.add(x.field);
  }
  if (!d.ok || d.value === null) return null;
  const dims = dimensionValues(row, ctx.dims);
  // A 载体/时段 breakdown row ('-' where a carrier sold nothing) is read only if a total is missing: not an error.
  const breakdown = isBreakdown(dims, ctx.dims);
  for (const f of ['orders', 'gmv'] as const) {
    if ((value(f) ?? null) !== null || bad.has(f) || breakdown) continue; // a bad cell is already reported
    rowError = true;
    issue(ctx, 'error', skipped(text(`${f} is required but the cell is empty`, `${FIELD_SPEC[f].zh}为必填，但单元格为空`)), {
      index,
      field: f,
    });
  }
  if (rowError) return null;
  const viewField = (['views', 'organic_views', 'paid_views'] as const).find((f) => ctx.map.columns[f] !== undefined);
  if (viewField && !breakdown && value('views') == null && value('organic_views') == null && value('paid_views') == null) {
    issue(ctx, 'warning', text('no views on this row: conversion rates will leave it out', '该行没有观看数：转化率计算将不含该行'), {
      index,
      field: viewField,
    });
  }
  const key = d.value.hasTime ? `${d.value.date}T` : d.value.date;
  let date = ctx.dates.get(key);
  if (date === undefined) ctx.dates.set(key, (date = { date: d.value.date, hasTime: d.value.hasTime }));
  return { index, date, off: ctx.store.add(values), store: ctx.store, dims };
}

interface DayAcc {
  date: IsoDate;
  first: number; // first row index
  sessions: Session[];
}

function sum(sessions: readonly Session[], f: NumericField): number | null {
  let s: number | null = null;
  for (const x of sessions) {
    const v = get(x, f);
    if (v !== null && v !== undefined) s = (s ?? 0) + v;
  }
  return s === null ? null : clean(s);
}

function signature(s: Session): string {
  let out = '';
  for (const f of NUMERIC) out += `${get(s, f) ?? ''}|`;
  return `${out}${s.dims.carrier}|${s.dims.slot}|${s.dims.entities.join('|')}`;
}

/** Date-only rows sharing a date: identical ones are duplicates (dropped), different ones are summed. */
function dropDuplicates(ctx: Ctx, day: DayAcc): void {
  const dateOnly = day.sessions.filter((s) => !s.date.hasTime);
  if (dateOnly.length < 2) return;
  const seen = new Map<string, Session>();
  const kept: Session[] = [];
  for (const s of day.sessions) {
    if (s.date.hasTime) {
      kept.push(s);
      continue;
    }
    const sig = signature(s);
    const prev = seen.get(sig);
    if (prev) {
      issue(
        ctx,
        'error',
        skipped(text(`duplicate of row ${ctx.loc.row(prev.index)} (same date ${day.date} and same numbers)`, `与第 ${ctx.loc.row(prev.index)} 行重复（日期 ${day.date} 与数字都相同）`)),
        { index: s.index, field: 'date' },
      );
      continue;
    }
    seen.set(sig, s);
    kept.push(s);
  }
  const remainingDateOnly = kept.filter((s) => !s.date.hasTime).length;
  // Rows of a dimension (抖音号, 载体…) sharing a date are the dimension's rule, not sessions.
  if (remainingDateOnly > 1 && !hasDimensions(ctx.dims)) {
    const rows = kept.map((s) => ctx.loc.row(s.index)).join(', ');
    issue(
      ctx,
      'warning',
      text(
        `${kept.length} rows share the date ${day.date} without a start time (rows ${rows}): summed as sessions of one day`,
        `${kept.length} 行日期同为 ${day.date} 且没有开播时间（第 ${rows} 行）：按同一天的多场直播相加`,
      ),
      { index: day.first, field: 'date' },
    );
  }
  day.sessions = kept;
}

/** GMV-weighted mean of a rate over the day's rows (a session's 1-hour refund rate weighs by its GMV). */
function weightedRate(sessions: readonly Session[], f: NumericField): number | null {
  let num = 0;
  let den = 0;
  let only: number | null = null;
  for (const x of sessions) {
    const r = get(x, f);
    if (r === null || r === undefined) continue;
    only = r;
    const g = get(x, 'gmv') ?? 0;
    num += r * g;
    den += g;
  }
  if (den > 0) return clean(num / den);
  return sessions.length === 1 ? only : null;
}

/** The measures carried next to GMV (DayRecord's optional fields), only when their column exists. */
function extraMeasures(ctx: Ctx, s: readonly Session[], organic: readonly Session[] | null): Partial<DayRecord> {
  const c = ctx.map.columns;
  const out: Partial<DayRecord> = {};
  if (c.net_gmv !== undefined) out.netGmv = sum(s, 'net_gmv');
  if (c.refund_1h_rate !== undefined) out.refund1hRate = weightedRate(s, 'refund_1h_rate');
  if (ctx.dims.slot !== undefined) out.organicGmvObserved = organic ? sum(organic, 'gmv') : null;
  if (c.attributed_paid_gmv !== undefined) out.attributedPaidGmv = sum(s, 'attributed_paid_gmv');
  if (c.grant_spend !== undefined) out.grantSpend = sum(s, 'grant_spend');
  return out;
}

function buildDay(ctx: Ctx, day: DayAcc, organicRows: readonly Session[] | null = null): DayRecord {
  const s = day.sessions;
  const at = (field: HistoryField) => ({ index: day.first, field });
  const views = sum(s, 'views');
  const paidViews = sum(s, 'paid_views');
  const orders = sum(s, 'orders') ?? 0;
  const gmv = sum(s, 'gmv') ?? 0;
  const spend = sum(s, 'spend') ?? 0;
  const hasPaidGmvCol = ctx.map.columns.paid_gmv !== undefined;
  const paidGmvUnknown = s.some((x) => (get(x, 'spend') ?? 0) > 0 && (get(x, 'paid_gmv') ?? null) === null);
  let paidGmv: number | null = paidGmvUnknown ? null : (sum(s, 'paid_gmv') ?? 0);
  if (paidGmvUnknown && hasPaidGmvCol) {
    issue(
      ctx,
      'warning',
      text(
        `${day.date}: spend > 0 but paid GMV is missing, so the day cannot be split into organic and paid`,
        `${day.date}：有千川消耗但缺少直接成交金额，无法拆分自然与付费`,
      ),
      at('paid_gmv'),
    );
  }
  let organicGmv: number | null = null;
  if (paidGmv !== null) {
    if (paidGmv > gmv) {
      issue(
        ctx,
        'warning',
        text(`${day.date}: paid GMV ${paidGmv} exceeds GMV ${gmv}; organic GMV set to 0`, `${day.date}：直接成交金额 ${paidGmv} 大于成交金额 ${gmv}，自然成交按 0 计`),
        at('paid_gmv'),
      );
      paidGmv = Math.min(paidGmv, gmv);
    }
    organicGmv = clean(gmv - paidGmv);
  }

  const paidOrders = sum(s, 'paid_orders');
  const paidOrdersComplete =
    ctx.map.columns.paid_orders !== undefined &&
    s.every((x) => get(x, 'paid_orders') != null || ((get(x, 'spend') ?? 0) === 0 && (get(x, 'paid_gmv') ?? 0) === 0));
  let organicOrders: number | null;
  if (paidOrdersComplete && paidOrders !== null) {
    if (paidOrders > orders) {
      issue(
        ctx,
        'warning',
        text(`${day.date}: paid orders ${paidOrders} exceed orders ${orders}; organic orders set to 0`, `${day.date}：直接成交订单数 ${paidOrders} 大于成交订单数 ${orders}，自然订单按 0 计`),
        at('paid_orders'),
      );
    }
    organicOrders = clean(Math.max(0, orders - paidOrders));
  } else if (paidGmv === null || organicGmv === null) {
    organicOrders = null;
  } else {
    // No paid orders: split orders by GMV share (MODEL.md §1).
    organicOrders = gmv > 0 ? clean((orders * organicGmv) / gmv) : orders;
  }

  const organicExported = sum(s, 'organic_views');
  let organicViews: number | null;
  if (organicExported !== null) organicViews = organicExported;
  else if (views !== null && paidViews !== null) {
    if (paidViews > views) {
      issue(
        ctx,
        'warning',
        text(`${day.date}: paid views ${paidViews} exceed views ${views}; organic views set to 0`, `${day.date}：付费观看 ${paidViews} 大于观看次数 ${views}，自然观看按 0 计`),
        at('paid_views'),
      );
    }
    organicViews = Math.max(0, clean(views - paidViews));
  } else if (views !== null && spend === 0) organicViews = views;
  else organicViews = null;

  const seen = views ?? (organicExported !== null && paidViews !== null ? organicExported + paidViews : null);
  if (seen !== null && seen < orders) {
    issue(
      ctx,
      'warning',
      text(`${day.date}: fewer views (${seen}) than orders (${orders}) — check the columns`, `${day.date}：观看数（${seen}）少于订单数（${orders}），请检查列`),
      at(views !== null ? 'views' : 'organic_views'),
    );
  }
  const refundAmount = sum(s, 'refund_amount');
  if (refundAmount !== null && refundAmount > gmv) {
    issue(
      ctx,
      'warning',
      text(`${day.date}: refunds ${refundAmount} exceed GMV ${gmv}`, `${day.date}：退款金额 ${refundAmount} 大于成交金额 ${gmv}`),
      at('refund_amount'),
    );
  }
  return {
    date: day.date,
    views,
    organicViews,
    paidViews,
    orders,
    gmv,
    refundAmount,
    spend,
    paidGmv,
    paidOrders,
    organicGmv,
    organicOrders,
    buyers: sum(s, 'buyers'),
    impressions: sum(s, 'impressions'),
    clicks: sum(s, 'clicks'),
    ...extraMeasures(ctx, s, organicRows),
  };
}

const dayNumber = isoToDays;

export function totalsOf(days: readonly DayRecord[], hasPaidMeasure: boolean): HistoryTotals {
  const t = { gmv: 0, orders: 0, spend: 0, paidGmv: 0, refundAmount: 0, views: 0 };
  for (const d of days) {
    t.gmv += d.gmv;
    t.orders += d.orders;
    t.spend += d.spend;
    t.paidGmv += d.paidGmv ?? 0;
    t.refundAmount += d.refundAmount ?? 0;
    t.views += d.views ?? (d.organicViews ?? 0) + (d.paidViews ?? 0);
  }
  return {
    gmv: clean(t.gmv),
    orders: clean(t.orders),
    spend: clean(t.spend),
    paidGmv: hasPaidMeasure ? clean(t.paidGmv) : null,
    refundAmount: clean(t.refundAmount),
    views: clean(t.views),
  };
}

/** A 合计 row that disagrees with the rows above it hints at a truncated or filtered paste. */
function crossCheckTotals(ctx: Ctx, index: number, totals: HistoryTotals): void {
  const row = ctx.rows.at(index) ?? [];
  for (const [field, sum] of [['gmv', totals.gmv], ['orders', totals.orders]] as const) {
    const col = ctx.map.columns[field];
    if (col === undefined) continue;
    const p = parseNumber(row[col], 'money');
    if (!p.ok || p.value === null || Math.abs(p.value - sum) <= 0.005) continue;
    issue(
      ctx,
      'warning',
      text(
        `the totals row says ${field} ${p.value} but the rows sum to ${sum}: are rows missing or filtered?`,
        `合计行的${FIELD_SPEC[field].zh}为 ${p.value}，但各行相加为 ${sum}：是否缺行或被筛选？`,
      ),
      { index, field },
    );
  }
}

/** A per-session export is dated by the session's start, even when it also has a 日期 column. */
function sessionStartAsDate(map: ColumnMapping, headerRow: readonly Cell[]): void {
  const col = headerRow.findIndex((c) => typeof c === 'string' && /^(直播开始时间|开播时间|直播时间)$/u.test(headerKey(c)));
  if (col < 0 || col === map.columns.date) return;
  map.columns.date = col;
  map.headers.date = cellText(headerRow[col]).trim();
}

/**
 * 统计日期 ranges (20260725-20260729) are periods, not days. Next to daily rows they are period
 * totals and dropped; alone they leave nothing daily to read: an error naming the cell.
 */
function rangeIssues(ctx: Ctx, rows: readonly { index: number; from: string; to: string }[], dailyRows: number): void {
  const first = rows[0] as { index: number; from: string; to: string };
  if (dailyRows === 0) {
    const col = ctx.map.columns.date as number;
    const at = ctx.loc.address(first.index, col);
    const raw = cellText(ctx.rows.at(first.index)?.[col]);
    throw new AdplanError(
      'input',
      text(
        `${ctx.loc.sheet ? `${ctx.loc.sheet}!` : ''}${at}: the date "${raw}" is a range (${first.from} to ${first.to}), not a day — export the report by day (按天/分日) and read that file`,
        `${ctx.loc.sheet ? `${ctx.loc.sheet}!` : ''}${at}：日期“${raw}”是一个区间（${first.from} 至 ${first.to}），不是某一天——请按天（分日）导出报表后再读取`,
      ),
      'date',
    );
  }
  for (const r of rows) {
    issue(ctx, 'info', text(`a period total (${r.from} to ${r.to}), not a day: excluded`, `期间合计（${r.from} 至 ${r.to}），不是某一天：已排除`), {
      index: r.index,
      field: 'date',
    });
  }
}

/** Said once per table: which dimension rows were summed to make a day. */
function dimensionNotes(ctx: Ctx, summed: { carrier: IsoDate[]; entities: boolean }): void {
  const at = { index: ctx.map.headerIndex };
  if (summed.carrier.length > 0) {
    const list = summed.carrier.slice(0, 5).join(', ') + (summed.carrier.length > 5 ? ', …' : '');
    issue(
      ctx,
      'warning',
      text(
        `${summed.carrier.length} day(s) have no 载体类型=全部 row (${list}): the 不限 rows of each 载体 were summed instead`,
        `${summed.carrier.length} 天没有 载体类型=全部 的行（${list}）：改为各载体 不限 行相加`,
      ),
      at,
    );
  }
  if (summed.entities) {
    const names = ctx.dims.entities.map((c) => cellText(ctx.headerRow[c]).trim()).join(' / ');
    issue(ctx, 'info', text(`rows per day × ${names} summed per day`, `按天汇总各${names}的行`), at);
  }
}

/**
 * Reads a history table from a 2-D array of cell values (a range) or from rows parsed one at a
 * time (a CSV, rows.ts): the same code either way, and no cell grid is built for a CSV. Throws
 * AdplanError('input') only when the table is unusable (a required column missing or ambiguous,
 * or no valid row); every other problem is an issue naming its cell, and a row with an error is
 * skipped.
 */
export function readHistory(table: readonly (readonly Cell[])[] | RowSource, origin?: RangeOrigin): HistoryReadResult {
  const rows = isRowSource(table) ? table : gridRows(table);
  const head = headRows(rows, HEADER_SCAN_ROWS);
  const map = detectHeader(head);
  const headerRow = head[map.headerIndex] ?? [];
  const family = recognizeFamily(headerRow);
  if (family.grain === 'session') sessionStartAsDate(map, headerRow);
  const numeric = NUMERIC.flatMap((field) => {
    const col = map.columns[field];
    if (col === undefined) return [];
    const kind: NumberKind = RATE_FIELDS.has(field) ? 'rate' : 'money';
    return [{ field, col, core: CORE_NUMERIC.includes(field), count: COUNT_FIELDS.has(field), scale: unitScale(map.headers[field]), kind }];
  });
  const layout = Object.fromEntries(NUMERIC.map((f) => [f, numeric.findIndex((n) => n.field === f)])) as Record<NumericField, number>;
  const ctx: Ctx = {
    loc: new Locator(origin),
    map,
    rows,
    headerRow,
    current: null,
    issues: [],
    numeric,
    layout,
    store: new ValueStore(layout, numeric.length),
    dates: new Map(),
    dims: dimensionColumns(headerRow),
    family,
  };
  if (family.id !== 'generic') {
    const note = family.note;
    issue(
      ctx,
      'info',
      text(`read as ${family.name['en-US']}${note ? `: ${note['en-US']}` : ''}`, `按${family.name['zh-CN']}读取${note ? `：${note['zh-CN']}` : ''}`),
      { index: map.headerIndex },
    );
  }
  if (!VIEW_FIELDS.some((f) => map.columns[f] !== undefined)) {
    issue(
      ctx,
      'info',
      text('no views column: conversion rate and GPM are unknown', '没有观看数列：转化率与 GPM 未知'),
      { index: map.headerIndex },
    );
  }
  for (const a of map.ambiguous) {
    issue(
      ctx,
      'warning',
      text(
        `more than one column could be ${a.field} (${a.headers.join(' / ')}): none used — rename one`,
        `多列都可能是${FIELD_SPEC[a.field].zh}（${a.headers.join(' / ')}）：均未使用，请重命名其中一列`,
      ),
      { index: map.headerIndex },
    );
  }
  for (const n of numeric) {
    if (n.scale === 1) continue;
    const times = n.scale.toLocaleString('en-US');
    issue(
      ctx,
      'info',
      text(`${n.field} is in units of ${times} (from the header): values multiplied by ${times}`, `${FIELD_SPEC[n.field].zh}的单位为 ${times}（见表头）：数值已乘以 ${times}`),
      { index: map.headerIndex, field: n.field },
    );
  }
  const flip = refundsNegative(ctx);
  if (flip) {
    issue(ctx, 'info', text('refunds are exported as negative amounts: read as positive', '退款金额以负数导出：已按正数读取'), {
      index: map.headerIndex,
      field: 'refund_amount',
    });
  }
  if (family.id === 'generic' && map.columns.spend !== undefined && map.columns.paid_gmv === undefined) {
    issue(
      ctx,
      'warning',
      text(
        'there is a spend column but no paid GMV column (直接成交金额): days with spend cannot be split into organic and paid',
        '有消耗列但没有直接成交金额列：有消耗的日子无法拆分自然与付费',
      ),
      { index: map.headerIndex, field: 'spend' },
    );
  }

  const sessions: Session[] = [];
  const totalsRows: number[] = [];
  const rangeRows: { index: number; from: string; to: string }[] = [];
  let rowsRead = 0;
  let rowsSkipped = 0;
  let i = map.headerIndex;
  const merchant = new MerchantNames(headerRow);
  for (const row of rows.from(map.headerIndex + 1)) {
    i++;
    ctx.current = { index: i, row };
    if (isBlankRow(row)) continue;
    merchant.add(row);
    const span = parseDateSpan(row[map.columns.date as number]);
    if (span.kind === 'range') {
      rangeRows.push({ index: i, from: span.from, to: span.to });
      continue;
    }
    const dateCell = span.parsed;
    // Date test first: the totals test normalises every text cell of the row.
    if (!(dateCell.ok && dateCell.value) && isTotalsRow(row)) {
      issue(ctx, 'info', text('totals row: not a day, excluded', '合计行：不是某一天，已排除'), { index: i, field: 'date' });
      totalsRows.push(i);
      continue;
    }
    const s = readSession(ctx, i, row, flip, dateCell);
    if (s === 'note') {
      issue(ctx, 'info', text('a line of text without numbers: ignored', '只有文字没有数字的行：已忽略'), { index: i, field: 'date' });
      continue;
    }
    rowsRead++;
    if (s === null) rowsSkipped++;
    else sessions.push(s);
  }

  ctx.current = null;
  if (rangeRows.length > 0) rangeIssues(ctx, rangeRows, sessions.length);

  // Unordered input (not ascending, not descending as many exports list newest first).
  const seq = sessions.map((s) => dayNumber(s.date.date));
  const asc = seq.every((v, k) => k === 0 || v >= (seq[k - 1] as number));
  const desc = seq.every((v, k) => k === 0 || v <= (seq[k - 1] as number));
  if (!asc && !desc) {
    issue(ctx, 'warning', text('rows are not in date order: sorted by date', '行未按日期排序：已按日期排序'), {
      index: map.headerIndex,
      field: 'date',
    });
  }

  const byDate = new Map<IsoDate, DayAcc>();
  for (const s of sessions) {
    const acc = byDate.get(s.date.date);
    if (acc) acc.sessions.push(s);
    else byDate.set(s.date.date, { date: s.date.date, first: s.index, sessions: [s] });
  }
  const accs = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days: DayRecord[] = [];
  const dimensional = hasDimensions(ctx.dims);
  const summed = { carrier: [] as IsoDate[], entities: false };
  for (const acc of accs) {
    const before = acc.sessions.length;
    dropDuplicates(ctx, acc);
    rowsSkipped += before - acc.sessions.length;
    if (!dimensional) {
      days.push(buildDay(ctx, acc));
      continue;
    }
    const sel = selectDay(acc.sessions, ctx.dims);
    if (sel.noSlotTotal) {
      issue(
        ctx,
        'warning',
        text(
          `${acc.date}: no 投放时段=不限 row, and the time-slot rows overlap (全域投放时段 includes 全域+乘方): day left out rather than double counted`,
          `${acc.date}：没有 投放时段=不限 的行，而各时段行相互重叠：该日不计入，以免重复计算`,
        ),
        { index: acc.first, field: 'date' },
      );
      continue;
    }
    if (sel.carrierSummed) summed.carrier.push(acc.date);
    summed.entities ||= sel.entitiesSummed;
    acc.sessions = sel.use;
    days.push(buildDay(ctx, acc, sel.organic));
  }
  dimensionNotes(ctx, summed);

  if (days.length === 0) {
    const firstErrors = ctx.issues
      .filter((x) => x.severity === 'error')
      .slice(0, 3)
      .map((x) => `${x.address ?? ''} ${x.message['en-US']}`.trim());
    const firstErrorsZh = ctx.issues
      .filter((x) => x.severity === 'error')
      .slice(0, 3)
      .map((x) => `${x.address ?? ''} ${x.message['zh-CN']}`.trim());
    throw new AdplanError(
      'input',
      text(
        `No usable row: ${rowsRead} data rows read, ${rowsSkipped} skipped${firstErrors.length ? `, e.g. ${firstErrors.join('; ')}` : ''}.`,
        `没有可用的数据行：读取 ${rowsRead} 行，跳过 ${rowsSkipped} 行${firstErrorsZh.length ? `，例如 ${firstErrorsZh.join('；')}` : ''}。`,
      ),
    );
  }

  const totals = totalsOf(days, map.columns.paid_gmv !== undefined);
  if (rowsSkipped === 0) for (const i of totalsRows) crossCheckTotals(ctx, i, totals);

  const first = days[0] as DayRecord;
  const last = days[days.length - 1] as DayRecord;
  const gaps = dayNumber(last.date) - dayNumber(first.date) + 1 - days.length;
  if (gaps > 0) {
    const have = new Set(days.map((d) => d.date));
    const missing: string[] = [];
    for (let n = dayNumber(first.date); n <= dayNumber(last.date) && missing.length < 5; n++) {
      const iso = civilFromDays(n);
      if (!have.has(iso)) missing.push(iso);
    }
    const more = gaps > missing.length ? ', …' : '';
    issue(
      ctx,
      'info',
      text(
        `${gaps} calendar day(s) between ${first.date} and ${last.date} have no row (${missing.join(', ')}${more})`,
        `${first.date} 至 ${last.date} 之间有 ${gaps} 天没有数据（${missing.join('、')}${more}）`,
      ),
    );
  }

  const viewsHeader = map.headers.views ?? map.headers.organic_views ?? map.headers.paid_views;
  const history: History = { days, viewsMeasure: viewsMeasureOf(viewsHeader) };
  // Plain tables keep their historical shape (goldens); a recognised family says its GMV measure.
  if (family.id !== 'generic') history.gmvMeasure = gmvMeasureOf(map.headers.gmv);
  ctx.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    history,
    fields: { ...map.headers },
    headerRow: ctx.loc.row(map.headerIndex),
    issues: ctx.issues,
    rowsRead,
    rowsSkipped,
    totals,
    ...(family.id !== 'generic' ? { family: family.id } : {}),
    ...withMerchantName(merchant.name()),
  };
}

const withMerchantName = (name: string | undefined): { merchantName?: string } => (name ? { merchantName: name } : {});
