/**
 * The block the ADPLAN_History name should cover: from the range's first row to the table's last
 * row, as wide as the table's header. Not the used range's rectangle: a title row above the header
 * (罗盘 exports have one) is shorter than the table, and a stray cell far right or far below would
 * make every =ADPLAN.* formula receive millions of blank cells from Excel.
 */
import { detectHeader, HEADER_SCAN_ROWS } from '../../data/table';
import { isInputError } from '../../model/core';
import type { Cell } from '../../data/table';
import type { RangeValues } from '../gateway/types';

const blank = (c: Cell | undefined): boolean => c === null || c === undefined || c === '';

/** Rows and columns of the table block of a range read from a sheet. */
export function historyBlock(r: RangeValues): { rows: number; columns: number } {
  const v = r.values;
  let columns = 0;
  try {
    const header = v[detectHeader(v.slice(0, HEADER_SCAN_ROWS)).headerIndex] ?? [];
    for (let j = header.length - 1; j >= 0 && columns === 0; j--) if (!blank(header[j])) columns = j + 1;
  } catch (e) {
    if (!isInputError(e)) throw e;
  }
  // No recognisable header: the widest row (a loop: a range may hold a million rows).
  if (columns === 0) for (const row of v) columns = Math.max(columns, row.length);
  let rows = v.length;
  const inTable = (row: readonly Cell[] | undefined): boolean => {
    for (let j = 0; j < Math.min(columns, row?.length ?? 0); j++) if (!blank(row?.[j])) return true;
    return false;
  };
  while (rows > 1 && !inTable(v[rows - 1])) rows--;
  return { rows: Math.max(rows, 1), columns: Math.max(columns, 1) };
}
