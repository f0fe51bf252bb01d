/**
 * Field-mapping correction without touching the reader: the user's choice (field → column) is
 * applied by rewriting the header cells handed to the reader — the chosen column gets a header
 * the reader maps to the field (its own when it already does), columns that would compete lose
 * their header. The sheet itself is not changed.
 */
import { FIELD_SPEC, FIELDS } from '../../data/table';
import { detectHeader, HEADER_SCAN_ROWS, mapHeaderRow } from '../../data/table';
import { cellText } from '../../data/cells';
import type { Cell, HistoryField } from '../../data/table';
import { isInputError } from '../../model/core';

/** field → 0-based column of the range, or null for "not in this table". */
export type FieldOverrides = Partial<Record<HistoryField, number | null>>;

export const ALL_FIELDS: readonly HistoryField[] = FIELDS.map((f) => f.field);

export interface MappingView {
  /** 0-based row of the header inside the range. */
  headerIndex: number;
  /** Header texts of that row, as in the sheet. */
  headers: string[];
  /** field → 0-based column after automatic detection and the user's overrides. */
  columns: Partial<Record<HistoryField, number>>;
}

/** The header row: the reader's pick when it finds one, else the first row with text. */
export function headerRowIndex(cells: readonly (readonly Cell[])[]): number {
  try {
    return detectHeader(cells).headerIndex;
  } catch (e) {
    if (!isInputError(e)) throw e;
    // No recognisable header (the reader reports why when it reads): fall back to the first
    // row with several text cells so the user can map the columns by hand.
    const scan = Math.min(cells.length, HEADER_SCAN_ROWS);
    for (let i = 0; i < scan; i++) {
      if ((cells[i] ?? []).filter((c) => typeof c === 'string' && c.trim() !== '').length >= 2) return i;
    }
    return 0;
  }
}

export function applyOverrides(cells: readonly (readonly Cell[])[], overrides: FieldOverrides): Cell[][] {
  const out = cells.map((r) => [...r]);
  const fields = Object.keys(overrides) as HistoryField[];
  if (fields.length === 0 || out.length === 0) return out;
  const h = headerRowIndex(cells);
  const original = cells[h] ?? [];
  const row = out[h];
  if (!row) return out;
  const auto = mapHeaderRow(original).columns;
  const chosen = new Set<number>();
  for (const field of fields) {
    const col = overrides[field];
    // The automatically matched column steps aside, or it would compete with the choice.
    const previous = auto[field];
    if (previous !== undefined && previous !== col) row[previous] = null;
    if (col !== null && col !== undefined) {
      while (row.length <= col) row.push(null);
      // Keep the sheet's own header when it already names the field (it may say 人数 vs 次数).
      const own = original[col] ?? null;
      row[col] = mapHeaderRow([own]).columns[field] === 0 ? own : FIELD_SPEC[field].aliases[0];
      chosen.add(col);
    }
  }
  // Any other column that now matches an overridden field by pattern is blanked as well.
  const after = mapHeaderRow(row);
  for (const field of fields) {
    const col = after.columns[field];
    if (col !== undefined && !chosen.has(col)) row[col] = null;
  }
  return out;
}

export function mappingView(cells: readonly (readonly Cell[])[], overrides: FieldOverrides): MappingView {
  const h = headerRowIndex(cells);
  const rewritten = applyOverrides(cells, overrides);
  const columns = mapHeaderRow(rewritten[h] ?? []).columns;
  return { headerIndex: h, headers: (cells[h] ?? []).map((c) => cellText(c).trim()), columns };
}
