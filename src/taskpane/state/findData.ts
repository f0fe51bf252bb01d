/**
 * Finding the inputs in a workbook: the history table (named range, then the active sheet, then
 * any sheet whose headers match), the other sheets that are a recognised export family (a 千川
 * sheet next to a 罗盘 sheet: joined on the date by the reader, as `adplan check` does), and the
 * assumptions table (named range, then any sheet whose
 * first column holds assumption keys).
 */
import { recognizeFamily } from '../../data/families';
import { isTargetLogSheet, joinedWith, likeliestHistory } from '../../data/merchant';
import type { SheetCells } from '../../data/formats';
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
  /** The other sheets read with `range` (the CLI's rule: export families, the room beside a paid-only export), joined on the date. */
  more?: RangeValues[];
  /** `range` and `more` by sheet name, in workbook order (the order the CLI joins them in). */
  order?: string[];
  /** The ROI目标记录 sheets (the target log: the fit's exogenous lever), read with the history as the CLI reads them. */
  logs?: RangeValues[];
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

/** A sheet's top rows as the reader's sheet type: what the CLI's sheet choice looks at. */
const asSheet = (name: string, top: RangeValues | null): SheetCells => ({ name, cells: top?.values ?? [] });

/** The target-log sheets' used ranges, in workbook order. */
async function targetLogs(gw: WorkbookGateway, sheets: readonly SheetCells[]): Promise<RangeValues[]> {
  const out: RangeValues[] = [];
  for (const s of sheets.filter(isTargetLogSheet)) {
    const used = await gw.readUsedRange(s.name);
    if (used) out.push(used);
  }
  return out;
}

/**
 * The other sheets read with `main`, chosen by the CLI's own rule (src/data joinedWith), their
 * used ranges read, and the order of all of them in the workbook (the join's tie-break).
 */
async function withJoined(gw: WorkbookGateway, main: FoundHistory, skip: ReadonlySet<string>): Promise<FoundHistory> {
  const listed = (await gw.listSheets()).filter((s) => !skip.has(s.name.toLowerCase()) || s.name === main.range.sheet);
  const sheets = listed.map((s) => asSheet(s.name, s.top));
  let head = sheets.find((s) => s.name === main.range.sheet);
  if (!head) {
    head = asSheet(main.range.sheet, main.range);
    sheets.push(head);
  }
  const logs = await targetLogs(gw, sheets.filter((s) => s !== head));
  const withLogs = logs.length > 0 ? { ...main, logs } : main;
  const joined = joinedWith(sheets.filter((s) => !isTargetLogSheet(s)), head);
  const more: RangeValues[] = [];
  for (const s of joined) {
    const used = await gw.readUsedRange(s.name);
    if (used) more.push(used);
  }
  if (more.length === 0) return withLogs;
  const order = sheets.filter((s) => s === head || joined.includes(s)).map((s) => s.name);
  return { ...withLogs, more, order };
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
      return withJoined(gw, { how: 'named', range: used, grown: true }, new Set());
    }
    return withJoined(gw, { how: 'named', range: named }, new Set());
  }
  const skip = new Set(skipSheets.map((s) => s.toLowerCase()));
  const active = await gw.activeSheet();
  const sheets = (await gw.listSheets()).filter((s) => !skip.has(s.name.toLowerCase()) && s.top);
  // The sheet the CLI reads (src/data likeliestHistory), when it is a history table.
  const best = sheets.length > 0 ? likeliestHistory(sheets.map((s) => asSheet(s.name, s.top))).name : null;
  const readable = sheets.filter((s) => s.top && looksLikeHistory(s.top.values));
  const pick = readable.find((s) => s.name === best) ?? readable[0];
  if (pick) {
    const used = await gw.readUsedRange(pick.name);
    if (used) return withJoined(gw, { how: pick.name === active ? 'active' : 'sheet', range: used }, skip);
  }
  let near: FoundHistory | null = null;
  for (const s of [...sheets].sort((a, b) => Number(b.name === active) - Number(a.name === active))) {
    if (!s.top || historyScore(s.top.values) < NEAR_MATCH) continue;
    const used = await gw.readUsedRange(s.name);
    if (used) {
      near = { how: s.name === active ? 'active' : 'sheet', range: used };
      break;
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
