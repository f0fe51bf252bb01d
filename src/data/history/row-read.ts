/**
 * One data row of a history table: its cells parsed (cells.ts), checked, and each problem reported
 * on its cell. The reader (history.ts) folds what this returns into its day and drops the row.
 */
import { text, type Text } from '../../i18n/text';
import { parseNumber, type DateValue, type Parsed } from '../cells';
import { clean } from '../cells';
import { valueAt, type NumericField } from './day-fold';
import { dimensionValues, isBreakdown, type DimensionValues } from '../families';
import { FIELD_SPEC, TOTALS_RE } from '../table';
import { EXPECTED_DATE, expectedNumber } from '../cells';
import { headerKey } from '../cells';
import { issue, type Ctx } from './read-context';
import type { Cell, HistoryField } from '../table';
import { isMissing } from '../cells';

export const skipped = (t: Text): Text => text(`${t['en-US']} — row skipped`, `${t['zh-CN']}——该行已跳过`);

export function isBlankRow(row: readonly Cell[]): boolean {
  // Desktop Excel may send 0 for blank cells: a row of nothing but blanks and zeros is empty.
  return row.every((c) => isMissing(c) || c === 0 || (typeof c === 'string' && c.trim() === ''));
}

/** Characters every totals marker starts with (simplified, traditional, English): a cheap pre-test before headerKey. */
const TOTALS_HINT = /[合总總汇彙匯小全tTsS]/u;

export function isTotalsRow(row: readonly Cell[]): boolean {
  return row.some((c) => typeof c === 'string' && TOTALS_HINT.test(c) && TOTALS_RE.test(headerKey(c)));
}

/** Refund columns are sometimes exported as negative amounts: a whole column ≤ 0 is a sign convention. */
export function refundsNegative(ctx: Ctx): boolean {
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

/** A data row read: its date, its mapped numbers (NaN for an empty cell) and its dimension values. */
export interface RowRead {
  date: DateValue;
  values: number[];
  dims: DimensionValues;
}

/**
 * One row: its cells parsed and checked, each problem reported on its cell. Null when the row has
 * an error (skipped), 'note' for a line of text without numbers.
 */
export function readSession(ctx: Ctx, index: number, row: readonly Cell[], flipRefunds: boolean, d: Parsed<DateValue | null>): RowRead | null | 'note' {
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
  const value = (f: NumericField): number | null | undefined => valueAt(values, ctx.layout, f);

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
  return { date: d.value, values, dims };
}
