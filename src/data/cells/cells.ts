/**
 * Typed parsing of single cells (docs/data.md "Cell values"). Pure; every function returns a result
 * object instead of throwing so the reader can report the cell and go on.
 */
import { civilFromDays, dayIndex as isoToDays, daysFromCivil } from '../../model/core';
import type { IsoDate } from '../../model/core';
import type { Cell } from '../formats';
import { UNIX_EPOCH_SERIAL } from '../formats';
import { toHalfWidth } from './normalize';

/** How a numeric field may be written: percent text is only meaningful for rates. */
export type NumberKind = 'count' | 'money' | 'rate';

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'text' | 'percent' | 'not_finite' | 'too_large' | 'date' | 'bool' | 'bad_date' };

const MISSING = new Set(['', '-', '--', '---', '—', '——', '–', 'n/a', 'na', '#n/a', 'null', 'none', '/', '无']);

/** Blank cells and the missing markers of docs/data.md ('' '-' '--' '—' 'N/A'). */
export function isMissing(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Every marker is ≤ 4 characters, and NFKC never shortens these: long text is not missing.
  if (v.length > 4 && v.trim().length > 4) return false;
  return MISSING.has(toHalfWidth(v).trim().toLowerCase());
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/u;

/** Decimal exponent of a magnitude suffix. */
const MAGNITUDE: Readonly<Record<string, number>> = { 万: 4, w: 4, 亿: 8, k: 3, '%': -2 };

// sign, currency, digits (optionally grouped by commas), fraction, magnitude, "元".
const NUMBER_RE =
  /^([+-])?(?:[¥$]|rmb|cny)?([+-])?((?:\d{1,3}(?:,\d{3})+)|\d+)?(?:\.(\d+))?(万|亿|w|k|%)?(?:元)?$/u;

/**
 * A number as merchants type it: 1234, "1,234", "¥1,234.5", "1.2万", "3亿", "1.2w", "5k",
 * full-width digits, and "3.5%" (rates only). Missing markers give null.
 * The value is built from the decimal digits (Number("12e3")) so "1.15万" is exactly 11500.
 */
/**
 * The largest magnitude a cell may hold (docs/data.md "Limits"): a quadrillion yuan is beyond any
 * merchant, and staying 10^290 below the float range means sums and products of cells cannot
 * overflow to ±Infinity inside the model; 1e303 is an input error naming its cell instead.
 */
export const MAX_CELL_MAGNITUDE = 1e15;

function bounded(n: number): Parsed<number | null> {
  if (!Number.isFinite(n)) return { ok: false, reason: 'not_finite' };
  if (Math.abs(n) > MAX_CELL_MAGNITUDE) return { ok: false, reason: 'too_large' };
  return { ok: true, value: n };
}

export function parseNumber(v: Cell, kind: NumberKind): Parsed<number | null> {
  if (isMissing(v)) return { ok: true, value: null };
  if (typeof v === 'number') return bounded(v);
  if (typeof v === 'boolean') return { ok: false, reason: 'bool' };
  if (v instanceof Date) return { ok: false, reason: 'date' };
  // Fast path for what exports mostly hold ("1234", "-12.5"): the same double as the full parse.
  if (typeof v === 'string' && PLAIN_DECIMAL.test(v)) {
    const n = Number(v);
    return bounded(n === 0 ? 0 : n);
  }
  const s = toHalfWidth(String(v)).trim().toLowerCase().replace(/[\s\u00a0]+/gu, '').replace(/￥/gu, '¥');
  const m = NUMBER_RE.exec(s);
  if (!m) return { ok: false, reason: 'text' };
  const [, sign1, sign2, intPart, fracPart, mag] = m;
  if (sign1 && sign2) return { ok: false, reason: 'text' };
  if (intPart === undefined && fracPart === undefined) return { ok: false, reason: 'text' };
  if (mag === '%' && kind !== 'rate') return { ok: false, reason: 'percent' };
  const digits = (intPart ?? '0').replace(/,/gu, '') + (fracPart ?? '');
  const exp = (mag ? (MAGNITUDE[mag] ?? 0) : 0) - (fracPart?.length ?? 0);
  const n = Number(`${digits}e${exp}`);
  const negative = sign1 === '-' || sign2 === '-';
  return bounded(negative && n !== 0 ? -n : n);
}

/** A calendar date, plus whether the cell carried a time of day (a session start). */
export interface DateValue {
  date: IsoDate;
  hasTime: boolean;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validYmd(y: number, m: number, d: number): IsoDate | null {
  if (!(Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d))) return null;
  if (!(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const dim = m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number);
  if (d > dim) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The calendar is the model's one (src/model/dates.ts); re-exported for the reader's callers. */
export { civilFromDays, daysFromCivil, isoToDays };

export { DAYS_1900_TO_1904 } from '../formats';

/**
 * Excel 1900 date system. Serial 1 = 1900-01-01; Excel also counts the non-existent 1900-02-29
 * as serial 60 (a Lotus bug), so serials ≥ 61 are days since 1899-12-30 and 1–59 since 1899-12-31.
 */
export function excelSerialToDate(serial: number): DateValue | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  if (day === 60) return null; // 1900-02-29 does not exist
  // 1899-12-30 is day −25569 of the Unix epoch.
  const iso = civilFromDays(day + (day >= 61 ? -UNIX_EPOCH_SERIAL : -(UNIX_EPOCH_SERIAL - 1)));
  return { date: iso, hasTime: serial !== day };
}

/** The Excel serial of a calendar date (inverse of excelSerialToDate for dates after 1900-02-28). */
export function dateToExcelSerial(date: IsoDate): number {
  return isoToDays(date) + UNIX_EPOCH_SERIAL;
}

const YMD_RE =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|t)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:z)?)?$/u;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/u;

/**
 * Dates as exports write them: Excel serials, JS Dates (ExcelJS hands dates over as UTC
 * midnight and date-times with the wall-clock time in UTC fields), "2024-05-01", "2024/5/1",
 * "2024.5.1", "2024年5月1日", "20240501", each optionally followed by a time ("20:00:00").
 */
export function parseDate(v: Cell): Parsed<DateValue | null> {
  if (isMissing(v)) return { ok: true, value: null };
  if (typeof v === 'boolean') return { ok: false, reason: 'bool' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, reason: 'bad_date' };
    const date = validYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    if (!date) return { ok: false, reason: 'bad_date' };
    const hasTime = v.getUTCHours() !== 0 || v.getUTCMinutes() !== 0 || v.getUTCSeconds() !== 0;
    return { ok: true, value: { date, hasTime } };
  }
  if (typeof v === 'number') return fromNumber(v);
  const s = toHalfWidth(String(v)).trim().toLowerCase();
  const compact = COMPACT_RE.exec(s);
  if (compact) return fromNumber(Number(s));
  const m = YMD_RE.exec(s);
  if (m) {
    const date = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return { ok: false, reason: 'bad_date' };
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) {
      return { ok: false, reason: 'bad_date' };
    }
    return { ok: true, value: { date, hasTime: m[4] !== undefined } };
  }
  // Numeric text (a CSV of serials) is read as a serial number.
  if (/^\d+(\.\d+)?$/u.test(s)) return fromNumber(Number(s));
  return { ok: false, reason: 'text' };
}

function fromNumber(n: number): Parsed<DateValue | null> {
  // yyyymmdd written as a number (some 抖店 reports): far beyond any plausible serial.
  if (Number.isInteger(n) && n >= 19000101 && n <= 99991231) {
    const date = validYmd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    return date ? { ok: true, value: { date, hasTime: false } } : { ok: false, reason: 'bad_date' };
  }
  const d = excelSerialToDate(n);
  return d ? { ok: true, value: d } : { ok: false, reason: 'bad_date' };
}
