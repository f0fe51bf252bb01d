/**
 * 百应 / 罗盘 单场 detail workbooks (one live session, several sheets): the overview is often a
 * key | value block (直播时间 | 2025-09-08 00-00-00~…, 观看次数 | 1.2万) rather than a table, and the
 * spend sits on a channel sheet (渠道名称 | 千川消耗). These helpers turn the block into a one-row
 * table and sum the channel spend, so the session reads like any history.
 */
import { text } from '../../i18n/text';
import { isInputError } from '../../model/core';
import { isMissing, parseNumber } from '../cells';
import { TOTALS_RE } from '../table';
import { detectHeader, mapHeaderRow } from '../table';
import { clean } from '../cells';
import { cellText, headerKey } from '../cells';
import type { Cell, HistoryReadResult } from '../table';

/** A key | value block (labels in column A, values in B) as a header row + one data row, if it reads as a history. */
export function keyValueTable(cells: readonly (readonly Cell[])[]): Cell[][] | null {
  const keys: Cell[] = [];
  const values: Cell[] = [];
  for (const row of cells) {
    const k = row[0];
    if (typeof k !== 'string' || k.trim() === '' || isMissing(row[1] ?? null)) continue;
    keys.push(k.trim());
    values.push(row[1] ?? null);
  }
  if (keys.length < 3) return null;
  const table = [keys, values];
  try {
    detectHeader(table);
    return table;
  } catch (e) {
    if (!isInputError(e)) throw e;
    // Labels that are not history fields: not an overview block.
    return null;
  }
}

/** Σ spend over a channel sheet's rows (渠道名称 + a spend column, no date column), totals rows left out. */
export function channelSpend(cells: readonly (readonly Cell[])[]): { total: number; header: string } | null {
  for (let h = 0; h < Math.min(cells.length, 10); h++) {
    const row = cells[h] ?? [];
    const channel = row.findIndex((c) => typeof c === 'string' && /^渠道(名称)?$/u.test(headerKey(c)));
    const m = mapHeaderRow(row);
    const spendCol = m.columns.spend;
    if (channel < 0 || spendCol === undefined || m.columns.date !== undefined) continue;
    let total = 0;
    for (const r of cells.slice(h + 1)) {
      if (typeof r[channel] === 'string' && TOTALS_RE.test(headerKey(r[channel] as string))) continue;
      const p = parseNumber(r[spendCol], 'money');
      if (p.ok && p.value !== null && p.value > 0) total += p.value;
    }
    return { total: clean(total), header: cellText(row[spendCol]).trim() };
  }
  return null;
}

/** Puts a channel sheet's spend on a one-session history that has no spend column. */
export function addChannelSpend(read: HistoryReadResult, spend: { total: number; header: string }, sheet: string): void {
  const day = read.history.days[0];
  if (read.history.days.length !== 1 || !day || read.fields.spend !== undefined) return;
  day.spend = spend.total;
  if (spend.total > 0 && day.paidGmv === 0) {
    day.paidGmv = null;
    day.organicGmv = null;
    day.organicOrders = null;
    if (read.fields.organic_views === undefined && read.fields.paid_views === undefined) day.organicViews = null;
  }
  read.fields.spend = spend.header;
  read.totals.spend = spend.total;
  if (read.fields.paid_gmv === undefined) read.totals.paidGmv = null;
  read.issues.push({
    severity: 'info',
    sheet,
    message: text(
      `spend ${spend.total} is the sum of ${spend.header} over the channels of sheet "${sheet}"`,
      `消耗 ${spend.total} 为工作表“${sheet}”各渠道${spend.header}之和`,
    ),
  });
}
