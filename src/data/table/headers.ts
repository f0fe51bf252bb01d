/**
 * Header detection: which row is the header (exports put title rows above it) and which column
 * holds which field — exact alias first, then the documented patterns.
 */
import { excerpt } from './excerpt';
import { text } from '../../i18n/text';
import { AdplanError } from '../../model/core';
import type { GmvMeasure, ViewsMeasure } from '../../model/core';
import { DERIVED_WORDS, FIELDS, FIELD_SPEC, PREFERRED_QUALIFIER, REQUIRED_FIELDS, SECONDARY_QUALIFIER } from './fields';
import { cellText, headerKey, toHalfWidth, toSimplified } from '../cells';
import type { Cell, HistoryField } from './types';

/** How many rows from the top may hold the header. */
export const HEADER_SCAN_ROWS = 10;

export interface ColumnMapping {
  /** 0-based row of the header inside the range. */
  headerIndex: number;
  /** field → 0-based column. */
  columns: Partial<Record<HistoryField, number>>;
  /** field → header text as found. */
  headers: Partial<Record<HistoryField, string>>;
  /** Optional fields whose column could not be told apart (reported as warnings). */
  ambiguous: { field: HistoryField; headers: string[] }[];
}

const ALIAS_RANK: ReadonlyMap<string, { field: HistoryField; rank: number }> = (() => {
  const m = new Map<string, { field: HistoryField; rank: number }>();
  for (const f of FIELDS) {
    f.aliases.forEach((a, rank) => {
      const k = headerKey(a);
      if (!m.has(k)) m.set(k, { field: f.field, rank });
    });
  }
  return m;
})();

/** Rank shift from a header's qualifier: the preferred column of a measure pair wins outright. */
function qualifierShift(raw: string): number {
  const q = toSimplified(toHalfWidth(raw)).replace(/\s+/gu, '');
  if (PREFERRED_QUALIFIER.test(q)) return -2000;
  if (SECONDARY_QUALIFIER.test(q)) return -1000;
  return 0;
}

interface Candidate {
  col: number;
  rank: number; // alias rank; patterns rank after every alias
}

/** Map one row of header cells to fields. Pure, also used to score candidate header rows. */
export function mapHeaderRow(row: readonly Cell[]): Omit<ColumnMapping, 'headerIndex'> & { duplicates: HistoryField[] } {
  const byField = new Map<HistoryField, Candidate[]>();
  const keys = row.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
  const taken = new Set<number>();
  keys.forEach((k, col) => {
    const hit = k ? ALIAS_RANK.get(k) : undefined;
    if (!hit) return;
    taken.add(col);
    const list = byField.get(hit.field) ?? [];
    list.push({ col, rank: hit.rank + qualifierShift(String(row[col])) });
    byField.set(hit.field, list);
  });
  for (const f of FIELDS) {
    if (byField.has(f.field) || f.patterns.length === 0) continue;
    const list: Candidate[] = [];
    keys.forEach((k, col) => {
      if (!k || taken.has(col) || DERIVED_WORDS.test(k)) return;
      if (f.patterns.some((p) => p.test(k))) list.push({ col, rank: 1000 });
    });
    if (list.length > 0) byField.set(f.field, list);
  }
  const columns: Partial<Record<HistoryField, number>> = {};
  const headers: Partial<Record<HistoryField, string>> = {};
  const ambiguous: { field: HistoryField; headers: string[] }[] = [];
  const duplicates: HistoryField[] = [];
  const used = new Set<number>();
  for (const f of FIELDS) {
    const list = (byField.get(f.field) ?? []).filter((c) => !used.has(c.col));
    if (list.length === 0) continue;
    const best = Math.min(...list.map((c) => c.rank));
    const top = list.filter((c) => c.rank === best);
    if (top.length > 1) {
      ambiguous.push({ field: f.field, headers: top.map((c) => cellText(row[c.col]).trim()) });
      if (REQUIRED_FIELDS.includes(f.field)) duplicates.push(f.field);
      continue;
    }
    const col = (top[0] as Candidate).col;
    used.add(col);
    columns[f.field] = col;
    headers[f.field] = cellText(row[col]).trim();
  }
  return { columns, headers, ambiguous, duplicates };
}

function nonEmptyTexts(row: readonly Cell[] | undefined): string[] {
  return (row ?? []).map((c) => cellText(c).trim()).filter((s) => s.length > 0);
}

/** Headers quoted back in a message: a few, short and escaped (the row may be anything). */
function quoted(found: readonly string[]): string[] {
  const shown = found.slice(0, 12).map((h) => excerpt(h, 40));
  return found.length > 12 ? [...shown, `… (+${found.length - 12})`] : shown;
}

/** The row with the most recognised fields among the first HEADER_SCAN_ROWS (earliest on ties). */
export function detectHeader(cells: readonly (readonly Cell[])[]): ColumnMapping {
  let bestIndex = -1;
  let bestScore = 0;
  let best: ReturnType<typeof mapHeaderRow> | null = null;
  const scan = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < scan; i++) {
    const m = mapHeaderRow(cells[i] ?? []);
    const score = Object.keys(m.columns).length + m.duplicates.length;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
      best = m;
    }
  }
  if (!best || bestScore < 2) {
    const firstRow = cells.slice(0, scan).find((r) => nonEmptyTexts(r).length > 0);
    throw missingColumns(REQUIRED_FIELDS, quoted(nonEmptyTexts(firstRow)));
  }
  const found = quoted(nonEmptyTexts(cells[bestIndex]));
  if (best.duplicates.length > 0) {
    const amb = best.ambiguous.filter((a) => best.duplicates.includes(a.field));
    const list = amb.map((a) => `${a.field} (${FIELD_SPEC[a.field].zh}): ${a.headers.join(' / ')}`).join('; ');
    throw new AdplanError(
      'input',
      text(
        `Ambiguous columns — more than one column could be ${list}. Rename or delete one. Headers found: ${found.join(', ')}`,
        `列名有歧义——多列都可能是 ${list}。请重命名或删除其中一列。找到的列名：${found.join('、')}`,
      ),
      amb[0]?.field,
    );
  }
  const { columns, headers } = best;
  // A measure standing in for a missing GMV is still that measure (gmvMeasureOf says which):
  // 净成交金额 alone, or a paid-only 千川标准推广 export (直接成交金额 / 直接成交订单数).
  if (columns.gmv === undefined && columns.net_gmv !== undefined) {
    columns.gmv = columns.net_gmv;
    headers.gmv = headers.net_gmv as string;
  }
  if (columns.gmv === undefined && columns.orders === undefined && columns.paid_gmv !== undefined && columns.paid_orders !== undefined) {
    columns.gmv = columns.paid_gmv;
    headers.gmv = headers.paid_gmv as string;
    columns.orders = columns.paid_orders;
    headers.orders = headers.paid_orders as string;
  }
  matchViewsMeasure(best.columns, best.headers, cells[bestIndex] ?? []);
  // Views are optional (经营概览, 全域 exports have none): CVR/GPM are then unknown.
  const missing: HistoryField[] = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) throw missingColumns(missing, found);
  return { headerIndex: bestIndex, columns, headers, ambiguous: best.ambiguous };
}

/**
 * 人数 and 次数 are different measures: when the organic/paid split is in 人数 (百应 单场), views
 * must be the 人数 column too, or organic = views − paid would mix them.
 */
function matchViewsMeasure(columns: ColumnMapping['columns'], headers: ColumnMapping['headers'], row: readonly Cell[]): void {
  const split = headers.organic_views ?? headers.paid_views;
  if (!split || viewsMeasureOf(split) !== 'unique' || viewsMeasureOf(headers.views) !== 'count') return;
  const col = row.findIndex((c) => typeof c === 'string' && /^(直播间)?观看人数$/u.test(headerKey(c)));
  if (col < 0) return;
  columns.views = col;
  headers.views = cellText(row[col]).trim();
}

function missingColumns(missing: readonly HistoryField[], found: readonly string[]): AdplanError {
  const en = missing.map((f) => `${f} (${FIELD_SPEC[f].zh})`).join(', ');
  const foundEn = found.length > 0 ? found.join(', ') : '(none)';
  const foundZh = found.length > 0 ? found.join('、') : '（无）';
  // What to do, in words: the headers that would be recognised (no link to a repository file).
  const acceptedEn = missing.map((f) => `${f}: ${acceptedHeaders(f).join(', ')}`).join('; ');
  const acceptedZh = missing.map((f) => `${FIELD_SPEC[f].zh}：${acceptedHeaders(f).join('、')}`).join('；');
  return new AdplanError(
    'input',
    text(
      `Missing required column: ${en}. Headers found: ${foundEn}. Rename a column to one of the accepted headers (${acceptedEn}), or export the daily report that has it.`,
      `缺少必需的列：${en}。找到的列名：${foundZh}。请把对应的列名改成可识别的列名（${acceptedZh}），或导出含有该列的按日报表。`,
    ),
    missing[0],
  );
}

/** The first few aliases a merchant would type for a field (Chinese first, then one English). */
export function acceptedHeaders(field: HistoryField): string[] {
  const aliases = FIELD_SPEC[field].aliases;
  const zh = aliases.filter((a) => /\p{Script=Han}/u.test(a)).slice(0, 4);
  const en = aliases.find((a) => /^[a-z]/u.test(a));
  return en ? [...zh, en] : zh;
}

/** 次数 (view count) or 人数 (unique viewers), from the header the views came from. */
export function viewsMeasureOf(header: string | undefined): ViewsMeasure {
  if (!header) return 'unknown';
  const h = toHalfWidth(header);
  if (/人数|\(人\)|unique|uv/iu.test(h)) return 'unique';
  if (/次数|人次|\(次\)|count|pv|views/iu.test(h)) return 'count';
  return 'unknown';
}

/** Which GMV measure a header names (docs/data.md: 成交金额, 用户支付金额, 整体成交金额, 净成交金额 differ). */
export function gmvMeasureOf(header: string | undefined): GmvMeasure {
  if (!header) return 'unknown';
  const h = toSimplified(toHalfWidth(header));
  if (/净成交/u.test(h)) return 'net_gmv';
  if (/整体成交/u.test(h)) return 'room_gmv';
  if (/用户支付|支付金额/u.test(h)) return 'pay_amount';
  if (/成交金额|成交额|销售额|gmv|sales|revenue/iu.test(h)) return 'gmv';
  return 'unknown';
}

/** How much a range looks like a history table: most fields recognised in one of its top rows. */
export function historyScore(cells: readonly (readonly Cell[])[]): number {
  let best = 0;
  for (let i = 0; i < Math.min(cells.length, HEADER_SCAN_ROWS); i++) {
    best = Math.max(best, Object.keys(mapHeaderRow(cells[i] ?? []).columns).length);
  }
  return best;
}

/**
 * A header whose unit says the column is in 万/千/亿 (成交金额(万元), 观看次数(万)) holds scaled
 * values: 1.2 under 成交金额(万元) is 12,000 yuan. Returns the multiplier (1 when none).
 */
export function unitScale(header: string | undefined): number {
  if (!header) return 1;
  const m = /[([【]\s*(万|千|亿|w|k)\s*(元|次|人|单|个)?\s*[)\]】]\s*$/iu.exec(toHalfWidth(header));
  if (!m) return 1;
  const u = (m[1] as string).toLowerCase();
  return u === '万' || u === 'w' ? 1e4 : u === '亿' ? 1e8 : 1e3;
}
