/**
 * One `<c>` element's parts → the cell value readXlsxBytes gives for it (ExcelJS 4.4's reading
 * followed by plainCell): formulas → their cached value, shared/inline/rich strings → text,
 * errors → "#N/A", numbers in a date style → Dates. Kept apart so the rules sit in one place.
 * Two differences, on purpose (docs/data.md): a formula cached as 0 or FALSE keeps that value,
 * and the East Asian built-in date formats (xlsx-parts.ts) make Dates.
 */
import { DAYS_1900_TO_1904, MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../excel-epoch';
import { damaged } from '../zip/zip-guard';
import type { Cell } from '../cell';

export interface RawCell {
  /** The `t` attribute. */
  t: string | undefined;
  /** The `s` attribute, parsed (NaN when absent). */
  style: number;
  /** Text of `<v>` (and of `<is><t>`), undefined when there was none. */
  value: string | undefined;
  /** Texts of `<is><r>` runs, null when none. */
  runs: string[] | null;
  /** A formula: `<f>` with text or a `t` (shared/array). */
  formula: boolean;
}

export interface CellContext {
  fileName: string;
  shared: readonly (string | null)[];
  dateStyles: readonly boolean[];
  date1904: 'no' | '1' | 'true';
}


/** A serial as a Date, as ExcelJS computes it (then shifted by readXlsxBytes for date1904="true"). */
function serialDate(v: unknown, ctx: CellContext): Date {
  // ExcelJS applies JS arithmetic to whatever the cached value is (a string result included).
  const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? Number(v) : NaN;
  const native = ctx.date1904 === '1' ? DAYS_1900_TO_1904 : 0;
  const ms = Math.round((n - UNIX_EPOCH_SERIAL + native) * MS_PER_DAY);
  return new Date(ctx.date1904 === 'true' ? ms + DAYS_1900_TO_1904 * MS_PER_DAY : ms);
}

/** ExcelJS decodes entities in a t="str" value a second time. */
function xmlDecode(s: string): string {
  return s.replace(/&([a-z]*);/gu, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);
}

/**
 * A number as Excel stores it in `<v>`: digits, one optional point, an optional exponent. Anything
 * else ("1,234", "0x1F", a stray byte) is not read as its numeric prefix (parseFloat's rule) but
 * as NaN, which the readers report on its cell as "expected a number". Hot (every numeric cell):
 * Number() does the parsing, and refuses "1,234" or a stray byte itself; the ends and the second
 * character rule out what it reads and Excel never writes (" 12", "0x1F", "0b1", "Infinity").
 */
function xmlNumber(v: string): number {
  const n = Number(v);
  if (n !== n || v.length === 0) return NaN;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  const digit = (ch: number): boolean => ch >= 48 && ch <= 57;
  if (!(digit(first) || first === 45 || first === 43 || first === 46) || !(digit(last) || last === 46)) return NaN;
  if (first === 48 && v.length > 2) {
    const second = v.charCodeAt(1) | 0x20;
    if (second === 120 || second === 98 || second === 111) return NaN;
  }
  return n;
}

/** A style is a date style only when it is not style 0 (ExcelJS skips the default style). */
const isDate = (c: RawCell, ctx: CellContext): boolean => Boolean(c.style) && ctx.dateStyles[c.style] === true;

/** True when ExcelJS keeps the cell (it drops value-less, style-less ones before placing cells). */
export const placed = (c: RawCell): boolean => c.formula || c.value !== undefined || c.runs !== null || Boolean(c.style);

export function cellValue(c: RawCell, ctx: CellContext): Cell {
  if (c.formula) {
    if (!c.value) return null;
    let r: string | number | boolean;
    if (c.t === 'str') r = xmlDecode(c.value);
    else if (c.t === 'b') r = parseInt(c.value, 10) !== 0;
    else if (c.t === 'e') r = c.value;
    else r = xmlNumber(c.value);
    if (isDate(c, ctx)) return serialDate(c.t === 'e' ? NaN : r, ctx);
    // A formula that evaluates to 0 or FALSE is 0 or FALSE (ExcelJS drops such a cached result and
    // reads the cell as empty: a 0 commission rate would then take a default). "" is empty.
    return r === '' ? null : r;
  }
  if (c.runs !== null) return c.runs.join('');
  if (c.value === undefined) return null;
  switch (c.t) {
    case 's': {
      const i = parseInt(c.value, 10);
      if (!(i >= 0 && i < ctx.shared.length)) throw damaged(ctx.fileName, `shared string ${c.value.slice(0, 20)} is missing`);
      return ctx.shared[i] ?? null;
    }
    case 'str':
      return xmlDecode(c.value);
    case 'inlineStr':
      return c.value;
    case 'b':
      return parseInt(c.value, 10) !== 0;
    case 'e':
      return c.value;
    default: {
      const n = xmlNumber(c.value);
      return isDate(c, ctx) ? serialDate(n, ctx) : n;
    }
  }
}
