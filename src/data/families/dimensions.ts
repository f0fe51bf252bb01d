/**
 * Dimension columns of export tables (docs/data.md "Real export families"): rows of a dimension are
 * never added to their own total. 罗盘 成交分析 lists each day per 载体类型 × 投放时段, with 全部 and
 * 不限 rows that already hold the sums; 千川 exports list each day per 抖音号 / 计划 / 商品 / 素材,
 * sometimes with a 全部 row. Linear in the rows of a day.
 */
import { detach } from '../formats';
import { headerKey } from '../cells';
import type { Cell } from '../table';

export interface DimensionColumns {
  carrier?: number;
  slot?: number;
  /** 抖音号, 计划, 商品, 素材, 店铺, 账户…: summed per day unless a total row is there. */
  entities: number[];
}

const CARRIER = new Set(['载体类型', '载体', '成交载体']);
const SLOT = new Set(['投放时段', '流量时段', '广告投放时段']);
const ENTITY =
  /^(?:(?:抖音号|抖音账号|账号|广告账户|账户|广告计划|计划|单元|商品|素材|视频|店铺|渠道|达人)(?:名称|昵称|标题|名|id|编号)?|直播间(?:名称|id))$/u;

/** A dimension value that is the total of its dimension. */
const TOTAL_VALUE = /^(全部|汇总|总计|合计|整体|全店|不限|all|total)$/u;
/** 投放时段 value for the hours without ads: organic by construction. */
const OFF_SLOT = /^(非|未)(投放|广告)/u;

export function dimensionColumns(headerRow: readonly Cell[]): DimensionColumns {
  const out: DimensionColumns = { entities: [] };
  headerRow.forEach((c, col) => {
    if (typeof c !== 'string') return;
    const k = headerKey(c);
    if (CARRIER.has(k)) out.carrier ??= col;
    else if (SLOT.has(k)) out.slot ??= col;
    else if (ENTITY.test(k)) out.entities.push(col);
  });
  return out;
}

export const hasDimensions = (d: DimensionColumns): boolean =>
  d.carrier !== undefined || d.slot !== undefined || d.entities.length > 0;

/** A row's dimension values in comparable form ('' = blank). */
export interface DimensionValues {
  carrier: string;
  slot: string;
  entities: string[];
}

/** Dimension columns hold few distinct values: normalise each once (large exports, linear time). */
const normCache = new Map<string, string>();
function norm(v: Cell): string {
  if (v === null || v === undefined) return '';
  const raw = String(v);
  let k = normCache.get(raw);
  if (k === undefined) {
    k = headerKey(raw);
    if (normCache.size > 10_000) normCache.clear();
    // A module-level cache: its strings must not pin a file's text past the read (detach.ts).
    k = detach(k);
    normCache.set(detach(raw), k);
  }
  return k;
}

const NO_ENTITIES: string[] = [];

/** The values of a table without dimension columns: one shared object, not one per row. */
export const NO_DIMS: DimensionValues = Object.freeze({ carrier: '', slot: '', entities: NO_ENTITIES });

/** 载体 × 时段 pairs are few: one frozen object per pair, shared by its rows (not one per row). */
const pairCache = new Map<string, DimensionValues>();

export function dimensionValues(row: readonly Cell[], d: DimensionColumns): DimensionValues {
  if (!hasDimensions(d)) return NO_DIMS;
  const carrier = d.carrier === undefined ? '' : norm(row[d.carrier]);
  const slot = d.slot === undefined ? '' : norm(row[d.slot]);
  if (d.entities.length > 0) return { carrier, slot, entities: d.entities.map((c) => norm(row[c])) };
  const key = `${carrier}\u0000${slot}`;
  let v = pairCache.get(key);
  if (v === undefined) {
    if (pairCache.size > 10_000) pairCache.clear();
    v = Object.freeze({ carrier, slot, entities: NO_ENTITIES });
    pairCache.set(key, v);
  }
  return v;
}

const isTotal = (v: string): boolean => v === '' || TOTAL_VALUE.test(v);

/** A raw cell value that names the total of its dimension (全部, 合计, Total …), not an entity. */
export const isTotalValue = (raw: string): boolean => TOTAL_VALUE.test(headerKey(raw));

/** A row of a 载体 or 时段 breakdown (not the 全部 × 不限 total). */
export function isBreakdown(v: DimensionValues, d: DimensionColumns): boolean {
  return (d.carrier !== undefined && !isTotal(v.carrier)) || (d.slot !== undefined && !isTotal(v.slot));
}

export interface DaySelection<T> {
  /** Rows whose sum is the day. */
  use: T[];
  /** 非投放时段 rows (organic GMV), null when the table has no 投放时段 column or no such row. */
  organic: T[] | null;
  /** No 载体类型=全部 row that day: the 不限 rows of each 载体 were summed. */
  carrierSummed: boolean;
  /** The day has rows but no 投放时段=不限 row: nothing can be used without double counting. */
  noSlotTotal: boolean;
  /** Per-entity rows (several 抖音号/计划…) were summed. */
  entitiesSummed: boolean;
}

/** Something selectDay picks from: a row, or the rows of one day sharing their dimension values (`rows` of them). */
export interface Dimensioned {
  dims: DimensionValues;
  rows?: number;
}

/** How many rows: a group of rows counts as its rows. */
const rowCount = (xs: readonly Dimensioned[]): number => xs.reduce((n, x) => n + (x.rows ?? 1), 0);

function carrierTotal<T extends Dimensioned>(rows: T[], d: DimensionColumns): { rows: T[]; summed: boolean } {
  if (d.carrier === undefined) return { rows, summed: false };
  const all = rows.filter((r) => isTotal(r.dims.carrier));
  return all.length > 0 ? { rows: all, summed: false } : { rows, summed: rowCount(rows) > 1 };
}

/**
 * The class of a row for selectDay: rows of a day in one class are always taken or left
 * together, so the reader folds a day into at most 12 classes (时段 不限 / 非投放 / other × 载体
 * 全部 / other × entity total / not), not one group per 商品 or 计划 — a 商品 daily export of a
 * thousand products a day costs 12 running sums a day, not a thousand.
 */
export function dimensionClass(v: DimensionValues, d: DimensionColumns): string {
  const slot = d.slot === undefined ? '' : isTotal(v.slot) ? 'T' : OFF_SLOT.test(v.slot) ? 'O' : 'X';
  const carrier = d.carrier === undefined ? '' : isTotal(v.carrier) ? 'T' : 'N';
  const entity = d.entities.length === 0 ? '' : v.entities.some((e) => e !== '' && TOTAL_VALUE.test(e)) ? 'T' : 'N';
  return `${slot}${carrier}${entity}`;
}

/** Which rows of one day make its totals, and which are organic (rules in the module comment). */
export function selectDay<T extends Dimensioned>(rows: T[], d: DimensionColumns): DaySelection<T> {
  let pool = rows;
  let organic: T[] | null = null;
  if (d.slot !== undefined) {
    pool = rows.filter((r) => isTotal(r.dims.slot));
    const off = rows.filter((r) => OFF_SLOT.test(r.dims.slot));
    if (off.length > 0) organic = carrierTotal(off, d).rows;
    if (pool.length === 0) return { use: [], organic, carrierSummed: false, noSlotTotal: true, entitiesSummed: false };
  }
  const c = carrierTotal(pool, d);
  pool = c.rows;
  let entitiesSummed = false;
  if (d.entities.length > 0) {
    const totals = pool.filter((r) => r.dims.entities.some((v) => v !== '' && TOTAL_VALUE.test(v)));
    if (totals.length > 0) pool = totals;
    else entitiesSummed = rowCount(pool) > 1;
  }
  return { use: pool, organic, carrierSummed: c.summed, noSlotTotal: false, entitiesSummed };
}
