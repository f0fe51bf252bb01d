/**
 * Range arguments trimmed to their data. Excel hands a whole-column reference (A:R) as all
 * 1,048,576 rows; every function first drops the trailing empty rows and columns, in one pass from
 * the bottom (no spreading, no recursion), so a whole column costs what the table costs.
 * The same array object is trimmed once (Excel hands a fresh copy per call, tests and dashboards
 * may not).
 */
import type { Cell } from '../data/table';

const trimmed = new WeakMap<object, { zero: boolean; rows: unknown[][] }>();

/** Index of the last cell that holds something (-1 when none): null, undefined, '' (and 0 for tables) are blank. */
function lastUsedColumn(row: unknown, zeroIsBlank: boolean): number {
  if (!Array.isArray(row)) return -1;
  for (let j = row.length - 1; j >= 0; j--) {
    const c: unknown = row[j];
    if (c !== null && c !== undefined && c !== '' && !(zeroIsBlank && c === 0)) return j;
  }
  return -1;
}

/**
 * How many rows remain once the trailing blank ones are dropped. Every cell below the table is
 * looked at (any value there ends the scan): for a fresh whole-column array that is ~19 million
 * reads, ~25 ms, bound by memory access (a one-loop version with Excel's '' tested first measured
 * no faster).
 */
function usedRows(m: readonly unknown[][], zeroIsBlank: boolean): number {
  let rows = m.length;
  while (rows > 0 && lastUsedColumn(m[rows - 1], zeroIsBlank) < 0) rows--;
  return rows;
}

/** A 2-D array (a range): checked on its first row only, not on a million. */
export function isMatrix(v: unknown): v is unknown[][] {
  return Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]));
}

/**
 * A 2-D range without its trailing empty rows and columns. `zeroIsBlank` for tables (history,
 * assumptions), where an all-zero row cannot be data; not for value columns, where a last 0 is.
 */
export function trimRange(m: readonly unknown[][], zeroIsBlank: boolean): unknown[][] {
  const hit = trimmed.get(m);
  if (hit && hit.zero === zeroIsBlank) return hit.rows;
  const rows = usedRows(m, zeroIsBlank);
  let width = 0;
  for (let i = 0; i < rows; i++) {
    const r = m[i];
    if (Array.isArray(r) && r.length > width) width = Math.max(width, lastUsedColumn(r, zeroIsBlank) + 1);
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
  return isMatrix(v) ? (trimRange(v, zeroIsBlank) as Cell[][]) : v;
}
