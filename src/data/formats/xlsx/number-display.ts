/**
 * What a cell shows under an Excel number format code, for the browser preview's sheet view: the
 * codes AdPlan writes (number-formats.ts: `"¥"#,##0`, `#,##0`, `0.0%`, `0.00`, `0`,
 * `yyyy-mm-dd`) and their plain relatives — quoted or backslashed literals, thousands
 * separators, decimals, a percent, a negative section, date parts (yyyy yy mm m dd d). A date
 * format shows an Excel serial number (1900 system) or a Date as a date. Anything else falls back
 * to `general`. Browser-safe.
 */
import { serialToMs } from '../excel-epoch';
import { isDateFormat } from './xlsx-parts';

/** Excel's General, roughly: integers as they are, other numbers to 10 significant digits. */
export function general(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** The code with its literals removed, to look for its tokens. */
function bare(code: string): string {
  return code.replace(/"[^"]*"/gu, '').replace(/\\./gu, '').replace(/\[[^\]]*\]/gu, '');
}

function date(ms: number, code: string): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const parts: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    yy: two(d.getUTCFullYear() % 100),
    mm: two(d.getUTCMonth() + 1),
    m: String(d.getUTCMonth() + 1),
    dd: two(d.getUTCDate()),
    d: String(d.getUTCDate()),
  };
  return code.replace(/"([^"]*)"|\\(.)|yyyy|yy|mm|m|dd|d/giu, (tok, quoted?: string, escaped?: string) => quoted ?? escaped ?? parts[tok.toLowerCase()] ?? tok);
}

function number(n: number, code: string): string {
  const core = bare(code);
  const percent = core.includes('%');
  const v = Math.abs(percent ? n * 100 : n);
  const decimals = /\.([0#?]+)/u.exec(core)?.[1]?.length ?? 0;
  const grouped = /[0#?],[0#?]/u.test(core);
  let digits = v.toFixed(decimals);
  if (grouped) {
    const [int = '', frac] = digits.split('.');
    digits = int.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  // Literals before the first digit placeholder and after the last one stay where they are.
  const first = code.search(/[0#?]/u);
  const last = Math.max(code.lastIndexOf('0'), code.lastIndexOf('#'), code.lastIndexOf('?'));
  const lit = (s: string): string => s.replace(/"([^"]*)"|\\(.)|[%,]/gu, (t, q?: string, e?: string) => q ?? e ?? (t === '%' ? '%' : ''));
  const before = first >= 0 ? lit(code.slice(0, first)) : '';
  const after = last >= 0 ? lit(code.slice(last + 1)) : '';
  return `${before}${digits}${after}`;
}

/** The text a number, date or other value shows under `code` (General when absent). */
export function displayValue(v: unknown, code?: string): string {
  if (v === null || v === undefined) return '';
  const fmt = code && code.toLowerCase() !== 'general' ? code : undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    if (fmt && isDateFormat(fmt)) return date(v.getTime(), fmt.split(';')[0] ?? fmt);
    const iso = v.toISOString();
    return v.getUTCHours() || v.getUTCMinutes() ? iso.slice(0, 16).replace('T', ' ') : iso.slice(0, 10);
  }
  if (typeof v !== 'number') return String(v);
  if (!fmt) return general(v);
  const sections = fmt.split(';');
  const main = sections[0] ?? fmt;
  if (isDateFormat(main)) return Number.isFinite(v) ? date(serialToMs(v), main) : '';
  if (v < 0 && sections[1] !== undefined) return number(-v, sections[1]);
  const shown = number(v, main);
  return v < 0 && /[1-9]/u.test(shown) ? `-${shown}` : shown;
}
