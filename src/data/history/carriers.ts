/**
 * The 载体 rows of a 罗盘 成交分析 export (直播, 短视频, 商品卡, 图文 …): per day and carrier its
 * 投放时段=不限 GMV and its 非投放时段 (organic) GMV. The day's totals stay the 全部 × 不限 rows
 * (dimensions.ts); these rows only say how the day splits across carriers, never added to it.
 */
import type { CarrierDay, DayRecord } from '../../model/core';
import { parseNumber } from '../cells';
import { clean } from '../cells';
import { parseDateSpan } from '../families';
import type { DimensionColumns } from '../families';
import { isTotalValue } from '../families';
import { cellText, headerKey } from '../cells';
import type { RowSource } from '../formats';
import { dateCell1904 } from './walk';

const OFF_SLOT = /^(非|未)(投放|广告)/u;

export function carrierKind(name: string): CarrierDay['carrier'] {
  const k = headerKey(name);
  if (/直播/u.test(k)) return 'live';
  if (/短视频|视频/u.test(k)) return 'video';
  if (/商品卡|货架|商城/u.test(k)) return 'card';
  return 'other';
}

/**
 * Per day, the carriers in order of appearance. `gmvCol` is the column the history reads as GMV
 * and `scale` its unit (成交金额(万元)): the carrier figures are the same measure as the day's.
 */
export function readCarriers(rows: RowSource, headerIndex: number, dateCol: number, gmvCol: number, scale: number, dims: DimensionColumns, date1904 = false): Map<string, CarrierDay[]> {
  const out = new Map<string, Map<string, CarrierDay>>();
  if (dims.carrier === undefined) return new Map();
  const carrierCol = dims.carrier;
  for (const row of rows.from(headerIndex + 1)) {
    const name = cellText(row[carrierCol]).trim();
    if (name === '' || isTotalValue(name)) continue;
    const span = parseDateSpan(dateCell1904(row[dateCol], date1904));
    if (span.kind !== 'day' || !span.parsed.ok || !span.parsed.value) continue;
    const p = parseNumber(row[gmvCol], 'money');
    if (!p.ok || p.value === null || p.value < 0) continue;
    const slot = dims.slot === undefined ? '' : headerKey(cellText(row[dims.slot]));
    const total = slot === '' || isTotalValue(slot);
    const off = !total && OFF_SLOT.test(slot);
    if (!total && !off) continue;
    const date = span.parsed.value.date;
    let day = out.get(date);
    if (!day) out.set(date, (day = new Map()));
    let c = day.get(name);
    if (!c) day.set(name, (c = { carrier: carrierKind(name), name, gmv: null, organicGmv: null }));
    const v = clean(p.value * scale);
    if (total) c.gmv = clean((c.gmv ?? 0) + v);
    else c.organicGmv = clean((c.organicGmv ?? 0) + v);
  }
  return new Map([...out.entries()].map(([d, m]) => [d, [...m.values()]]));
}

/** Puts each day's carriers on the history's days (only days the history kept). */
export function attachCarriers(days: DayRecord[], carriers: ReadonlyMap<string, CarrierDay[]>): void {
  for (const d of days) {
    const c = carriers.get(d.date);
    if (c && c.length > 0) d.carriers = c;
  }
}
