/**
 * Range arguments trimmed to their data. Excel hands a whole-column reference (A:R) as all
 * 1,048,576 rows; every function first drops the trailing empty rows and columns, in one pass from
 * the bottom (no spreading, no recursion), so a whole column costs what the table costs.
 * The same array object is trimmed once (Excel hands a fresh copy per call, tests and dashboards
 * may not).
 */
import type { Cell } from '../data/types';

/** Blank as Excel hands it: null (web), undefined, or an empty string. */
function isBlank(c: unknown): boolean {
  return c === null || c === undefined || c === '';
}

/** Tables also treat 0 as blank at the end: some desktop builds send 0 for every empty cell. */
function isBlankOrZero(c: unknown): boolean {
  return isBlank(c) || c === 0;
}

const trimmed = new WeakMap<object, { zero: boolean; rows: unknown[][] }>();

function lastUsedColumn(row: readonly unknown[], blank: (c: unknown) => boolean): number {
  for (let j = row.length - 1; j >= 0; j--) if (!blank(row[j])) return j;
  return -1;
}

/**
 * A 2-D range without its trailing empty rows and columns. `zeroIsBlank` for tables (history,
 * assumptions), where an all-zero row cannot be data; not for value columns, where a last 0 is.
 */
export function trimRange(m: readonly unknown[][], zeroIsBlank: boolean): unknown[][] {
  const hit = trimmed.get(m);
  if (hit && hit.zero === zeroIsBlank) return hit.rows;
  const blank = zeroIsBlank ? isBlankOrZero : isBlank;
  let rows = m.length;
  while (rows > 0) {
    const r = m[rows - 1];
    if (Array.isArray(r) && lastUsedColumn(r, blank) >= 0) break;
    rows--;
  }
  let width = 0;
  for (let i = 0; i < rows; i++) {
    const r = m[i];
    if (Array.isArray(r) && r.length > width) width = Math.max(width, lastUsedColumn(r, blank) + 1);
  }
  let out: unknown[][];
  if (rows === m.length && m.every((r) => Array.isArray(r) && r.length <= width)) out = m as unknown[][];
  else {
    out = new Array<unknown[]>(rows);
    for (let i = 0; i < rows; i++) {
      const r = m[i];
      out[i] = Array.isArray(r) ? (r.length > width ? r.slice(0, width) : r) : [];
    }
  }
  trimmed.set(m, { zero: zeroIsBlank, rows: out });
  return out;
}

/** A value when it is a 2-D array (a range), trimmed; anything else unchanged. */
export function trimArg(v: unknown, zeroIsBlank: boolean): unknown {
  if (!Array.isArray(v) || !v.every((r) => Array.isArray(r))) return v;
  return trimRange(v as unknown[][], zeroIsBlank) as Cell[][];
}
