/**
 * Finding the inputs in a workbook: the history table (named range, then the active sheet, then
 * any sheet whose headers match), the other sheets that are a recognised export family (a 千川
 * sheet next to a 罗盘 sheet: joined on the date by the reader, as `adplan check` does), and the
 * assumptions table (named range, then any sheet whose
 * first column holds assumption keys).
 */
import { recognizeFamily } from '../../data/families';
import { historyBlock } from './historyBlock';
import { isInputError } from '../../model/core';
import { detectHeader, HEADER_SCAN_ROWS, mapHeaderRow } from '../../data/table';
import type { RangeValues, WorkbookGateway } from '../gateway/types';
import { ASSUMPTIONS_NAME, HISTORY_NAME } from '../gateway/types';
import { parseAssumptionsTable, type AssumptionsTable } from './assumptionsTable';

export type HistoryOrigin = 'named' | 'active' | 'sheet' | 'selection';

export interface FoundHistory {
  how: HistoryOrigin;
  range: RangeValues;
  /** The named range no longer covers the whole table (rows were appended): move the name. */
  grown?: boolean;
  /** Other sheets holding a recognised export family, joined with `range` on the date. */
  more?: RangeValues[];
}

/** True when the block's headers are one of the real export families (families.ts), not a plain table. */
export function isExportFamily(values: RangeValues['values']): boolean {
  try {
    const m = detectHeader(values);
    return recognizeFamily(values[m.headerIndex] ?? []).id !== 'generic';
  } catch (e) {
    if (!isInputError(e)) throw e;
    // Not a history table at all.
    return false;
  }
}

/** The used ranges of the other sheets that are an export family (same rule as the CLI's workbook reader). */
async function familySheets(gw: WorkbookGateway, main: FoundHistory, skip: ReadonlySet<string>): Promise<FoundHistory> {
  const more: RangeValues[] = [];
  for (const s of await gw.listSheets()) {
    if (s.name === main.range.sheet || skip.has(s.name.toLowerCase()) || !s.top || !isExportFamily(s.top.values)) continue;
    const used = await gw.readUsedRange(s.name);
    if (used) more.push(used);
  }
  return more.length > 0 ? { ...main, more } : main;
}

/** True when the block's headers name the required fields (the reader's own detection). */
export function looksLikeHistory(values: RangeValues['values']): boolean {
  try {
    detectHeader(values);
    return true;
  } catch (e) {
    if (!isInputError(e)) throw e;
    // Not a history table: the caller moves on to the next candidate.
    return false;
  }
}

/**
 * How many history fields the best of the top rows names. A table with a required column the
 * reader cannot recognise still scores, so the pane can show it and let the user map it.
 */
export function historyScore(values: RangeValues['values']): number {
  let best = 0;
  for (const row of values.slice(0, HEADER_SCAN_ROWS)) best = Math.max(best, Object.keys(mapHeaderRow(row).columns).length);
  return best;
}

/** Fewest recognised fields for a near match (e.g. date, views and orders, GMV unrecognised). */
const NEAR_MATCH = 3;

export async function findHistory(gw: WorkbookGateway, skipSheets: readonly string[] = []): Promise<FoundHistory | null> {
  const named = await gw.readNamed(HISTORY_NAME);
  if (named) {
    // Merchants append a row a day; a name is a fixed range. When the sheet's table starts where
    // the name does, has its width and runs further down, the table has grown: follow it.
    const used = await gw.readUsedRange(named.sheet);
    const width = (r: RangeValues) => historyBlock(r).columns;
    if (used && used.row === named.row && used.column === named.column && width(used) === width(named) && used.values.length > named.values.length) {
      return { how: 'named', range: used, grown: true };
    }
    return { how: 'named', range: named };
  }
  const skip = new Set(skipSheets.map((s) => s.toLowerCase()));
  const active = await gw.activeSheet();
  let near: FoundHistory | null = null;
  if (active && !skip.has(active.toLowerCase())) {
    const used = await gw.readUsedRange(active);
    if (used && looksLikeHistory(used.values)) return familySheets(gw, { how: 'active', range: used }, skip);
    if (used && historyScore(used.values) >= NEAR_MATCH) near = { how: 'active', range: used };
  }
  const sheets = await gw.listSheets();
  for (const s of sheets) {
    if (s.name === active || skip.has(s.name.toLowerCase()) || !s.top) continue;
    if (looksLikeHistory(s.top.values)) {
      const used = await gw.readUsedRange(s.name);
      if (used) return familySheets(gw, { how: 'sheet', range: used }, skip);
    }
    if (!near && historyScore(s.top.values) >= NEAR_MATCH) {
      const used = await gw.readUsedRange(s.name);
      if (used) near = { how: 'sheet', range: used };
    }
  }
  // Better a table with a fixable mapping than nothing: the reader's message says what is missing.
  return near;
}

export async function findAssumptions(gw: WorkbookGateway): Promise<AssumptionsTable | null> {
  const named = await gw.readNamed(ASSUMPTIONS_NAME);
  if (named) return parseAssumptionsTable(named);
  const sheets = await gw.listSheets();
  for (const s of sheets) {
    if (!s.top || !s.top.values.some((r) => typeof r[0] === 'string')) continue;
    const used = await gw.readUsedRange(s.name);
    const table = used ? parseAssumptionsTable(used) : null;
    if (table) return table;
  }
  return null;
}
