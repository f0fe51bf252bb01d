/**
 * readHistory: the one reader of a merchant's history table (docs/data.md, docs/model.md).
 * Rows → typed rows (row-read.ts) → folded into calendar days as they are read (walk.ts,
 * day-fold.ts; no row is kept) → organic/paid split (day-record.ts) → checks.
 * Pure: no Office, no file system.
 */
import { text } from '../../i18n/text';
import { groupDigits } from '../../i18n/number';
import { AdplanError } from '../../model/core';
import type { DayRecord, History, IsoDate } from '../../model/core';
import { Locator } from '../formats';
import { civilFromDays, isoToDays, parseNumber, type NumberKind } from '../cells';
import { clean } from '../cells';
import { FoldStore, NUMERIC, type NumericField } from './day-fold';
import { buildDay } from './day-record';
import { dimensionColumns, hasDimensions, selectDay } from '../families';
import { recognizeFamily } from '../families';
import { COUNT_FIELDS, CORE_NUMERIC, FIELD_SPEC, RATE_FIELDS, VIEW_FIELDS } from '../table';
import { detectHeader, HEADER_SCAN_ROWS, gmvMeasureOf, unitScale, viewsMeasureOf, type ColumnMapping } from '../table';
import { cellText, headerKey } from '../cells';
import { fillExcerpts, freshCounts, issue, unlistedNotes, type Ctx } from './read-context';
import { refold, walkRows, type DayAcc, type Group, type RangeRow, type TotalsRow, type Walk } from './walk';
import { refundsNegative } from './row-read';
import { attachCarriers, readCarriers } from './carriers';
import { attachContent, readSessionContent } from './session-content';
import { readSideFamily } from './side-families';
import { gridRows, headRows, isRowSource, type RowSource } from '../formats';
import type { Cell, HistoryReadResult, HistoryTotals, RangeOrigin } from '../table';

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
function crossCheckTotals(ctx: Ctx, t: TotalsRow, totals: HistoryTotals): void {
  const index = t.index;
  for (const [field, sum, cell] of [['gmv', totals.gmv, t.gmv], ['orders', totals.orders, t.orders]] as const) {
    if (ctx.map.columns[field] === undefined) continue;
    const p = parseNumber(cell, 'money');
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
function rangeIssues(ctx: Ctx, rows: readonly RangeRow[], dailyRows: number): void {
  const first = rows[0] as RangeRow;
  if (dailyRows === 0) {
    const col = ctx.map.columns.date as number;
    const at = ctx.loc.address(first.index, col);
    const raw = first.raw;
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


/** One fold for several groups, added in the order they first appeared. */
function mergeGroups(ctx: Ctx, groups: readonly Group[]): number {
  if (groups.length === 1) return (groups[0] as Group).fold;
  const into = ctx.folds.open();
  for (const g of groups) ctx.folds.merge(into, g.fold);
  return into;
}

/** A day's repeats reported (rows skipped) and, for a plain table, its date-only rows noted. */
function dayRowNotes(ctx: Ctx, acc: DayAcc, dimensional: boolean): number {
  for (const r of acc.repeats ?? []) {
    if (r.timed) {
      // A session pasted twice: counted once, said as a warning (the day's numbers are the single copy's).
      issue(
        ctx,
        'warning',
        text(
          `repeats row ${ctx.loc.row(r.of)} (same start time and same numbers: the export pasted twice?) — counted once`,
          `与第 ${ctx.loc.row(r.of)} 行重复（开播时间与数字都相同，是否把导出粘贴了两遍？）——只计一次`,
        ),
        { index: r.index, field: 'date' },
      );
      continue;
    }
    issue(
      ctx,
      'error',
      text(
        `duplicate of row ${ctx.loc.row(r.of)} (same date ${acc.date} and same numbers) — row skipped`,
        `与第 ${ctx.loc.row(r.of)} 行重复（日期 ${acc.date} 与数字都相同）——该行已跳过`,
      ),
      { index: r.index, field: 'date' },
    );
  }
  // Rows of a dimension (抖音号, 载体…) sharing a date are the dimension's rule, not sessions.
  if (acc.moreDateOnly && !dimensional) {
    const all = [acc.firstDateOnly, ...acc.moreDateOnly];
    const rows = all.map((x) => ctx.loc.row(x)).join(', ');
    issue(
      ctx,
      'warning',
      text(
        `${all.length} rows share the date ${acc.date} without a start time (rows ${rows}): summed as sessions of one day`,
        `${all.length} 行日期同为 ${acc.date} 且没有开播时间（第 ${rows} 行）：按同一天的多场直播相加`,
      ),
      { index: acc.first, field: 'date' },
    );
  }
  return acc.repeats?.filter((r) => !r.timed).length ?? 0;
}

/** The days in date order, each built from its fold (dimension rules applied per day). */
function finishDays(ctx: Ctx, w: Walk): { days: DayRecord[]; skipped: number } {
  const accs = [...w.days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days: DayRecord[] = [];
  const dimensional = hasDimensions(ctx.dims);
  const summed = { carrier: [] as IsoDate[], entities: false };
  let skipped = 0;
  for (const acc of accs) {
    skipped += dayRowNotes(ctx, acc, dimensional);
    if (!acc.groups) {
      if (acc.fold >= 0) days.push(buildDay(ctx, acc, acc.fold));
      continue;
    }
    if (acc.groups.size === 0) continue;
    const sel = selectDay([...acc.groups.values()], ctx.dims);
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
    days.push(buildDay(ctx, acc, mergeGroups(ctx, sel.use), sel.organic ? mergeGroups(ctx, sel.organic) : null));
  }
  dimensionNotes(ctx, summed);
  return { days, skipped };
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
  // Traffic sources and short videos have no orders: their own readers (families/).
  const side = readSideFamily(rows, head, origin);
  if (side) return { ...side, totals: totalsOf(side.history.days, false) };
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
    counts: freshCounts(),
    date1904: origin?.date1904 === true,
    numeric,
    layout,
    deferred: [],
    folds: new FoldStore(layout, numeric.length),
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
    const times = groupDigits(n.scale);
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

  const w = walkRows(ctx, flip);
  refold(ctx, w, flip);
  if (w.rangeRows.length > 0) rangeIssues(ctx, w.rangeRows, w.valid);
  if (!w.ordered) {
    issue(ctx, 'warning', text('rows are not in date order: sorted by date', '行未按日期排序：已按日期排序'), {
      index: map.headerIndex,
      field: 'date',
    });
  }
  const { days, skipped } = finishDays(ctx, w);
  const rowsRead = w.rowsRead;
  const rowsSkipped = w.rowsSkipped + skipped;

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
  if (rowsSkipped === 0) for (const t of w.totalsRows) crossCheckTotals(ctx, t, totals);
  gapNote(ctx, days);
  fillExcerpts(ctx);

  const viewsHeader = map.headers.views ?? map.headers.organic_views ?? map.headers.paid_views;
  const history: History = { days, viewsMeasure: viewsMeasureOf(viewsHeader) };
  // Plain tables keep their historical shape (goldens); a recognised family says its GMV measure.
  if (family.id !== 'generic') history.gmvMeasure = gmvMeasureOf(map.headers.gmv);
  ctx.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  unlistedNotes(ctx);
  if (ctx.dims.carrier !== undefined && map.columns.gmv !== undefined) {
    attachCarriers(days, readCarriers(rows, map.headerIndex, map.columns.date as number, map.columns.gmv, unitScale(map.headers.gmv), ctx.dims, ctx.date1904));
  }
  const content = readSessionContent(rows, head, origin);
  if (content) attachContent({ history } as HistoryReadResult, content);
  return {
    history,
    fields: { ...map.headers },
    headerRow: ctx.loc.row(map.headerIndex),
    issues: ctx.issues,
    rowsRead,
    rowsSkipped,
    totals,
    ...(family.id !== 'generic' ? { family: family.id } : {}),
    ...withMerchantName(w.merchant.name()),
  };
}

/** Calendar days between the first and the last without a row (the first five named). */
function gapNote(ctx: Ctx, days: readonly DayRecord[]): void {
  const first = days[0] as DayRecord;
  const last = days[days.length - 1] as DayRecord;
  const gaps = dayNumber(last.date) - dayNumber(first.date) + 1 - days.length;
  if (gaps <= 0) return;
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

const withMerchantName = (name: string | undefined): { merchantName?: string } => (name ? { merchantName: name } : {});
